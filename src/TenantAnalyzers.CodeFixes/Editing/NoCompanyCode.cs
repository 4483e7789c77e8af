using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TenantAnalyzers.CodeFixes.Editing;

/// <summary>
/// Code that runs before a company is known — sign-in, sign-up, password reset — recognised by the words its member or
/// type is named with (<c>LoginService.SignInAsync</c>, <c>AuthenticationTools</c>, <c>ResetPassword</c>). Scoping such a
/// lookup by the company context, or stamping the context's key, fails every time: there is no company yet, so the
/// fixes that read the context are not offered there. Sign-in that looks up users of every company is deliberate
/// cross-tenant code; a person marks it with the reason.
/// </summary>
internal static class NoCompanyCode
{
    /// <summary>Word sequences of a PascalCase or snake_case name, lower case; a trailing <c>*</c> matches any word that starts with it.</summary>
    private static readonly string[][] Phrases =
    [
        ["sign", "in"], ["signin"], ["log", "in"], ["login"], ["log", "on"], ["logon"], ["sign", "up"], ["signup"],
        ["authenticat*"], ["password*"],
    ];

    public static bool Contains(SyntaxNode position, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        for (var symbol = semanticModel.GetEnclosingSymbol(position.SpanStart, cancellationToken); symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol { AssociatedSymbol: { } property } && IsNoCompanyName(property.Name))
            {
                return true;
            }

            if (IsNoCompanyName(symbol.Name))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsNoCompanyName(string name)
    {
        var words = Words(name);
        for (var start = 0; start < words.Count; start++)
        {
            foreach (var phrase in Phrases)
            {
                if (Matches(words, start, phrase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Matches(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            var word = words[start + i];
            var matches = phrase[i].EndsWith("*", StringComparison.Ordinal)
                ? word.StartsWith(phrase[i].Substring(0, phrase[i].Length - 1), StringComparison.Ordinal)
                : word == phrase[i];
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>SignInAsync</c> → sign, in, async; <c>sign_in</c> → sign, in; <c>HTTPLogin</c> → http, login.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || name[i] == '_'
                || (char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
            if (boundary)
            {
                if (i > start)
                {
                    words.Add(name.Substring(start, i - start).Trim('_').ToLowerInvariant());
                }

                start = name[Math.Min(i, name.Length - 1)] == '_' ? i + 1 : i;
            }
        }

        words.RemoveAll(w => w.Length == 0);
        return words;
    }
}
