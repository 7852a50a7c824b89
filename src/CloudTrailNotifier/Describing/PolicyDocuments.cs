using System.Net;
using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Reads IAM-style policy documents as CloudTrail records them: an object (S3 bucket policies), JSON text
/// (IAM, Secrets Manager, Lambda) or URL-encoded JSON text. Pure; a document that cannot be read grants nothing.
/// </summary>
internal static class PolicyDocuments
{
    /// <summary>
    /// True when an Allow statement lets every action on every resource: actions <c>*</c> or <c>*:*</c> in any
    /// wildcard spelling (<see cref="WildcardPatterns"/>), or any <c>NotAction</c> (every action but the listed);
    /// resources <c>*</c> or <c>arn:aws:*:*:*:*</c> and the like, or any <c>NotResource</c> (every resource but the listed).
    /// </summary>
    public static bool AllowsEverything(JsonElement? document) => AnyAllow(document, statement =>
        (AnyValue(statement, "Action", WildcardPatterns.MatchesEveryAction) || JsonFields.TryGet(statement, "NotAction", out _))
        && (AnyValue(statement, "Resource", WildcardPatterns.MatchesEveryResource) || JsonFields.TryGet(statement, "NotResource", out _)));

    /// <summary>
    /// True when an Allow statement lets everyone in: its principal is everyone (<c>"*"</c> or <c>{"AWS":"*"}</c>),
    /// or it names a <c>NotPrincipal</c> (everyone but the listed), and no condition limits the caller
    /// (<see cref="PolicyConditions.LimitsCaller"/>: a condition on TLS alone still admits everyone).
    /// </summary>
    /// <remarks>A Deny in the same policy that refuses every outsider the same calls takes such an Allow back (<see cref="PolicyDenials"/>).</remarks>
    public static bool OpensToEveryone(JsonElement? document) => AnyAllow(document, (statement, statements) =>
        (PrincipalValues(statement).Contains("*") || JsonFields.TryGet(statement, "NotPrincipal", out _))
        && !PolicyConditions.LimitsCaller(statement)
        && !PolicyDenials.TakeBack(statement, statements));

    /// <summary>Account ids named by Allow principals (<c>123456789012</c> or <c>arn:aws:iam::123456789012:...</c>).</summary>
    public static IReadOnlyList<string> PrincipalAccounts(JsonElement? document)
    {
        var accounts = new List<string>();
        AnyAllow(document, statement =>
        {
            foreach (var value in PrincipalValues(statement))
            {
                if (AccountIds.Of(value) is { } account && !accounts.Contains(account))
                {
                    accounts.Add(account);
                }
            }

            return false;
        });
        return accounts;
    }

    private static bool AnyAllow(JsonElement? document, Func<JsonElement, bool> test) =>
        AnyAllow(document, (statement, _) => test(statement));

    /// <summary>True when <paramref name="test"/> holds for an Allow statement, given every statement of the policy.</summary>
    private static bool AnyAllow(JsonElement? document, Func<JsonElement, List<JsonElement>, bool> test)
    {
        using var parsed = Parse(document, out var root);
        if (root is not { } policy || policy.ValueKind != JsonValueKind.Object || !JsonFields.TryGet(policy, "Statement", out var statements))
        {
            return false;
        }

        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
        foreach (var statement in list)
        {
            if (statement.ValueKind == JsonValueKind.Object && JsonFields.String(statement, "Effect") == "Allow" && test(statement, list))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonDocument? Parse(JsonElement? document, out JsonElement? root)
    {
        root = null;
        if (document is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            root = value;
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString() ?? string.Empty;
        if (text.StartsWith("%7B", StringComparison.OrdinalIgnoreCase))
        {
            text = WebUtility.UrlDecode(text);
        }

        try
        {
            var parsed = JsonDocument.Parse(text);
            root = parsed.RootElement;
            return parsed;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool AnyValue(JsonElement statement, string name, Predicate<string> test) =>
        JsonFields.TryGet(statement, name, out var value) && Values(value).Exists(test);

    private static List<string> PrincipalValues(JsonElement statement)
    {
        if (!JsonFields.TryGet(statement, "Principal", out var principal))
        {
            return [];
        }

        if (principal.ValueKind != JsonValueKind.Object)
        {
            return Values(principal);
        }

        var values = new List<string>();
        if (JsonFields.TryGet(principal, "AWS", out var aws))
        {
            values.AddRange(Values(aws));
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
