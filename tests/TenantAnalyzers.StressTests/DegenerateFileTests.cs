using System.Collections.Immutable;
using TenantAnalyzers.StressTests.Hosting;
using TenantAnalyzers.StressTests.Sources;
using TenantAnalyzers.Tests.Infrastructure;

namespace TenantAnalyzers.StressTests;

/// <summary>
/// Files no person writes but generators and pastes produce: predicates of thousands of terms, query chains of
/// thousands of operators, members of thousands of statements. Every analyzer must get through them without
/// exhausting the stack (which would take the host process down: a conjunction of 50,000 terms once did, see
/// TenantPredicateSyntaxTests for the case that proves it without binding) and within a
/// generous bound. A candidate's checks walk up its ancestors to its member, so candidates nested thousands deep (every
/// term of a 5,000-term tenant-key disjunction is one) cost their depth each: that size is the one held here.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class DegenerateFileTests
{
    /// <summary>The analyzer's own time: generous, a hang check (the compiler's binding of such a file is not counted).</summary>
    private static readonly TimeSpan OwnBound = TimeSpan.FromSeconds(10);

    /// <summary>The whole analysis, the compiler's binding of the file included.</summary>
    private static readonly TimeSpan CompilerBound = TimeSpan.FromMinutes(2);

    private readonly StressLog _log;

    public DegenerateFileTests(StressLog log)
    {
        _log = log;
    }

    public static TheoryData<string> Shapes => new(Files.Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_analyzer_gets_through(string shape)
    {
        var host = await AnalyzerHost.CreateAsync();
        var file = Files[shape]();
        var slowest = (Analyzer: "none", Time: TimeSpan.Zero);
        foreach (var analyzer in AnalyzerHost.Analyzers)
        {
            var tree = StressProject.Parse(file, "/0/Test0.cs");
            var compilation = host.CompileWithoutNullable([StressProject.Parse(Prelude.Domain, Prelude.FileName), tree]);
            var measured = AnalyzerHost.Analyze(compilation, tree, analyzer, ImmutableDictionary<string, string>.Empty, cancelBound: CompilerBound);

            Assert.True(measured.Outcome == Outcome.Completed && measured.Time < OwnBound, $"{AnalyzerHost.NameOf(analyzer)} on {shape}: {measured}");
            slowest = measured.Time > slowest.Time ? (AnalyzerHost.NameOf(analyzer), measured.Time) : slowest;
        }

        _log.Write("degenerate", $"{shape}: slowest {slowest.Analyzer}, {slowest.Time.TotalMilliseconds:F0} ms of its own");
    }

    private const string Header = """
        using System.Collections.Generic;
        using System.Linq;
        using Booking;
        using Microsoft.EntityFrameworkCore;

        public class Generated
        {
            private readonly BookingDbContext _db = null!;
            private readonly ICompanyContext _companyContext = null!;

        """;

    private static string Join(int count, string separator, Func<int, string> term) =>
        string.Join(separator, Enumerable.Range(0, count).Select(term));

    private static readonly Dictionary<string, Func<string>> Files = new()
    {
        ["a conjunction of 20,000 terms after a bypass"] = () => Header +
            "    public List<Customer> M(int id) => _db.Customers.IgnoreQueryFilters().Where(c => " +
            Join(20_000, " && ", i => $"c.Id != id + {i}") + ").ToList();\n}\n",
        ["a disjunction of 5,000 tenant-key comparisons"] = () => Header +
            "    public List<Customer> M(int id) => _db.Customers.IgnoreQueryFilters().Where(c => " +
            Join(5000, " || ", i => $"c.CompanyId == id + {i}") + ").ToList();\n}\n",
        ["conjunctions and disjunctions nested 1,000 deep"] = () => Header +
            "    public List<Customer> M(int id) => _db.Customers.IgnoreQueryFilters().Where(c => " +
            Join(1000, string.Empty, i => $"c.CompanyId == id + {i} {(i % 2 == 0 ? "&&" : "||")} (") + "c.Id == id" + new string(')', 1000) + ").ToList();\n}\n",
        ["a chain of 2,000 operators"] = () => Header +
            "    public Customer? M(int id) => _db.Customers.IgnoreQueryFilters()" +
            Join(2000, string.Empty, i => $".Where(c => c.Id != {i})") + ".FirstOrDefault(c => c.Id == id);\n}\n",
        ["a member of 1,000 statements"] = () => Header +
            "    public void M(int id)\n    {\n        var companyId = _companyContext.CompanyId;\n" +
            Join(1000, string.Empty, i => $"        var c{i} = _db.AuditEntries.FirstOrDefault(e => e.Id == id + {i}); var a{i} = new AuditEntry(); a{i}.CompanyId = companyId; _db.Add(a{i});\n") +
            "    }\n}\n",
        ["2,000 nested parentheses"] = () => Header +
            "    public bool M(Customer c, int id) => " + new string('(', 2000) + "c.CompanyId == id" + new string(')', 2000) + ";\n}\n",
        ["a 200,000-character identifier"] = () => Header +
            "    public void M() { var " + new string('x', 200_000) + "Find = _db.Customers.Find(1); }\n}\n",
    };
}
