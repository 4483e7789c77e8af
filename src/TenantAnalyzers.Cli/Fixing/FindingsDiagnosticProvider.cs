using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TenantAnalyzers.Cli.Fixing;

/// <summary>Hands Fix All exactly the diagnostics chosen for one action (from the CLI's analysis), by document.</summary>
internal sealed class FindingsDiagnosticProvider : FixAllContext.DiagnosticProvider
{
    private readonly ILookup<DocumentId, Diagnostic> _byDocument;

    public FindingsDiagnosticProvider(IEnumerable<(DocumentId Document, Diagnostic Diagnostic)> diagnostics)
    {
        _byDocument = diagnostics.ToLookup(d => d.Document, d => d.Diagnostic);
    }

    public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<Diagnostic>>(_byDocument[document.Id].ToList());

    public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
        Task.FromResult(Enumerable.Empty<Diagnostic>());

    public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<Diagnostic>>(project.DocumentIds.SelectMany(id => _byDocument[id]).ToList());
}
