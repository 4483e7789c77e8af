using System.IO;
using BookingApp.Data;
using BookingApp.Data.Assistant;
using BookingApp.Data.Seeding;
using BookingApp.Legacy.Assistant;
using BookingApp.Legacy.Authentication;
using BookingApp.Legacy.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BookingApp.Legacy;

/// <summary>
/// The booking platform as audited. An explicit entry class (not top-level statements) so that one
/// test project can host this app and the secured one side by side.
/// </summary>
public class LegacyProgram
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
        services.AddScoped<ICompanyContext, HttpCompanyContext>();
        services.AddDataProtection().SetApplicationName("BookingApp.Legacy");
        services.AddSingleton<AccessTickets>();
        services.AddAuthentication(BearerTicketHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTicketHandler>(BearerTicketHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();
        services.AddControllers();

        services.AddScoped<LoginService>();
        services.AddScoped<DashboardMetricsService>();
        services.AddScoped<AppointmentBookingService>();
        services.AddScoped<CalendarBookingService>();
        services.AddScoped<TeamService>();

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
        // Calendar API keys are stored as given: in plain text.
        BookingSeeder.EnsureCreatedAndSeeded(scope.ServiceProvider.GetRequiredService<BookingDbContext>(), apiKey => apiKey);
    }
}
