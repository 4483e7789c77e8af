using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using TenantAnalyzers.Scanning;
using TenantAnalyzers.StressTests.Hosting;
using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.Tests.Infrastructure;

namespace TenantAnalyzers.StressTests;

/// <summary>
/// No rule's work for a file may grow faster than the file: a member with four times the candidates may cost about four
/// times the work, never sixteen. Work is counted, not timed (<see cref="WorkMeter"/>: text searched and nodes indexed),
/// so the test cannot flake; before the per-member indexes, every shape here cost the member's size per candidate.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class ScalingTests
{
    private const int Candidates = 25;

    /// <summary>Four times the candidates: linear work is about 4 times as much, quadratic about 16.</summary>
    private const double MaxGrowth = 6;

    private readonly StressLog _log;

    public ScalingTests(StressLog log)
    {
        _log = log;
    }

    public static TheoryData<string> Shapes => new(ShapeTemplates.Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Work_grows_linearly_with_the_candidates_of_a_member(string shape)
    {
        var host = await AnalyzerHost.CreateAsync();
        var small = Work(host, ShapeTemplates[shape](Candidates));
        var large = Work(host, ShapeTemplates[shape](4 * Candidates));

        var searched = (double)large.Searched / small.Searched;
        var visited = (double)large.Visited / Math.Max(small.Visited, 1);
        _log.Write("scaling", $"{shape}: for {Candidates} and {4 * Candidates} candidates, {small.Searched:N0} and {large.Searched:N0} characters searched (x{searched:F1}), " +
            $"{small.Visited:N0} and {large.Visited:N0} nodes visited (x{visited:F1})");
        Assert.True(searched <= MaxGrowth, $"{shape}: the text searched grew {searched:F1} times for 4 times the candidates");
        Assert.True(visited <= MaxGrowth, $"{shape}: the nodes visited grew {visited:F1} times for 4 times the candidates");
    }

    private static (long Searched, long Visited) Work(AnalyzerHost host, string file)
    {
        var (searched, visited) = (WorkMeter.Searched, WorkMeter.Visited);
        foreach (var analyzer in AnalyzerHost.Analyzers)
        {
            var tree = StressProject.Parse(file, "/0/Test0.cs");
            var compilation = host.Compile([StressProject.Parse(Prelude.Domain, Prelude.FileName), tree]);
            var measured = AnalyzerHost.Analyze(compilation, tree, analyzer, ImmutableDictionary<string, string>.Empty);
            Assert.Equal(Outcome.Completed, measured.Outcome);
        }

        return (WorkMeter.Searched - searched, WorkMeter.Visited - visited);
    }

    private static string Repeat(int count, Func<int, string> statement)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("        ").AppendLine(statement(i));
        }

        return text.ToString();
    }

    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using Booking;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        """;

    private static string Controller(string body, bool closed = true) => Usings + $$"""
        public sealed class CreateCustomerRequest { public int CompanyId { get; set; } public string Name { get; set; } = ""; }

        public class CustomersController : ControllerBase
        {
            private readonly BookingDbContext _db = null!;
            private readonly ICompanyContext _companyContext = null!;

            public IActionResult Create([FromBody] CreateCustomerRequest request, int id)
            {
                var companyId = request.CompanyId;
        {{body}}
        """ + (closed ? "        return Ok();\n    }\n}\n" : string.Empty);

    private static readonly Dictionary<string, Func<int, string>> ShapeTemplates = new()
    {
        ["TI0005 key assignments from a local, compared with the context"] = n => Controller(Repeat(n, i =>
            $"var customer{i} = new Customer {{ Name = request.Name }}; customer{i}.CompanyId = companyId; if (customer{i}.CompanyId == _companyContext.CompanyId) {{ }} _db.Customers.Add(customer{i});")),
        ["TI0005 query predicates on a local"] = n => Controller(Repeat(n, i =>
            $"var found{i} = _db.Customers.Where(c => c.CompanyId == companyId && c.Id == id + {i}).ToList();")),
        ["TI0003 key lookups kept in locals"] = n => Controller(Repeat(n, i =>
            $"var entry{i} = _db.AuditEntries.FirstOrDefault(e => e.Id == id + {i}); if (entry{i} is null) {{ return NotFound(); }} entry{i}.Message = \"seen\";")),
        ["TI0004 creations saved through locals"] = n => Controller(Repeat(n, i =>
            $"var audit{i} = new AuditEntry {{ Message = \"m\" }}; var copy{i} = audit{i}; _db.AuditEntries.Add(copy{i});")),
        ["TI0004 creations collected in one list"] = n => Controller("var items = new List<AuditEntry>();\n" + Repeat(n, i =>
            $"items.Add(new AuditEntry {{ Message = \"m{i}\" }});") + "_db.AuditEntries.AddRange(items);"),
        ["TI0001 bypassed queries kept in locals"] = n => Controller(Repeat(n, i =>
            $"var query{i} = _db.Customers.IgnoreQueryFilters(); var count{i} = query{i}.Count();")),
        ["an action whose closing braces are not typed yet"] = n => Controller(Repeat(n, i =>
            $"var entry{i} = _db.AuditEntries.FirstOrDefault(e => e.Id == id + {i}); var customer{i} = new Customer(); customer{i}.CompanyId = companyId; _db.Customers.Add(customer{i});"), closed: false),
        ["top-level statements"] = n => Usings + "var db = new BookingDbContext(null!, null!);\nvar companyId = args.Length;\n" + Repeat(n, i =>
            $"var entry{i} = db.AuditEntries.FirstOrDefault(e => e.Id == {i}); var audit{i} = new AuditEntry(); db.AuditEntries.Add(audit{i}); var q{i} = db.Customers.IgnoreQueryFilters().Where(c => c.CompanyId == companyId);"),
    };
}
