namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Method shapes of the generated application services (fields <c>_db</c> and <c>_companyContext</c>). The clean ones
/// are the everyday LINQ of a booking platform; the violations are the holes the audit found, each rule's typical code.
/// </summary>
public static class ServiceMethods
{
    public static IReadOnlyList<MethodTemplate> Clean { get; } =
    [
        new("list-active", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<List<{{e.Name}}>> ListActive{{i}}Async(CancellationToken ct)
                {
                    return await _db.{{e.SetName}}
                        .Where(e => e.IsActive)
                        .OrderBy(e => e.Name)
                        .ToListAsync(ct);
                }
            """),
        new("get-with-include", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<{{e.Name}}?> GetDetails{{i}}Async(int id, CancellationToken ct)
                {
                    return await _db.{{e.SetName}}
                        .Include(e => e.{{e.Navigation}})
                        .AsNoTracking()
                        .FirstOrDefaultAsync(e => e.Id == id, ct);
                }
            """),
        new("search-page", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<List<EntitySummary>> Search{{i}}Async(string term, int page, CancellationToken ct)
                {
                    var query = _db.{{e.SetName}}.AsNoTracking().Where(e => e.IsActive);
                    if (!string.IsNullOrWhiteSpace(term))
                    {
                        query = query.Where(e => e.Name.Contains(term) || e.Email.StartsWith(term));
                    }

                    return await query
                        .OrderByDescending(e => e.CreatedAt)
                        .Skip(page * 20)
                        .Take(20)
                        .Select(e => new EntitySummary(e.Id, e.Name))
                        .ToListAsync(ct);
                }
            """),
        new("find-and-deactivate", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<bool> Deactivate{{i}}Async(int id, CancellationToken ct)
                {
                    var entity = await _db.{{e.SetName}}.FindAsync(new object[] { id }, ct);
                    if (entity is null || entity.CompanyId != _companyContext.CompanyId)
                    {
                        return false;
                    }

                    entity.IsActive = false;
                    await _db.SaveChangesAsync(ct);
                    return true;
                }
            """),
        new("create-with-context-key", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<int> Create{{i}}Async(string name, CancellationToken ct)
                {
                    var entity = new {{e.Name}}
                    {
                        Name = name,
                        CompanyId = _companyContext.CompanyId,
                        CreatedAt = DateTime.UtcNow,
                        IsActive = true,
                    };
                    _db.{{e.SetName}}.Add(entity);
                    await _db.SaveChangesAsync(ct);
                    return entity.Id;
                }
            """),
        new("count-since", MethodKind.Clean, 0, (e, i) => $$"""
                public Task<int> CountSince{{i}}Async(DateTime since, CancellationToken ct)
                {
                    return _db.{{e.SetName}}.CountAsync(e => e.CreatedAt >= since && !e.IsDeleted, ct);
                }
            """),
        new("name-with-fallback", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<string> DisplayName{{i}}Async(int id, CancellationToken ct)
                {
                    var entity = await _db.{{e.SetName}}
                        .AsNoTracking()
                        .Where(e => e.Id == id)
                        .Select(e => new { e.Name, e.Email })
                        .FirstOrDefaultAsync(ct);
                    return entity?.Name ?? entity?.Email ?? "(unknown)";
                }
            """),
        new("current-company-fail-secure", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<string> CompanyName{{i}}Async(CancellationToken ct)
                {
                    var company = await _db.Companies
                        .AsNoTracking()
                        .FirstOrDefaultAsync(c => c.Id == _companyContext.CompanyId, ct)
                        ?? throw new InvalidOperationException("No company context for this request.");
                    return company.Name;
                }
            """),
        new("group-by-state", MethodKind.Clean, 0, (e, i) => $$"""
                public async Task<Dictionary<bool, int>> CountByState{{i}}Async(CancellationToken ct)
                {
                    return await _db.{{e.SetName}}
                        .GroupBy(e => e.IsActive)
                        .Select(g => new { g.Key, Count = g.Count() })
                        .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
                }
            """),
        new("rescoped-bypass", MethodKind.Clean, 1, (e, i) => $$"""
                public async Task<List<{{e.Name}}>> ListDeleted{{i}}Async(CancellationToken ct)
                {
                    // Drops the soft-delete filter and scopes by the tenant again: the secure way.
                    return await _db.{{e.SetName}}
                        .IgnoreQueryFilters()
                        .Where(e => e.CompanyId == _companyContext.CompanyId && e.IsDeleted)
                        .ToListAsync(ct);
                }
            """),
        new("in-memory-first", MethodKind.Clean, 0, (e, i) => $$"""
                public string? FirstName{{i}}(IReadOnlyList<{{e.Name}}> loaded)
                {
                    var names = loaded.Select(e => e.Name).Where(n => n.Length > 0).ToList();
                    return names.FirstOrDefault() ?? loaded.FirstOrDefault()?.Email;
                }
            """),
    ];

    public static IReadOnlyList<MethodTemplate> Violations { get; } =
    [
        new("TI0001-bypass", MethodKind.Violation, 1, (e, i) => $$"""
                public async Task<List<{{e.Name}}>> FindByName{{i}}Async(string name, CancellationToken ct)
                {
                    return await _db.{{e.SetName}}
                        .IgnoreQueryFilters()
                        .Where(e => e.Name == name)
                        .ToListAsync(ct);
                }
            """),
        new("TI0001-identity-lookup", MethodKind.Violation, 1, (e, i) => $$"""
                public Task<User?> FindLogin{{i}}Async(string email, CancellationToken ct)
                {
                    return _db.Users
                        .IgnoreQueryFilters()
                        .FirstOrDefaultAsync(u => u.Email == email && u.IsActive, ct);
                }
            """),
        new("TI0002-company-fallback", MethodKind.Violation, 0, (e, i) => $$"""
                public async Task<string> ResolveCompany{{i}}Async(int? companyId, CancellationToken ct)
                {
                    var company = companyId is null ? null : await _db.Companies.FirstOrDefaultAsync(c => c.Id == companyId, ct);
                    company ??= _db.Companies.FirstOrDefault();
                    return company?.Name ?? "";
                }
            """),
        new("TI0003-load-on-bypassed-query", MethodKind.Violation, 1, (e, i) => $$"""
                public async Task<{{e.Name}}?> Load{{i}}Async(int id, CancellationToken ct)
                {
                    var entity = await _db.{{e.SetName}}
                        .IgnoreQueryFilters()
                        .FirstOrDefaultAsync(e => e.Id == id, ct);
                    return entity;
                }
            """),
        new("TI0004-add-without-key", MethodKind.Violation, 0, (e, i) => $$"""
                public async Task Import{{i}}Async(string name, CancellationToken ct)
                {
                    _db.{{e.SetName}}.Add(new {{e.Name}} { Name = name, CreatedAt = DateTime.UtcNow });
                    await _db.SaveChangesAsync(ct);
                }
            """),
    ];

    public static MethodTemplate JustifiedBypass { get; } = new("justified-bypass", MethodKind.JustifiedBypass, 1, (e, i) => $$"""
            [CrossTenant("Nightly billing export counts every tenant's rows by design; reviewed in the SEC-142 audit.")]
            public Task<int> CountAllTenants{{i}}Async(CancellationToken ct)
            {
                return _db.{{e.SetName}}.IgnoreQueryFilters().CountAsync(ct);
            }
        """);
}
