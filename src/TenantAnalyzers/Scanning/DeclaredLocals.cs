using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TenantAnalyzers.Scanning;

/// <summary>
/// The names one member declares as locals (variables, pattern, <c>foreach</c> and <c>catch</c> variables), for the
/// syntax tests that ask, candidate by candidate, whether a name is a local. The first questions about a member are
/// answered by a text search of it, one vectorized search per name, which is all most members need; from the third on,
/// one walk of the member collects every declared name and answers the rest. A member costs at most two searches and one
/// walk however many candidates it holds: a search per candidate made a member with many cost its size times their
/// number. Kept with the member's node, so it goes with the syntax tree.
/// </summary>
internal sealed class DeclaredLocals
{
    private const int SearchesBeforeWalk = 2;

    private static readonly ConditionalWeakTable<SyntaxNode, DeclaredLocals> Cache = new();

    private readonly SyntaxNode _member;
    private int _questions;
    private HashSet<string>? _names;

    private DeclaredLocals(SyntaxNode member)
    {
        _member = member;
    }

    public static bool Declares(SyntaxNode member, string name, CancellationToken cancellationToken) =>
        name.Length > 0 && Cache.GetValue(member, static m => new DeclaredLocals(m)).Declares(name, cancellationToken);

    private bool Declares(string name, CancellationToken cancellationToken)
    {
        var names = Volatile.Read(ref _names);
        if (names is null && Interlocked.Increment(ref _questions) > SearchesBeforeWalk)
        {
            Interlocked.CompareExchange(ref _names, Collect(cancellationToken), null);
            names = _names;
        }

        return names?.Contains(name) ?? Search(name, cancellationToken);
    }

    private bool Search(string name, CancellationToken cancellationToken) =>
        new IdentifierScan(name).Any(_member.SyntaxTree, _member.Span, 0, static (token, _) => IsDeclaration(token), cancellationToken);

    private HashSet<string> Collect(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var visited = 0;
        foreach (var token in _member.DescendantTokens())
        {
            if (++visited % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (token.IsKind(SyntaxKind.IdentifierToken) && IsDeclaration(token))
            {
                names.Add(token.ValueText);
            }
        }

        WorkMeter.Visit(visited);
        return names;
    }

    private static bool IsDeclaration(SyntaxToken identifier) => identifier.Parent switch
    {
        VariableDeclaratorSyntax declarator => declarator.Identifier == identifier,
        SingleVariableDesignationSyntax designation => designation.Identifier == identifier,
        ForEachStatementSyntax forEach => forEach.Identifier == identifier,
        CatchDeclarationSyntax caught => caught.Identifier == identifier,
        _ => false,
    };
}
