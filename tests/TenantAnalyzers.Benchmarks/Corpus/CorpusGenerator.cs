using System.Text;

namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Generates a multi-tenant booking code base of a given number of files, the same for the same seed: the shared
/// domain, then services and controllers of about 100 lines each. About one method in 40 carries one of the audited
/// holes, and one in 200 is a justified cross-tenant bypass.
/// </summary>
public sealed class CorpusGenerator
{
    private const double ViolationRate = 1.0 / 40;
    private const double JustifiedBypassRate = 1.0 / 200;
    private const double ControllerShare = 0.3;
    private const int ServiceMethodCount = 7;
    private const int ControllerMethodCount = 7;

    /// <summary>One catalogue entity per this many files, so the model grows with the code base as real ones do.</summary>
    private const int FilesPerCatalogueEntity = 40;

    private readonly int _seed;

    public CorpusGenerator(int seed)
    {
        _seed = seed;
    }

    public GeneratedCorpus Generate(int fileCount)
    {
        var random = new Random(_seed);
        var entities = EntitySpec.Core
            .Concat(Enumerable.Range(1, fileCount / FilesPerCatalogueEntity).Select(EntitySpec.Catalogue))
            .ToList();
        var files = DomainSources.Create(entities).ToList();
        var tally = new Tally();

        for (var index = 0; files.Count < fileCount; index++)
        {
            var entity = entities[random.Next(entities.Count)];
            var isController = random.NextDouble() < ControllerShare;
            var file = isController
                ? FeatureFile(entity, index, isController: true, ControllerMethods.Clean, ControllerMethods.Violations, ControllerMethodCount, random, tally)
                : FeatureFile(entity, index, isController: false, ServiceMethods.Clean, ServiceMethods.Violations, ServiceMethodCount, random, tally);
            files.Add(file);
        }

        var lines = files.Sum(f => f.Text.AsSpan().Count('\n') + 1);
        return new GeneratedCorpus(files, lines, tally.Methods, tally.Violations, tally.Justified, tally.IgnoreQueryFiltersCalls);
    }

    private static SourceFile FeatureFile(
        EntitySpec entity,
        int index,
        bool isController,
        IReadOnlyList<MethodTemplate> clean,
        IReadOnlyList<MethodTemplate> violations,
        int methodCount,
        Random random,
        Tally tally)
    {
        var typeName = $"{entity.Name}{(isController ? "Controller" : "Service")}{index:D4}";
        var body = new StringBuilder();
        for (var slot = 0; slot < methodCount; slot++)
        {
            var roll = random.NextDouble();
            var template = roll < ViolationRate ? violations[random.Next(violations.Count)]
                : !isController && roll < ViolationRate + JustifiedBypassRate ? ServiceMethods.JustifiedBypass
                : clean[random.Next(clean.Count)];
            tally.Add(template);
            body.Append('\n').Append(IndentMember(template.Render(entity, slot))).Append('\n');
        }

        var folder = isController ? "Controllers" : "Services";
        return new SourceFile($"Features/{folder}/{typeName}.cs", isController ? Controller(typeName, entity, body) : Service(typeName, body));
    }

    /// <summary>The templates are written at namespace-member depth; members of a class sit one level deeper.</summary>
    private static string IndentMember(string member)
    {
        var lines = member.Split('\n');
        return string.Join('\n', lines.Select(line => line.Length == 0 ? line : "    " + line));
    }

    private static string Service(string typeName, StringBuilder methods) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Booking.Data;
        using Booking.Domain;
        using Booking.Web;
        using Microsoft.EntityFrameworkCore;

        namespace Booking.Features.Services
        {
            public sealed class {{typeName}}
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public {{typeName}}(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }
        {{methods}}    }
        }
        """;

    private static string Controller(string typeName, EntitySpec entity, StringBuilder methods) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Booking.Data;
        using Booking.Domain;
        using Booking.Web;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        namespace Booking.Features.Controllers
        {
            [ApiController]
            [Route("api/{{entity.SetName.ToLowerInvariant()}}/{{typeName.ToLowerInvariant()}}")]
            public sealed class {{typeName}} : ControllerBase
            {
                private readonly BookingDbContext _db;
                private readonly ICompanyContext _companyContext;

                public {{typeName}}(BookingDbContext db, ICompanyContext companyContext)
                {
                    _db = db;
                    _companyContext = companyContext;
                }
        {{methods}}    }
        }
        """;

    private sealed class Tally
    {
        public int Methods { get; private set; }

        public int Violations { get; private set; }

        public int Justified { get; private set; }

        public int IgnoreQueryFiltersCalls { get; private set; }

        public void Add(MethodTemplate template)
        {
            Methods++;
            Violations += template.Kind == MethodKind.Violation ? 1 : 0;
            Justified += template.Kind == MethodKind.JustifiedBypass ? 1 : 0;
            IgnoreQueryFiltersCalls += template.IgnoreQueryFiltersCalls;
        }
    }
}
