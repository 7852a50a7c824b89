using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Whether a Deny in the same policy takes back an Allow that opens to everyone. The usual way to keep a bucket or
/// secret private while granting <c>Principal: "*"</c> is a Deny for everyone outside the organization, the VPC
/// endpoint or an address range (<c>StringNotEquals aws:PrincipalOrgID</c>), or for everyone but the listed
/// (<c>NotPrincipal</c> in a Deny). Such a Deny counts only when it surely applies to every outsider and every call
/// the Allow grants: its principal is everyone (or it names a <c>NotPrincipal</c> without <c>*</c>), every test in
/// its condition is a negation that only someone specific escapes (<see cref="PolicyConditions.DenyExemptsOnlySomeone"/>),
/// and its actions and resources cover the Allow's. When unsure, the Allow stays open. Pure.
/// </summary>
internal static class PolicyDenials
{
    /// <summary>True when some Deny statement in <paramref name="statements"/> refuses the open <paramref name="allow"/> to all outsiders.</summary>
    public static bool TakeBack(JsonElement allow, List<JsonElement> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.ValueKind == JsonValueKind.Object && JsonFields.String(statement, "Effect") == "Deny"
                && RefusesEveryoneButSomeone(statement)
                && Covers(statement, allow, "Action", "NotAction", StringComparison.OrdinalIgnoreCase)
                && Covers(statement, allow, "Resource", "NotResource", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RefusesEveryoneButSomeone(JsonElement deny)
    {
        if (JsonFields.TryGet(deny, "NotPrincipal", out var notPrincipal))
        {
            // Everyone but the listed is refused: the listed must be someone, and a condition may only narrow them further.
            var exempt = PrincipalValues(notPrincipal);
            return exempt.Count > 0 && !exempt.Contains("*")
                && (!JsonFields.TryGet(deny, "Condition", out _) || PolicyConditions.DenyExemptsOnlySomeone(deny));
        }

        // Everyone is "*" or {"AWS": "*"}; {"Service": "*"} refuses only services.
        return JsonFields.TryGet(deny, "Principal", out var principal)
            && (principal.ValueKind == JsonValueKind.Object
                ? JsonFields.TryGet(principal, "AWS", out var aws) && Values(aws).Contains("*")
                : Values(principal).Contains("*"))
            && (!JsonFields.TryGet(deny, "Condition", out _) || PolicyConditions.DenyExemptsOnlySomeone(deny));
    }

    /// <summary>
    /// The Deny's actions (or resources) include every one the Allow names: <c>*</c>, or a pattern matching each of the
    /// Allow's values as written. A Deny with <c>NotAction</c>/<c>NotResource</c>, or an Allow with them against anything
    /// but <c>*</c>, is not judged. A trust policy has no resource: then neither may the Deny.
    /// </summary>
    private static bool Covers(JsonElement deny, JsonElement allow, string name, string notName, StringComparison comparison)
    {
        if (JsonFields.TryGet(deny, notName, out _))
        {
            return false;
        }

        var allowHas = JsonFields.TryGet(allow, name, out var allowValue);
        var allowNot = JsonFields.TryGet(allow, notName, out _);
        if (!JsonFields.TryGet(deny, name, out var denyValue))
        {
            return !allowHas && !allowNot;
        }

        var patterns = Values(denyValue);
        if (patterns.Contains("*") || patterns.Contains("*:*"))
        {
            return true;
        }

        if (allowNot || !allowHas)
        {
            return false;
        }

        var granted = Values(allowValue);
        return granted.Count > 0 && granted.TrueForAll(value => patterns.Exists(pattern => Matches(pattern, value, comparison)));
    }

    /// <summary>IAM wildcard matching: <c>*</c> any run of characters, <c>?</c> any one.</summary>
    internal static bool Matches(string pattern, string value, StringComparison comparison)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || string.Compare(pattern, p, value, v, 1, comparison) == 0))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>"*", an ARN or a list of them; of an object, every value of every key (AWS, Service, Federated, CanonicalUser).</summary>
    private static List<string> PrincipalValues(JsonElement principal)
    {
        if (principal.ValueKind != JsonValueKind.Object)
        {
            return Values(principal);
        }

        var values = new List<string>();
        foreach (var kind in principal.EnumerateObject())
        {
            values.AddRange(Values(kind.Value));
        }

        return values;
    }

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonFields.Scalar(value) is { } s ? [s] : [],
        JsonValueKind.Array => value.EnumerateArray().Select(JsonFields.Scalar).OfType<string>().ToList(),
        _ => [],
    };
}
