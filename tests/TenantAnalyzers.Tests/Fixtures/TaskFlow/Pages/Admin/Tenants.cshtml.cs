using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TaskFlow.Authorization;
using TaskFlow.Data;

namespace TaskFlow.Pages.Admin;

[Authorize(Policy = Policies.SuperAdminOnly)]
public class TenantsModel : PageModel
{
    private readonly AppDbContext _db;

    public TenantsModel(AppDbContext db) => _db = db;

    public IReadOnlyList<Invoice> UnpaidInvoices { get; private set; } = new List<Invoice>();

    public async Task OnGetAsync()
    {
        UnpaidInvoices = await _db.Invoices.IgnoreQueryFilters().Where(i => !i.IsPaid).ToListAsync(); // justified: TI0001
    }
}
