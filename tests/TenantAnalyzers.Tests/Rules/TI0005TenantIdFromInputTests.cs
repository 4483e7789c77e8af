using Microsoft.CodeAnalysis.Testing;
using TenantAnalyzers.Rules;
using TenantAnalyzers.Tests.Infrastructure;
using Xunit;

namespace TenantAnalyzers.Tests.Rules;

public sealed class TI0005TenantIdFromInputTests
{
    private const string Requests = """

        namespace Booking
        {
            public class CustomerDto
            {
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
            }

            public class CreateCustomerRequest
            {
                public int CompanyId { get; set; }
                public string Name { get; set; } = "";
                public CustomerDto Customer { get; set; } = new();
            }
        }
        """;

    private static Task VerifyAsync(string source, string? options = null) =>
        Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>(source + Requests, options, TestReferences.AspNetCore10);

    private static string Controller(string members) => $$"""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking
        {
            [ApiController]
            [Route("api/customers")]
            public class CustomersApi : ControllerBase
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public CustomersApi(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }

        {{members}}
            }
        }
        """;

    [Fact]
    public Task Message_names_the_key_the_member_and_the_input() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>(
        Controller("""
                [HttpPut("{id}")]
                public void Move(int id, [FromBody] CreateCustomerRequest request)
                {
                    var customer = _db.Customers.Find(id)!;
                    customer.CompanyId = {|#0:request.CompanyId|};
                }
        """) + Requests,
        references: TestReferences.AspNetCore10,
        expected: new DiagnosticResult("TI0005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("Customer.CompanyId", "CustomersApi.Move", "request.CompanyId"));

    [Fact]
    public Task A_shadow_tenant_key_compared_with_input_is_reported() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>(
        // EF.Property<int>(e, "CompanyId") is a tenant key too: the message once cast it to a property and threw (AD0001).
        Controller("""
                [HttpGet]
                public IActionResult List([FromQuery] CreateCustomerRequest request) =>
                    Ok(_db.Customers.Where(c => EF.Property<int>(c, "CompanyId") == {|#0:request.CompanyId|}).ToList());
        """) + Requests,
        references: TestReferences.AspNetCore10,
        expected: new DiagnosticResult("TI0005", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithArguments("Customer.CompanyId", "CustomersApi.List", "request.CompanyId"));

    [Fact]
    public Task Initializer_nested_dto_member_and_local_are_reported() => VerifyAsync(Controller("""
                [HttpPost]
                public IActionResult Create(CreateCustomerRequest request)
                {
                    _db.Customers.Add(new Customer { Name = request.Name, CompanyId = {|TI0005:request.Customer.CompanyId|} });
                    var cid = request.CompanyId;
                    _db.AuditEntries.Add(new AuditEntry { Message = "created", CompanyId = {|TI0005:cid|} });
                    return Ok();
                }
        """));

    [Fact]
    public Task Tenant_root_lookups_by_a_route_value_are_reported() => VerifyAsync(Controller("""
                [HttpGet("/companies/{companyId}")]
                public async Task<IActionResult> Get(int companyId)
                {
                    var byFind = await _db.Companies.FindAsync({|TI0005:companyId|});
                    var byQuery = await _db.Companies.Where(c => c.Id == {|TI0005:companyId|}).FirstOrDefaultAsync();
                    var byPredicate = _db.Companies.FirstOrDefault(c => {|TI0005:companyId|} == c.Id);
                    return Ok(byFind ?? byQuery ?? byPredicate);
                }
        """));

    [Fact]
    public Task Comparison_with_key_names_on_both_sides_is_reported_once() => VerifyAsync(Controller("""
                [HttpPost]
                public IActionResult Switch([FromBody] CreateCustomerRequest request) =>
                    Ok(_db.Companies.Where(c => c.Id == {|TI0005:request.CompanyId|}).ToList());
        """));

    [Fact]
    public Task Tenant_owned_query_scoped_by_input_is_reported() => VerifyAsync(Controller("""
                [HttpGet]
                public IActionResult List([FromQuery] int? companyId) =>
                    Ok(_db.AuditEntries.Where(e => e.CompanyId == {|TI0005:companyId|}).ToList());
        """));

    [Fact]
    public Task Minimal_api_lambda_and_method_group_handlers_are_reported() => VerifyAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        namespace Booking
        {
            public static class CustomerEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPost("/companies/{companyId}/customers", (int companyId, CustomerDto dto, BookingDbContext db) =>
                    {
                        db.Customers.Add(new Customer { Name = dto.Name, CompanyId = {|TI0005:companyId|} });
                        return Results.Ok();
                    });
                    app.MapGet("/companies/{companyId}", GetCompany);
                }

                private static IResult GetCompany(int companyId, BookingDbContext db) => Results.Ok(db.Companies.Find({|TI0005:companyId|}));
            }
        }
        """);

    [Fact]
    public Task Controller_by_name_convention_is_an_entry_point() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>("""
        namespace Booking
        {
            public class InvoicesController
            {
                private readonly BookingDbContext _db = null!;

                public object Company(int companyId) => _db.Companies.Find({|TI0005:companyId|})!;
            }
        }
        """);

    [Fact]
    public Task Configured_entry_points_by_interface_and_attribute_are_reported() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>("""
        using System;
        using System.Linq;

        namespace Assistant
        {
            public interface IAssistantTool { }

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class McpServerToolTypeAttribute : Attribute { }

            public class CustomerLookupTool : Booking.IAssistantToolMarker, IAssistantTool
            {
                private readonly Booking.BookingDbContext _db = null!;

                public int Count(int companyId) => _db.AuditEntries.Count(e => e.CompanyId == {|TI0005:companyId|});
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class McpServerToolAttribute : Attribute { }

            public class LooseTools
            {
                [McpServerTool]
                public object? Company(Booking.BookingDbContext db, int companyId) => db.Companies.Find({|TI0005:companyId|});

                public object? NotATool(Booking.BookingDbContext db, int companyId) => db.Companies.Find(companyId);
            }

            [McpServerToolType]
            public static class CompanyTools
            {
                public static string? Name(Booking.BookingDbContext db, int companyId) => db.Companies.Find({|TI0005:companyId|})?.Name;

                internal static string? Internal(Booking.BookingDbContext db, int companyId) => db.Companies.Find(companyId)?.Name;
            }
        }

        namespace Booking
        {
            public interface IAssistantToolMarker { }
        }
        """, "tenant_isolation.entry_points = IAssistantTool, Assistant.McpServerToolType, McpServerTool");

    [Fact]
    public Task Without_the_entry_points_option_tool_handlers_are_not_reported() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>("""
        namespace Assistant
        {
            public interface IAssistantTool { }

            public class CustomerLookupTool : IAssistantTool
            {
                private readonly Booking.BookingDbContext _db = null!;

                public object? Company(int companyId) => _db.Companies.Find(companyId);
            }
        }
        """);

    [Fact]
    public Task Service_layer_parameters_are_not_reported_but_request_models_an_entry_point_binds_are() => VerifyAsync("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            public class CustomersController : ControllerBase
            {
                private readonly CustomerService _service;
                public CustomersController(CustomerService service) => _service = service;

                [HttpPost]
                public IActionResult Create(int companyId, [FromBody] CreateCustomerRequest request)
                {
                    _service.Create(companyId, request);
                    return Ok();
                }
            }

            public class CustomerService
            {
                private readonly BookingDbContext _db;

                public CustomerService(BookingDbContext db) => _db = db;

                public void Create(int companyId, CreateCustomerRequest request)
                {
                    _db.Customers.Add(new Customer { CompanyId = companyId, Name = request.Name });
                    _db.AuditEntries.Add(new AuditEntry { CompanyId = {|TI0005:request.CompanyId|} });
                    _ = _db.Companies.Find(companyId);
                }
            }
        }
        """);

    [Fact]
    public Task Request_model_a_background_job_builds_from_an_entity_is_not_input() => VerifyAsync("""
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Booking
        {
            public class SyncCompanyCommand
            {
                public int CompanyId { get; set; }
            }

            public class NightlySync
            {
                private readonly BookingDbContext _db;
                private readonly SyncCompanyHandler _handler;

                public NightlySync(BookingDbContext db, SyncCompanyHandler handler)
                {
                    _db = db;
                    _handler = handler;
                }

                public async Task RunAsync(CancellationToken ct)
                {
                    foreach (var company in _db.Companies.ToList())
                    {
                        await _handler.Handle(new SyncCompanyCommand { CompanyId = company.Id }, ct);
                    }
                }
            }

            public class SyncCompanyHandler
            {
                private readonly BookingDbContext _db;
                public SyncCompanyHandler(BookingDbContext db) => _db = db;

                public Task Handle(SyncCompanyCommand request, CancellationToken ct)
                {
                    var company = _db.Companies.Find(request.CompanyId);
                    _db.AuditEntries.Add(new AuditEntry { CompanyId = request.CompanyId, Message = "synced " + company?.Name });
                    return Task.CompletedTask;
                }
            }
        }
        """);

    [Fact]
    public Task MediatR_request_bound_from_a_controller_body_is_input_in_its_handler() => VerifyAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            public record MoveCustomerCommand(int CustomerId, int CompanyId);

            [ApiController]
            [Route("api/customers")]
            public class CustomersController : ControllerBase
            {
                private readonly MoveCustomerHandler _handler;
                public CustomersController(MoveCustomerHandler handler) => _handler = handler;

                [HttpPost("move")]
                public Task Move([FromBody] MoveCustomerCommand command, CancellationToken ct) => _handler.Handle(command, ct);
            }

            public class MoveCustomerHandler
            {
                private readonly BookingDbContext _db;
                public MoveCustomerHandler(BookingDbContext db) => _db = db;

                public async Task Handle(MoveCustomerCommand request, CancellationToken ct)
                {
                    var customer = await _db.Customers.FindAsync(new object[] { request.CustomerId }, ct);
                    customer!.CompanyId = {|TI0005:request.CompanyId|};
                }
            }
        }
        """);

    [Fact]
    public Task A_request_model_member_every_binding_entry_point_sets_itself_is_not_input_downstream() => VerifyAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            public class CreateNoteCommand
            {
                public int CompanyId { get; set; }
                public string Text { get; set; } = "";
            }

            public record ImportNoteCommand(int CompanyId, string Text);

            [ApiController]
            [Route("api/notes")]
            public class NotesController : ControllerBase
            {
                private readonly NoteHandler _handler;
                private readonly ICompanyContext _companyContext;

                public NotesController(NoteHandler handler, ICompanyContext companyContext)
                {
                    _handler = handler;
                    _companyContext = companyContext;
                }

                [HttpPost]
                public Task Create([FromBody] CreateNoteCommand command, CancellationToken ct)
                {
                    command.CompanyId = _companyContext.CompanyId;
                    return _handler.Handle(command, ct);
                }

                [HttpPost("import")]
                public Task Import([FromBody] ImportNoteCommand command, CancellationToken ct) =>
                    _handler.Handle(command with { CompanyId = _companyContext.CompanyId }, ct);

                [HttpPost("raw")]
                public Task Raw([FromBody] ImportNoteCommand command, CancellationToken ct) => _handler.Handle(command, ct);
            }

            public class NoteHandler
            {
                private readonly BookingDbContext _db;
                public NoteHandler(BookingDbContext db) => _db = db;

                public Task Handle(CreateNoteCommand request, CancellationToken ct)
                {
                    _db.AuditEntries.Add(new AuditEntry { CompanyId = request.CompanyId, Message = request.Text });
                    return _db.SaveChangesAsync(ct);
                }

                public Task Handle(ImportNoteCommand request, CancellationToken ct)
                {
                    _db.AuditEntries.Add(new AuditEntry { CompanyId = {|TI0005:request.CompanyId|}, Message = request.Text });
                    return _db.SaveChangesAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task Values_read_from_the_request_itself_are_input_wherever_they_are_read() => VerifyAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        namespace Booking
        {
            public class TenantResolutionMiddleware
            {
                private readonly RequestDelegate _next;
                public TenantResolutionMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context, BookingDbContext db)
                {
                    var fromHeader = int.Parse(context.Request.Headers["X-Company-Id"].ToString());
                    var company = db.Companies.FirstOrDefault(c => c.Id == {|TI0005:fromHeader|});
                    var fromQuery = db.Companies.Find({|TI0005:int.Parse(context.Request.Query["company"]!)|});
                    var fromRoute = db.AuditEntries.Where(e => e.CompanyId == {|TI0005:(int)context.Request.RouteValues["companyId"]!|}).ToList();
                    context.Items["company"] = company ?? fromQuery;
                    await _next(context);
                }
            }
        }
        """);

    [Fact]
    public Task Input_compared_with_the_context_first_is_not_reported() => VerifyAsync(Controller("""
                [HttpPost]
                public IActionResult Create(CreateCustomerRequest request)
                {
                    if (request.CompanyId != _companyContext.CompanyId)
                    {
                        return Forbid();
                    }

                    _db.Customers.Add(new Customer { Name = request.Name, CompanyId = request.CompanyId });
                    return Ok();
                }

                [HttpGet("/companies/{companyId}")]
                public IActionResult Get(int companyId)
                {
                    var company = _db.Companies.Find({|TI0005:companyId|});
                    if (companyId != _companyContext.CompanyId)
                    {
                        return Forbid();
                    }

                    return Ok(company);
                }
        """));

    [Fact]
    public Task Context_values_services_and_helpers_are_not_reported() => VerifyAsync(Controller("""
                [HttpPost]
                public IActionResult Create(CreateCustomerRequest request, [FromServices] ICompanyContext context)
                {
                    var companyId = _companyContext.CompanyId;
                    _db.Customers.Add(new Customer { Name = request.Name, CompanyId = companyId });
                    _db.AuditEntries.Add(new AuditEntry { CompanyId = context.CompanyId });
                    return Ok(_db.Companies.Find(_companyContext.CompanyId));
                }

                private Company? Helper(int companyId) => _db.Companies.Find(companyId);

                [NonAction]
                public Company? NotAnAction(int companyId) => _db.Companies.Find(companyId);
        """));

    [Fact]
    public Task Non_tenant_lookups_by_input_are_not_reported() => VerifyAsync(Controller("""
                [HttpGet("{id}")]
                public IActionResult Get(int id, int countryId)
                {
                    var customer = _db.Customers.Find(id);
                    var country = _db.Countries.Find(countryId);
                    var byId = _db.Customers.FirstOrDefault(c => c.Id == id);
                    return Ok(new object[] { customer!, country!, byId! });
                }
        """));

    [Fact]
    public Task Justified_cross_tenant_action_is_reported_only_as_justified() => VerifyAsync(Controller("""
                [CrossTenant("Platform operator console: support staff switch between companies")]
                [HttpGet("/admin/companies/{companyId}")]
                public IActionResult Get(int companyId) => Ok(_db.Companies.Find({|TI0200:companyId|}));
        """));

    [Fact]
    public Task Configured_tenant_key_decides_what_a_tenant_key_is() => VerifyAsync(Controller("""
                [HttpPost]
                public void Create(CreateCustomerRequest request)
                {
                    _db.Customers.Add(new Customer { Name = request.Name, CompanyId = request.CompanyId });
                }
        """), "tenant_isolation.tenant_key = TenantId");

    [Fact]
    public Task Configured_tenant_key_of_another_name_is_reported() => Verify.AnalyzerAsync<TenantIdFromInputAnalyzer>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        namespace Billing
        {
            public class Invoice
            {
                public int Id { get; set; }
                public int OrganizationId { get; set; }
            }

            public class InvoicesController
            {
                private readonly DbContext _db = null!;

                public void Reassign(int id, int organizationId)
                {
                    var invoice = _db.Set<Invoice>().Single(i => i.Id == id);
                    invoice.OrganizationId = {|TI0005:organizationId|};
                }
            }
        }
        """, "tenant_isolation.tenant_key = OrganizationId", prelude: false);

    [Fact]
    public Task Request_model_handed_from_a_controller_to_a_service_is_still_input() => VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace Booking
        {
            [ApiController]
            public class SignupController : ControllerBase
            {
                private readonly CustomerRegistration _registration;
                public SignupController(CustomerRegistration registration) => _registration = registration;

                [HttpPost("api/customers")]
                public Task<Customer> Create(CreateCustomerRequest request) => _registration.RegisterAsync(request);

                [HttpPut("api/customers")]
                public Task<Customer> Replace(Customer customer) => _registration.CopyAsync(customer);
            }

            public class CustomerRegistration
            {
                private readonly BookingDbContext _db;
                public CustomerRegistration(BookingDbContext db) => _db = db;

                public async Task<Customer> RegisterAsync(CreateCustomerRequest request)
                {
                    var customer = new Customer { Name = request.Name, CompanyId = {|TI0005:request.CompanyId|} };
                    _db.Customers.Add(customer);
                    await _db.SaveChangesAsync();
                    return customer;
                }

                // An entity bound directly is loaded everywhere else: its key is not treated as input in services.
                public async Task<Customer> CopyAsync(Customer source)
                {
                    var copy = new Customer { Name = source.Name, CompanyId = source.CompanyId };
                    _db.Customers.Add(copy);
                    await _db.SaveChangesAsync();
                    return copy;
                }
            }
        }
        """);
}
