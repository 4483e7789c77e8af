using System.IO;
using System.Text.Json.Serialization;
using BookingApp.Assistant;
using BookingApp.Auditing;
using BookingApp.Authentication;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Seeding;
using BookingApp.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BookingApp;

/// <summary>
/// The secured booking platform. An explicit entry class (not top-level statements) so that one test
/// project can host this app and the legacy one side by side.
/// </summary>
public class SecureProgram
{
    public static void Main(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder.Services);

        WebApplication app = builder.Build();
        InitializeDatabase(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        app.Run();
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        services.AddDbContext<BookingDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            string contentRoot = provider.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
            options.UseSqlite(configuration.GetConnectionString("Booking") ?? $"Data Source={Path.Combine(contentRoot, "booking.db")}");
        });
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCompanyContext>();
        services.AddScoped<ICompanyContext>(provider => provider.GetRequiredService<HttpCompanyContext>());
        services.AddDataProtection().SetApplicationName("BookingApp");
        services.AddSingleton<AccessTickets>();
        services.AddAuthentication(BearerTicketHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTicketHandler>(BearerTicketHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();

        // A body field no input type declares (e.g. "companyId") is a 400, not silently dropped.
        services.AddControllers().AddJsonOptions(options =>
            options.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

        services.AddScoped<AccessAudit>();
        services.AddScoped<LoginService>();
        services.AddScoped<DashboardMetricsService>();
        services.AddScoped<AppointmentBookingService>();
        services.AddScoped<CalendarBookingService>();
        services.AddScoped<TeamService>();
        services.AddScoped<PlatformReportService>();

        services.AddScoped<IAssistantTool, CustomerTools>();
        services.AddScoped<IAssistantTool, BranchTools>();
        services.AddScoped<IAssistantTool, CompanyTools>();
        services.AddScoped<IAssistantTool, TeamTools>();
        services.AddScoped<IAssistantTool, AuthenticationTools>();
        services.AddScoped<IAssistantTool, AppointmentTools>();
        services.AddScoped<IAssistantTool, WebhookTools>();
        services.AddScoped<AssistantToolInvoker>();
    }

    private static void InitializeDatabase(WebApplication app)
    {
        using IServiceScope scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDbContext>();
        IDataProtector apiKeys = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(CalendarBookingService.ApiKeyPurpose);
        BookingSeeder.EnsureCreatedAndSeeded(db, apiKeys.Protect);
    }
}
