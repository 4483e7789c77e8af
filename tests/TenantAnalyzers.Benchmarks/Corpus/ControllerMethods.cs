namespace TenantAnalyzers.Benchmarks.Corpus;

/// <summary>Action shapes of the generated ASP.NET Core controllers (fields <c>_db</c> and <c>_companyContext</c>).</summary>
public static class ControllerMethods
{
    public static IReadOnlyList<MethodTemplate> Clean { get; } =
    [
        new("action-list", MethodKind.Clean, 0, (e, i) => $$"""
                [HttpGet("list{{i}}")]
                public async Task<ActionResult<List<EntitySummary>>> List{{i}}(int take, CancellationToken ct)
                {
                    var items = await _db.{{e.SetName}}
                        .AsNoTracking()
                        .OrderBy(e => e.Name)
                        .Take(take <= 0 ? 50 : take)
                        .Select(e => new EntitySummary(e.Id, e.Name))
                        .ToListAsync(ct);
                    return Ok(items);
                }
            """),
        new("action-get", MethodKind.Clean, 0, (e, i) => $$"""
                [HttpGet("{id:int}/v{{i}}")]
                public async Task<IActionResult> Get{{i}}(int id, CancellationToken ct)
                {
                    var entity = await _db.{{e.SetName}}.Include(e => e.{{e.Navigation}}).FirstOrDefaultAsync(e => e.Id == id, ct);
                    if (entity is null)
                    {
                        return NotFound();
                    }

                    return Ok(new EntitySummary(entity.Id, entity.Name));
                }
            """),
        new("action-create", MethodKind.Clean, 0, (e, i) => $$"""
                [HttpPost("create{{i}}")]
                public async Task<IActionResult> Create{{i}}([FromBody] NamedRequest request, CancellationToken ct)
                {
                    var entity = new {{e.Name}} { Name = request.Name, CompanyId = _companyContext.CompanyId, CreatedAt = DateTime.UtcNow };
                    _db.{{e.SetName}}.Add(entity);
                    await _db.SaveChangesAsync(ct);
                    return Ok(new EntitySummary(entity.Id, entity.Name));
                }
            """),
        new("action-rename", MethodKind.Clean, 0, (e, i) => $$"""
                [HttpPut("{id:int}/name{{i}}")]
                public async Task<IActionResult> Rename{{i}}(int id, [FromBody] NamedRequest request, CancellationToken ct)
                {
                    var entity = await _db.{{e.SetName}}.SingleOrDefaultAsync(e => e.Id == id, ct);
                    if (entity is null)
                    {
                        return NotFound();
                    }

                    entity.Name = request.Name.Trim();
                    await _db.SaveChangesAsync(ct);
                    return NoContent();
                }
            """),
        new("action-exists", MethodKind.Clean, 0, (e, i) => $$"""
                [HttpHead("{id:int}/exists{{i}}")]
                public async Task<IActionResult> Exists{{i}}(int id, CancellationToken ct)
                {
                    var exists = await _db.{{e.SetName}}.AnyAsync(e => e.Id == id && e.IsActive, ct);
                    return exists ? Ok() : NotFound();
                }
            """),
    ];

    public static IReadOnlyList<MethodTemplate> Violations { get; } =
    [
        new("TI0005-key-from-request", MethodKind.Violation, 0, (e, i) => $$"""
                [HttpPost("import{{i}}")]
                public async Task<IActionResult> Import{{i}}([FromBody] NamedRequest request, CancellationToken ct)
                {
                    var entity = new {{e.Name}} { Name = request.Name, CreatedAt = DateTime.UtcNow };
                    entity.CompanyId = request.CompanyId;
                    _db.{{e.SetName}}.Add(entity);
                    await _db.SaveChangesAsync(ct);
                    return Ok(entity.Id);
                }
            """),
        new("TI0005-company-from-request", MethodKind.Violation, 0, (e, i) => $$"""
                [HttpGet("company{{i}}")]
                public async Task<IActionResult> Company{{i}}(int companyId, CancellationToken ct)
                {
                    var company = await _db.Companies.FindAsync(new object[] { companyId }, ct);
                    return company is null ? NotFound() : Ok(company.Name);
                }
            """),
    ];
}
