using System;
using System.Linq;
using BookingApp.Data.Entities;
using BookingApp.Data.Security;

namespace BookingApp.Data.Seeding;

/// <summary>
/// Creates the database and fills it, on first run only, with two customer companies and the
/// platform operator. Appointment and call times are relative to now so the dashboard has figures.
/// </summary>
public static class BookingSeeder
{
    /// <param name="protectApiKey">How calendar API keys are stored: the secured app encrypts them, the legacy app does not.</param>
    public static void EnsureCreatedAndSeeded(BookingDbContext db, Func<string, string> protectApiKey)
    {
        db.Database.EnsureCreated();
        if (db.Companies.Any())
        {
            return;
        }

        DateTime now = DateTime.UtcNow;
        var aurora = new Company { Name = "Salon Aurora", Slug = "salon-aurora", Plan = "professional", CreatedAt = now.AddYears(-2) };
        var nordlicht = new Company { Name = "Nordlicht Physiotherapie", Slug = "nordlicht-physio", Plan = "business", CreatedAt = now.AddYears(-1) };
        var platform = new Company { Name = "BookingCloud Operations", Slug = "bookingcloud-ops", Plan = "internal", CreatedAt = now.AddYears(-3) };
        db.Companies.AddRange(aurora, nordlicht, platform);
        db.SaveChanges();

        SeedCompany(db, aurora.Id, now, new CompanySeed(
            Branches: [("Aurora Mitte", "Berlin", "+49 30 5550101"), ("Aurora Prenzlauer Berg", "Berlin", "+49 30 5550102")],
            Staff: ["Lena Hoffmann", "Mehmet Yilmaz", "Sofia Rossi"],
            Services: [("Haircut & styling", 45, 4900), ("Colouring", 90, 8900), ("Beard trim", 20, 1900)],
            Customers: [("Julia Schmidt", "+49 151 1000001"), ("Paul Fischer", "+49 151 1000002"), ("Emma Wagner", "+49 151 1000003"), ("Lukas Becker", "+49 151 1000004")],
            Users: [(SeedAccounts.AuroraAdminEmail, "Anna Keller", SeedAccounts.AuroraAdminPassword, UserRoles.Admin),
                    (SeedAccounts.AuroraStaffEmail, "Ben Wolf", SeedAccounts.AuroraStaffPassword, UserRoles.Staff)],
            CalendarApiKey: SeedAccounts.AuroraCalendarApiKey,
            EventTypeId: "evt_aurora_haircut"), protectApiKey);

        SeedCompany(db, nordlicht.Id, now, new CompanySeed(
            Branches: [("Nordlicht Altona", "Hamburg", "+49 40 5550201"), ("Nordlicht Eppendorf", "Hamburg", "+49 40 5550202")],
            Staff: ["Dr. Henrik Olsen", "Maja Petersen", "Jonas Krüger"],
            Services: [("Physiotherapy 30 min", 30, 3600), ("Manual therapy", 45, 5400), ("Sports massage", 60, 6900)],
            Customers: [("Clara Neumann", "+49 160 2000001"), ("Felix Braun", "+49 160 2000002"), ("Greta Hansen", "+49 160 2000003"), ("Moritz Vogel", "+49 160 2000004")],
            Users: [(SeedAccounts.NordlichtAdminEmail, "Nora Lind", SeedAccounts.NordlichtAdminPassword, UserRoles.Admin),
                    (SeedAccounts.NordlichtStaffEmail, "Tim Berg", SeedAccounts.NordlichtStaffPassword, UserRoles.Staff)],
            CalendarApiKey: SeedAccounts.NordlichtCalendarApiKey,
            EventTypeId: "evt_nordlicht_physio30"), protectApiKey);

        db.Users.Add(new User
        {
            CompanyId = platform.Id,
            Email = SeedAccounts.OperatorEmail,
            Name = "Platform Operations",
            PasswordHash = PasswordHashing.Hash(SeedAccounts.OperatorPassword),
            Role = UserRoles.SuperAdmin,
        });
        db.SaveChanges();
    }

    private sealed record CompanySeed(
        (string Name, string City, string Phone)[] Branches,
        string[] Staff,
        (string Name, int Minutes, int PriceCents)[] Services,
        (string Name, string Phone)[] Customers,
        (string Email, string Name, string Password, string Role)[] Users,
        string CalendarApiKey,
        string EventTypeId);

    private static void SeedCompany(BookingDbContext db, int companyId, DateTime now, CompanySeed seed, Func<string, string> protectApiKey)
    {
        Branch[] branches = seed.Branches
            .Select(b => new Branch { CompanyId = companyId, Name = b.Name, City = b.City, Phone = b.Phone })
            .ToArray();
        Service[] services = seed.Services
            .Select(s => new Service { CompanyId = companyId, Name = s.Name, DurationMinutes = s.Minutes, PriceCents = s.PriceCents })
            .ToArray();
        Customer[] customers = seed.Customers
            .Select(c => new Customer { CompanyId = companyId, Name = c.Name, Phone = c.Phone, Email = EmailOf(c.Name, "mail.example") })
            .ToArray();
        db.AddRange(branches);
        db.AddRange(services);
        db.AddRange(customers);
        db.SaveChanges();

        Staff[] staff = seed.Staff
            .Select((name, i) => new Staff { CompanyId = companyId, BranchId = branches[i % branches.Length].Id, Name = name, Email = EmailOf(name, "staff.example") })
            .ToArray();
        db.AddRange(staff);
        db.SaveChanges();

        for (int i = 0; i < 8; i++)
        {
            Service service = services[i % services.Length];
            Staff member = staff[i % staff.Length];
            db.Appointments.Add(new Appointment
            {
                CompanyId = companyId,
                BranchId = member.BranchId,
                ServiceId = service.Id,
                StaffId = member.Id,
                CustomerId = customers[i % customers.Length].Id,
                StartsAt = now.Date.AddDays(i - 3).AddHours(9 + i),
                Status = i == 1 ? AppointmentStatus.NoShow : AppointmentStatus.Booked,
                PriceCents = service.PriceCents,
            });
        }

        for (int i = 0; i < 4; i++)
        {
            Customer caller = customers[i];
            db.PhoneCalls.Add(new PhoneCall
            {
                CompanyId = companyId,
                BranchId = branches[i % branches.Length].Id,
                CustomerId = caller.Id,
                FromNumber = caller.Phone,
                StartedAt = now.AddHours(-2 - (i * 5)),
                DurationSeconds = 95 + (i * 40),
                Summary = $"{caller.Name} asked about {services[i % services.Length].Name}.",
            });
        }

        db.Users.AddRange(seed.Users.Select(u => new User
        {
            CompanyId = companyId,
            Email = u.Email,
            Name = u.Name,
            PasswordHash = PasswordHashing.Hash(u.Password),
            Role = u.Role,
        }));

        db.CalendarIntegrations.Add(new CalendarIntegration
        {
            CompanyId = companyId,
            Provider = "calcom",
            ApiKey = protectApiKey(seed.CalendarApiKey),
            EventTypeId = seed.EventTypeId,
        });
        db.SaveChanges();
    }

    private static string EmailOf(string name, string domain) =>
        string.Concat(name.ToLowerInvariant().Where(char.IsAsciiLetterLower).Take(12)) + "@" + domain;
}
