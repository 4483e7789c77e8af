using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using TenantAnalyzers.Model;

namespace TenantAnalyzers.StressTests.Variants;

/// <summary>
/// Random and hostile values for every <c>tenant_isolation.*</c> option: empty and blank, very long, unicode and
/// invisible characters, lists with blanks and duplicates, a thousand entries, names of types that do not exist,
/// regex and glob metacharacters, keywords, numbers and other options' words. A set of options is written as the lines
/// of a <c>.globalconfig</c> (values never hold a line break, as in a real one), so that a failing set can be minimised
/// line by line.
/// </summary>
public static class HostileOptions
{
    /// <summary>Every option key, read from <see cref="TenantOptions"/> so that a new option is fuzzed without a change here.</summary>
    public static IReadOnlyList<string> Keys { get; } = typeof(TenantOptions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    private static readonly string[] Fixed =
    [
        "", " ", "\t", ",", ",, ,", ";",
        "Ünternehmen", "公司Id", "Компания", "🏢", "Company\u200DId", "Compan\u0301y", "\u202ECompanyId", "ＣｏｍｐａｎｙＩｄ", "\u00A0CompanyId",
        "Does.Not.Exist", "NoSuchType", "System.String", "Microsoft.EntityFrameworkCore.DbContext", "object", "global::Booking.Company",
        "Comp*ny", ".*", "[a-z]+", "a|b", "^$", "?", "**/x", "{0}", "%s", "\\", "'\"", "<T>", "List<int>", "a..b", ".Leading",
        "Trailing.", "$(Prop)", "@class", "a=b", "#x", "Company Id", "Company-Id",
        "class", "Id", "int", "null", "true", "0", "-1", "TRUE", "yes", "detect", "ALL", " None ", "dEtEcT",
        "\0", "\u0001", "\r",
        "CompanyId", "TenantId", "OrganizationId", "Company", "Tenant", "ICompanyContext", "CrossTenant", "IAssistantTool", "EnsureOwned",
        "CompanyId, , CompanyId,,TenantId ,", "Company,Company,Tenant,,",
    ];

    /// <summary><paramref name="count"/> option sets, the same for the same seed.</summary>
    public static IEnumerable<string> Sets(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            foreach (var key in Keys)
            {
                if (random.Next(2) == 0)
                {
                    text.Append(key).Append(" = ").Append(Value(random)).Append('\n');
                }
            }

            yield return text.ToString();
        }
    }

    /// <summary>The options of a set's lines: <c>key = value</c>, the value as written (spaces around it kept).</summary>
    public static ImmutableDictionary<string, string> Parse(string lines)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var line in lines.Split('\n'))
        {
            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            if (equals > 0)
            {
                options[line[..equals]] = line[(equals + 3)..];
            }
        }

        return options.ToImmutable();
    }

    private static string Value(Random random) => random.Next(8) switch
    {
        0 => new string((char)('A' + random.Next(26)), random.Next(2) == 0 ? 100_000 : 5_000),
        1 => List(random, 1000, _ => Name(random)),
        2 => List(random, 1000, _ => "CompanyId"),
        3 => List(random, 2 + random.Next(20), _ => random.Next(3) == 0 ? " " : Fixed[random.Next(Fixed.Length)]),
        4 => Name(random) + "." + Name(random) + "." + Name(random),
        _ => Fixed[random.Next(Fixed.Length)],
    };

    private static string List(Random random, int count, Func<int, string> entry) =>
        string.Join(random.Next(2) == 0 ? "," : ", ", Enumerable.Range(0, count).Select(entry));

    private static string Name(Random random)
    {
        var name = new StringBuilder();
        name.Append((char)('A' + random.Next(26)));
        for (var i = random.Next(12); i > 0; i--)
        {
            name.Append((char)('a' + random.Next(26)));
        }

        return name.ToString();
    }
}
