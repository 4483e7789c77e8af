using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

/// <summary>
/// Files one keystroke away from ordinary code that once kept an analyzer busy past cancellation (a missing identifier's
/// empty name stalled the text scan). Each must be analysed, by every analyzer, well inside a generous bound.
/// </summary>
public sealed class HangRegressionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Files => new()
    {
        // TI0005: the comparison test scanned for the missing name inside the file-wide scan.
        """
        public class BranchesController{
            public Branch? Pick() => db..Id == && b.CompanyId ==
        """,
        // TI0005: a local-declaration search for the missing name.
        """
            public class StaffController    {
                public IActionResult Create([FromBody] CreateStaffRequest request)
                {
        CompanyId = sealed.
        """,
        // TI0003: the receiver lookup for a receiver deleted while retyping it.
        """
        Order?> AnyTenantsOrderAsync() => .Orders.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.Id == id
        """,
        // TI0005: two tokens swapped in a controller action.
        """
        using Microsoft.AspNetCore.Mvc;
        public class BranchesController : ControllerBase
        {
            private readonly BookingDbContext _db = null!;
            public async Task<IActionResult> Get(int id, CancellationToken cancellationToken) =>
                await FindAsync(?, cancellationToken) is { } branch id branch : NotFound();
        }
        """,
        // An object initializer whose receiver was deleted while retyping it.
        """
        using Microsoft.AspNetCore.Mvc;
        public class CustomersController : ControllerBase
        {
            private readonly BookingDbContext _db = null!;
            public IActionResult Create([FromBody] Customer request)
            {
                _db.Customers.Add(new Customer
                {
                    CompanyId = .CompanyId,
                    Name = request.Name,
                });
                return Ok();
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Broken_files_are_analysed_promptly(string file)
    {
        // The analysis is cancelled at the bound; the wait gives up a little later so that a loop that ignores
        // cancellation fails the test instead of hanging the run.
        using var cancellation = new CancellationTokenSource(Bound);
        var analysis = AnalyzerRunner.RunAsync(cancellation.Token, file, Prelude.Domain);
        var finished = await Task.WhenAny(analysis, Task.Delay(Bound + Bound));

        Assert.True(finished == analysis && analysis.IsCompletedSuccessfully, $"analysis did not finish within {Bound.TotalSeconds} s");
        Assert.Empty((await analysis).Exceptions);
    }
}
