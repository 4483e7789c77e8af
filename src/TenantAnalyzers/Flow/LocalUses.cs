using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// The declaration of and every reference to each local of one member body, from one walk of the body's operation
/// tree, in the walk's order. The flows that follow a local (where a created entity goes, where a value comes from,
/// what happens to a loaded entity, how a stored query goes on) ask about it candidate by candidate; a walk of the
/// body per question made a member with many candidates cost its size times their number. Kept with the body's root
/// operation, which the semantic model shares between all the nodes of the member, so it goes with the semantic model.
/// </summary>
internal sealed class LocalUses
{
    private static readonly ConditionalWeakTable<IOperation, LocalUses> Cache = new();

    private readonly Dictionary<ILocalSymbol, List<IOperation>> _uses = new(SymbolEqualityComparer.Default);
    private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? _referencesBySpan;

    private LocalUses(IOperation root)
    {
        var visited = 0;
        foreach (var operation in root.Descendants())
        {
            visited++;
            var local = operation switch
            {
                ILocalReferenceOperation reference => reference.Local,
                IVariableDeclaratorOperation declarator => declarator.Symbol,
                _ => null,
            };

            if (local is null)
            {
                continue;
            }

            if (!_uses.TryGetValue(local, out var uses))
            {
                uses = new List<IOperation>();
                _uses.Add(local, uses);
            }

            uses.Add(operation);
        }

        WorkMeter.Visit(visited);
    }

    /// <summary>The uses of the locals of the member body <paramref name="operation"/> belongs to.</summary>
    public static LocalUses Of(IOperation operation) => Cache.GetValue(Root(operation), static root => new LocalUses(root));

    /// <summary>The declarator (<see cref="IVariableDeclaratorOperation"/>) and references (<see cref="ILocalReferenceOperation"/>) of the local, in the body's order.</summary>
    public IReadOnlyList<IOperation> Of(ILocalSymbol local)
    {
        if (!_uses.TryGetValue(local, out var uses))
        {
            return Array.Empty<IOperation>();
        }

        WorkMeter.Visit(uses.Count);
        return uses;
    }

    /// <summary>The references to the local that start at or after <paramref name="position"/>, in source order.</summary>
    public IEnumerable<ILocalReferenceOperation> ReferencesFrom(ILocalSymbol local, int position)
    {
        var bySpan = SortedReferences(local);
        var start = FirstAtOrAfter(bySpan, position);
        for (var i = start; i < bySpan.Count; i++)
        {
            WorkMeter.Visit(1);
            yield return bySpan[i];
        }
    }

    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The references to the local sorted by position, once per local asked about.</summary>
    private List<ILocalReferenceOperation> SortedReferences(ILocalSymbol local)
    {
        lock (_uses)
        {
            _referencesBySpan ??= new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            if (!_referencesBySpan.TryGetValue(local, out var references))
            {
                references = new List<ILocalReferenceOperation>();
                if (_uses.TryGetValue(local, out var uses))
                {
                    foreach (var use in uses)
                    {
                        if (use is ILocalReferenceOperation reference)
                        {
                            references.Add(reference);
                        }
                    }

                    // The walk's order is the source order but for a few lowered shapes.
                    references.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
                }

                _referencesBySpan.Add(local, references);
            }

            return references;
        }
    }

    private static int FirstAtOrAfter(List<ILocalReferenceOperation> references, int position)
    {
        int low = 0, high = references.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (references[middle].Syntax.SpanStart < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
