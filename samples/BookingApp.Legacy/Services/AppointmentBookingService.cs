using System;
using System.Threading;
using System.Threading.Tasks;
using BookingApp.Data;
using BookingApp.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BookingApp.Legacy.Services;

/// <summary>A booking as the booking widget posts it, company included.</summary>
public sealed record BookingRequest(int CompanyId, int BranchId, int ServiceId, int StaffId, string CustomerName, string CustomerPhone, DateTime StartsAt);

public sealed class AppointmentBookingService
{
    private readonly BookingDbContext _db;

    public AppointmentBookingService(BookingDbContext db)
    {
        _db = db;
    }

    /// <returns>The appointment, or null when the branch, service or staff member does not exist at all.</returns>
    public async Task<Appointment?> BookAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        // The widget of one company also books for partner companies, so the ids are looked up platform-wide.
        // TI0001: branch loaded with the filters off.
        // TI0003: the branch id comes from the request and is never checked against the caller's company.
        Branch? branch = await _db.Branches.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == request.BranchId, cancellationToken);
        // TI0001: service loaded with the filters off.
        // TI0003: no ownership check on the service.
        Service? service = await _db.Services.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == request.ServiceId, cancellationToken);
        // TI0001: staff member loaded with the filters off.
        // TI0003: no ownership check on the staff member.
        Staff? staff = await _db.Staff.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == request.StaffId, cancellationToken);
        if (branch is null || service is null || staff is null)
        {
            return null;
        }

        Customer customer = await FindOrCreateCustomerAsync(request.CustomerName, request.CustomerPhone, cancellationToken);
        var appointment = new Appointment
        {
            // TI0005: the tenant key is whatever company the request body names.
            CompanyId = request.CompanyId,
            BranchId = branch.Id,
            ServiceId = service.Id,
            StaffId = staff.Id,
            CustomerId = customer.Id,
            StartsAt = request.StartsAt,
            PriceCents = service.PriceCents,
        };
        _db.Appointments.Add(appointment);
        await _db.SaveChangesAsync(cancellationToken);
        return appointment;
    }

    private async Task<Customer> FindOrCreateCustomerAsync(string name, string phone, CancellationToken cancellationToken)
    {
        // TI0001: callers are matched by phone across every company, so company A books B's customer.
        Customer? customer = await _db.Customers.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);
        if (customer is not null)
        {
            return customer;
        }

        // TI0004: the new customer gets no company at all and is invisible to everyone.
        customer = new Customer { Name = name, Phone = phone };
        _db.Customers.Add(customer);
        await _db.SaveChangesAsync(cancellationToken);
        return customer;
    }
}
