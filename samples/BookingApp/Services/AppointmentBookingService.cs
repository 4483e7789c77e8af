using System;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Services;

/// <summary>A booking as the portal or the assistant asks for it. It carries no company: that comes from the context.</summary>
public sealed record BookingRequest(int BranchId, int ServiceId, int StaffId, string CustomerName, string CustomerPhone, DateTime StartsAt);

/// <summary>The booked appointment, or which referenced record was not one of the company's.</summary>
public sealed record BookingResult(Appointment? Appointment, string? MissingReference);

/// <summary>
/// Books appointments. Branch, service and staff ids come from the client, so each is checked to
/// belong to the authenticated company; the customer is found or created inside that company only.
/// </summary>
public sealed class AppointmentBookingService
{
    private readonly BookingDbContext _db;
    private readonly ICompanyContext _companyContext;

    public AppointmentBookingService(BookingDbContext db, ICompanyContext companyContext)
    {
        _db = db;
        _companyContext = companyContext;
    }

    public async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        int companyId = _companyContext.CompanyId;
        Branch? branch = await _db.Branches.SingleOrDefaultAsync(b => b.Id == request.BranchId && b.CompanyId == companyId, cancellationToken);
        if (branch is null)
        {
            return new BookingResult(null, $"branch {request.BranchId}");
        }

        Service? service = await _db.Services.SingleOrDefaultAsync(s => s.Id == request.ServiceId && s.CompanyId == companyId, cancellationToken);
        if (service is null)
        {
            return new BookingResult(null, $"service {request.ServiceId}");
        }

        Staff? staff = await _db.Staff.SingleOrDefaultAsync(s => s.Id == request.StaffId && s.CompanyId == companyId && s.BranchId == branch.Id, cancellationToken);
        if (staff is null)
        {
            return new BookingResult(null, $"staff {request.StaffId}");
        }

        Customer customer = await FindOrCreateCustomerAsync(request.CustomerName, request.CustomerPhone, cancellationToken);
        var appointment = new Appointment
        {
            CompanyId = _companyContext.CompanyId,
            BranchId = branch.Id,
            ServiceId = service.Id,
            StaffId = staff.Id,
            CustomerId = customer.Id,
            StartsAt = request.StartsAt,
            PriceCents = service.PriceCents,
        };
        _db.Appointments.Add(appointment);
        await _db.SaveChangesAsync(cancellationToken);
        return new BookingResult(appointment, null);
    }

    private async Task<Customer> FindOrCreateCustomerAsync(string name, string phone, CancellationToken cancellationToken)
    {
        Customer? customer = await _db.Customers.FirstOrDefaultAsync(c => c.Phone == phone && c.CompanyId == _companyContext.CompanyId, cancellationToken);
        if (customer is not null)
        {
            return customer;
        }

        customer = new Customer { CompanyId = _companyContext.CompanyId, Name = name, Phone = phone };
        _db.Customers.Add(customer);
        await _db.SaveChangesAsync(cancellationToken);
        return customer;
    }
}
