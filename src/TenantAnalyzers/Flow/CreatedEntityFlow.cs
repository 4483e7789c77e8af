using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TenantAnalyzers.Model;
using TenantAnalyzers.Scanning;

namespace TenantAnalyzers.Flow;

/// <summary>
/// Follows a newly created entity, within its member, to the EF Core call that saves it: directly as the argument of
/// <c>Add</c>/<c>AddAsync</c>/<c>AddRange</c>/<c>AddRangeAsync</c>/<c>Attach</c>/<c>AttachRange</c>/<c>Update</c>/<c>UpdateRange</c>
/// on a DbSet or DbContext (also <c>UserManager&lt;TUser&gt;.CreateAsync</c> and ABP's repository <c>InsertAsync</c>), through locals, inside an array, collection initializer or collection expression, a list
/// filled with <c>Add</c>, or a <c>Select</c> that creates it. On the way it notes whether the tenant key may be set
/// elsewhere: an assignment of the key (or of the tenant root navigation) to the local, or the local handed to another
/// method of the application, which might set it.
/// </summary>
internal sealed class CreatedEntityFlow
{
    private const int MaxDepth = 6;
    /// <summary>The EF Core calls that save an entity.</summary>
    public static readonly string[] SinkNames = ["Add", "AddAsync", "AddRange", "AddRangeAsync", "Attach", "AttachRange", "Update", "UpdateRange"];

    /// <summary>ASP.NET Core Identity's <c>UserManager&lt;TUser&gt;.CreateAsync(user, ...)</c>: saves a new user.</summary>
    public const string UserManagerSinkName = "CreateAsync";

    /// <summary>ABP's repositories: <c>InsertAsync(entity)</c> and friends save a new entity.</summary>
    public static readonly string[] RepositorySinkNames = ["Insert", "InsertAsync", "InsertMany", "InsertManyAsync"];

    /// <summary>Every name a save can have, for the syntax tests that must not take a save for something else.</summary>
    private static readonly string[] AllSinkNames = [.. SinkNames, UserManagerSinkName, .. RepositorySinkNames];

    /// <summary>The names of the saves this compilation can make: EF Core's, plus Identity's and ABP's where they are referenced.</summary>
    public static string[] SinkNamesFor(TenantModel model)
    {
        var names = new List<string>(SinkNames);
        if (model.Frameworks.UserManager is not null)
        {
            names.Add(UserManagerSinkName);
        }

        if (model.Frameworks.Abp is not null)
        {
            names.AddRange(RepositorySinkNames);
        }

        return names.ToArray();
    }

    /// <summary>
    /// The syntax test on a call named like a save: <c>CreateAsync</c> only on a receiver named like a user manager
    /// (<c>_userManager</c>, <c>UserManager</c>); an application's own <c>CreateAsync</c> services are not saves.
    /// </summary>
    public static bool MayBeSink(InvocationExpressionSyntax call) =>
        SyntaxNames.GetInvokedName(call) != UserManagerSinkName
        || (call.Expression is MemberAccessExpressionSyntax access
            && LastIdentifier(access.Expression) is { } receiver
            && receiver.IndexOf("UserManager", StringComparison.OrdinalIgnoreCase) >= 0);

    private static string? LastIdentifier(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The calls that put an element into a local collection, which the flow follows on to the collection.</summary>
    private static readonly string[] CollectionAddNames = ["Add", "Insert", "Push", "Enqueue"];

    private readonly TenantModel _model;
    private readonly IOperation _root;

    private CreatedEntityFlow(TenantModel model, IOperation root)
    {
        _model = model;
        _root = root;
    }

    /// <summary>The call that saves the entity; null when none is found in the member.</summary>
    public IInvocationOperation? Sink { get; private set; }

    /// <summary>True when code other than the initializer may set the tenant key.</summary>
    public bool KeyMaySetElsewhere { get; private set; }

    public static CreatedEntityFlow Follow(IObjectCreationOperation creation, TenantModel model)
    {
        var flow = new CreatedEntityFlow(model, LocalUses.Root(creation));
        flow.FollowValue(creation, isEntity: true, depth: 0);
        return flow;
    }

    /// <summary>
    /// True when the syntax alone shows that <see cref="Follow"/> would find no save: the object is thrown, returned
    /// from a method, or an argument of a call that is neither a save, nor a list's <c>Add</c>/<c>Insert</c>/<c>Push</c>/
    /// <c>Enqueue</c>, nor named like a LINQ operator (<c>Ok(new Summary(...))</c>, a logger). Lets TI0004 skip binding
    /// most creations of a member that saves something else. False decides nothing.
    /// </summary>
    public static bool EndsBeforeAnySinkBySyntax(BaseObjectCreationExpressionSyntax creation, EfSymbols ef)
    {
        SyntaxNode value = creation;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
            || value.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            value = value.Parent;
        }

        switch (value.Parent)
        {
            case ThrowStatementSyntax or ThrowExpressionSyntax:
                return true;
            case ReturnStatementSyntax returned:
                // A lambda's return flows on (Select(d => { return new Customer(...); })); a method's does not.
                foreach (var ancestor in returned.Ancestors())
                {
                    if (ancestor is AnonymousFunctionExpressionSyntax)
                    {
                        return false;
                    }

                    if (ancestor is MemberDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
                    {
                        return true;
                    }
                }

                return false;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }:
                return SyntaxNames.GetInvokedName(call) is { } name
                    && Array.IndexOf(AllSinkNames, name) < 0
                    && Array.IndexOf(CollectionAddNames, name) < 0
                    && !ef.MayBeLinqOperatorName(name);
            default:
                return false;
        }
    }

    /// <summary>True for a property that sets the owner: the tenant key, or the navigation to the tenant root (EF Core sets the key from it).</summary>
    public static bool SetsOwner(IPropertySymbol property, TenantModel model) =>
        model.IsTenantKeyName(property.Name) || model.Classify(property.Type).IsRoot;

    private void FollowValue(IOperation value, bool isEntity, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var current = value;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation call }:
                FollowArgument(call, isEntity, depth);
                break;
            case IArgumentOperation { Parent: IObjectCreationOperation collection }:
                // new List<Customer>(items)
                FollowValue(collection, isEntity: false, depth + 1);
                break;
            case IArrayInitializerOperation { Parent: IArrayCreationOperation array }:
                FollowValue(array, isEntity: false, depth + 1);
                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                FollowLocal(declarator.Symbol, isEntity, depth);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                FollowLocal(target.Local, isEntity, depth);
                break;
            case IReturnOperation { Parent: IBlockOperation { Parent: IAnonymousFunctionOperation lambda } }:
                FollowValue(lambda, isEntity: false, depth + 1);
                break;
            default:
                if (current.Syntax.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax collectionExpression }
                    && current.SemanticModel?.GetOperation(collectionExpression) is { } collectionOperation)
                {
                    // Roslyn 4.8 has no operation node for collection expressions: continue from the syntax.
                    FollowValue(collectionOperation, isEntity: false, depth + 1);
                }

                break;
        }
    }

    private void FollowArgument(IInvocationOperation call, bool isEntity, int depth)
    {
        if (IsSink(call.TargetMethod))
        {
            Sink ??= call;
            return;
        }

        if (call.IsImplicit && call.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation collection })
        {
            // A collection initializer element: new List<Customer> { new Customer { ... } }
            FollowValue(collection, isEntity: false, depth + 1);
            return;
        }

        if (Array.IndexOf(CollectionAddNames, call.TargetMethod.Name) >= 0 && call.Instance is ILocalReferenceOperation list)
        {
            FollowLocal(list.Local, isEntity: false, depth + 1);
            return;
        }

        if (_model.Ef.IsLinqOperator(call.TargetMethod.ReducedFrom ?? call.TargetMethod))
        {
            // Select(d => new Customer { ... }).ToList(), items.Concat(...)
            FollowValue(call, isEntity: false, depth + 1);
            return;
        }

        // Another method of the application may set the key (a mapper, a stamping helper); the platform's own
        // methods (CreatedAtAction, Ok, logging) do not.
        if (isEntity && !FrameworkApi.Declares(call.TargetMethod))
        {
            KeyMaySetElsewhere = true;
        }
    }

    /// <summary>
    /// Follows every reference to the local. What that finds depends only on the local, the two flags and the member,
    /// so it is found once per member and reused by the member's other creations (<see cref="LocalFlows"/>): a list
    /// filled with a thousand <c>Add(new ...)</c> is followed once, not once per element.
    /// </summary>
    private void FollowLocal(ILocalSymbol local, bool isEntity, int depth)
    {
        var flows = LocalFlows.Of(_root);
        if (!flows.TryGet(local, isEntity, depth, out var found))
        {
            var flow = new CreatedEntityFlow(_model, _root);
            flow.FollowReferences(local, isEntity, depth);
            found = new LocalFlow(flow.Sink, flow.KeyMaySetElsewhere);
            flows.Set(local, isEntity, depth, found);
        }

        Sink ??= found.Sink;
        KeyMaySetElsewhere |= found.KeyMaySetElsewhere;
    }

    private void FollowReferences(ILocalSymbol local, bool isEntity, int depth)
    {
        foreach (var use in LocalUses.Of(_root).Of(local))
        {
            if (use is not ILocalReferenceOperation reference
                || reference.Parent is ISimpleAssignmentOperation { Target: var target } && target == reference)
            {
                continue;
            }

            if (isEntity && reference.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property
                && assignment.Target == property && SetsOwner(property.Property, _model))
            {
                KeyMaySetElsewhere = true;
            }
            else if (isEntity && reference.Parent is IInvocationOperation receiverCall && receiverCall.Instance == reference)
            {
                KeyMaySetElsewhere = true;
            }
            else
            {
                FollowValue(reference, isEntity, depth + 1);
            }
        }
    }

    private bool IsSink(IMethodSymbol method)
    {
        if (Array.IndexOf(SinkNames, method.Name) >= 0)
        {
            var type = method.ContainingType?.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(type, _model.Ef.DbSet) || SymbolEqualityComparer.Default.Equals(type, _model.Ef.DbContext);
        }

        if (method.Name == UserManagerSinkName && _model.Frameworks.UserManager is { } userManager)
        {
            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, userManager))
                {
                    return true;
                }
            }

            return false;
        }

        return Array.IndexOf(RepositorySinkNames, method.Name) >= 0 && _model.Frameworks.Abp?.RepositoryEntity(method.ContainingType) is not null;
    }

    /// <summary>Where following a local led: the first save found, and whether the key may be set on the way.</summary>
    private sealed class LocalFlow
    {
        public LocalFlow(IInvocationOperation? sink, bool keyMaySetElsewhere)
        {
            Sink = sink;
            KeyMaySetElsewhere = keyMaySetElsewhere;
        }

        public IInvocationOperation? Sink { get; }

        public bool KeyMaySetElsewhere { get; }
    }

    /// <summary>The <see cref="LocalFlow"/>s of one member body by local, flag and depth; kept with the body's root operation.</summary>
    private sealed class LocalFlows
    {
        private const int Slots = 2 * (MaxDepth + 2);

        private static readonly ConditionalWeakTable<IOperation, LocalFlows> Cache = new();

        private readonly Dictionary<ILocalSymbol, LocalFlow?[]> _flows = new(SymbolEqualityComparer.Default);

        public static LocalFlows Of(IOperation root) => Cache.GetValue(root, static _ => new LocalFlows());

        public bool TryGet(ILocalSymbol local, bool isEntity, int depth, out LocalFlow flow)
        {
            lock (_flows)
            {
                if (_flows.TryGetValue(local, out var slots) && slots[Slot(isEntity, depth)] is { } known)
                {
                    flow = known;
                    return true;
                }
            }

            flow = null!;
            return false;
        }

        public void Set(ILocalSymbol local, bool isEntity, int depth, LocalFlow flow)
        {
            lock (_flows)
            {
                if (!_flows.TryGetValue(local, out var slots))
                {
                    slots = new LocalFlow?[Slots];
                    _flows.Add(local, slots);
                }

                slots[Slot(isEntity, depth)] = flow;
            }
        }

        private static int Slot(bool isEntity, int depth) => (2 * depth) + (isEntity ? 1 : 0);
    }
}
