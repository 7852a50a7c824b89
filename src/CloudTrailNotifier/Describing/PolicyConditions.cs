using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Whether a policy statement's <c>Condition</c> really narrows who may use it. Only a positive test (equals, like,
/// address) of a key that names the caller or where the call came from, against a specific value, counts: the
/// caller's organization, account or ARN, the source account or ARN, the VPC, the VPC endpoint or the source
/// address. Conditions anyone can meet do not: TLS, MFA, time, user agent or referer (the caller writes those),
/// principal tags (any account tags its own principals), <c>...IfExists</c> and <c>ForAllValues:</c> forms
/// (they hold when the key is absent), negations, <c>Null</c>, and values that are only wildcards or leave the
/// account open (<c>arn:aws:iam::*:role/x</c>), or address ranges that together cover more than one /8 (IPv4) or /16 (IPv6). Pure.
/// </summary>
internal static class PolicyConditions
{
    /// <summary>Keys whose value names the caller's organization or account, or the caller itself.</summary>
    private static readonly string[] CallerKeys =
    [
        "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:SourceAccount", "aws:SourceOrgID", "aws:userid", "aws:username",
        "kms:CallerAccount", "s3:DataAccessPointAccount",
    ];

    /// <summary>Keys whose value is an ARN: limiting when the ARN fixes an account (or has no wildcard at all).</summary>
    private static readonly string[] ArnKeys = ["aws:PrincipalArn", "aws:SourceArn", "s3:DataAccessPointArn"];

    /// <summary>Organization paths (o-ID/r-ID/ou-ID/...): limiting when the organization is named.</summary>
    private static readonly string[] OrgPathKeys = ["aws:PrincipalOrgPaths", "aws:SourceOrgPaths"];

    /// <summary>Where the call came from inside AWS: a VPC or a VPC endpoint.</summary>
    private static readonly string[] NetworkKeys = ["aws:SourceVpc", "aws:SourceVpce"];

    /// <summary>Source addresses, tested with IpAddress.</summary>
    private static readonly string[] AddressKeys = ["aws:SourceIp", "aws:VpcSourceIp"];

    /// <summary>Exact comparisons: any value limits (a wildcard in it is a literal character nobody's value has).</summary>
    private static readonly string[] ExactOperators = ["StringEquals", "StringEqualsIgnoreCase"];

    /// <summary>Comparisons where <c>*</c> and <c>?</c> are wildcards (ArnEquals too, like ArnLike).</summary>
    private static readonly string[] PatternOperators = ["StringLike", "ArnEquals", "ArnLike"];

    /// <summary>True when the statement has a condition that limits who may use it to someone specific.</summary>
    public static bool LimitsCaller(JsonElement statement)
    {
        if (!JsonFields.TryGet(statement, "Condition", out var condition) || condition.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        // Every operator block must hold, so one limiting test is enough to limit the whole statement.
        foreach (var block in condition.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object || BaseOperator(block.Name) is not { } op)
            {
                continue;
            }

            foreach (var test in block.Value.EnumerateObject())
            {
                if (Limits(op, test.Name, test.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when a Deny statement's <c>Condition</c> makes it refuse everyone but someone specific: every test in it is
    /// the negation of a test that would limit an Allow (<c>StringNotEquals aws:PrincipalOrgID o-...</c>,
    /// <c>StringNotEquals aws:SourceVpce vpce-...</c>, <c>NotIpAddress aws:SourceIp 10.0.0.0/16</c>), plain or
    /// <c>...IfExists</c> (a negation holds when the key is absent, so callers without it are refused too). Any other
    /// test (TLS, time, a <c>ForAnyValue:</c>/<c>ForAllValues:</c> form, a positive test) means some outsiders may not
    /// meet the Deny, so it does not count; nor does a Deny without a condition here.
    /// </summary>
    public static bool DenyExemptsOnlySomeone(JsonElement statement)
    {
        if (!JsonFields.TryGet(statement, "Condition", out var condition) || condition.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        // Every operator block must hold for the Deny to apply: each must hold for every outsider.
        var tests = 0;
        foreach (var block in condition.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object || Affirmative(block.Name) is not { } op)
            {
                return false;
            }

            foreach (var test in block.Value.EnumerateObject())
            {
                if (!Limits(op, test.Name, test.Value))
                {
                    return false;
                }

                tests++;
            }
        }

        return tests > 0;
    }

    /// <summary>
    /// The positive operator a negated one tests the opposite of (<c>StringNotEquals</c>: <c>StringEquals</c>), with
    /// <c>IfExists</c> dropped; null for anything else, and for set qualifiers, which may not hold when the key is absent.
    /// </summary>
    private static string? Affirmative(string name)
    {
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var op = name.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase) ? name[..^"IfExists".Length] : name;
        return op.ToUpperInvariant() switch
        {
            "STRINGNOTEQUALS" => "StringEquals",
            "STRINGNOTEQUALSIGNORECASE" => "StringEqualsIgnoreCase",
            "STRINGNOTLIKE" => "StringLike",
            "ARNNOTEQUALS" => "ArnEquals",
            "ARNNOTLIKE" => "ArnLike",
            "NOTIPADDRESS" => "IpAddress",
            _ => null,
        };
    }

    /// <summary>
    /// The operator without a <c>ForAnyValue:</c> qualifier; null for forms that hold when the key is absent
    /// (<c>...IfExists</c>, <c>ForAllValues:</c>).
    /// </summary>
    private static string? BaseOperator(string name)
    {
        if (name.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        const string AnyValue = "ForAnyValue:";
        return name.StartsWith(AnyValue, StringComparison.OrdinalIgnoreCase) ? name[AnyValue.Length..] : name;
    }

    private static bool Limits(string op, string key, JsonElement value)
    {
        var values = Values(value);
        if (values.Count == 0)
        {
            return false;
        }

        // Several values are alternatives: the test limits only when every one of them does.
        Predicate<string>? specific = Is(key, CallerKeys) || Is(key, NetworkKeys) ? IsLiteral
            : Is(key, ArnKeys) ? FixesAccount
            : Is(key, OrgPathKeys) ? NamesOrganization
            : null;
        if (specific is not null)
        {
            return Is(op, ExactOperators) ? values.TrueForAll(v => v.Length > 0)
                : Is(op, PatternOperators) && values.TrueForAll(specific);
        }

        // The ranges together, not each alone: 0.0.0.0/1 with 128.0.0.0/1, or 256 ranges of /8, admit everyone.
        return Is(key, AddressKeys) && string.Equals(op, "IpAddress", StringComparison.OrdinalIgnoreCase) && AddressRanges.AreNarrow(values);
    }

    private static bool IsLiteral(string value) => value.Length > 0 && value.AsSpan().IndexOfAny('*', '?') < 0;

    /// <summary>An ARN with no wildcard, or whose account field is a literal account id (arn:aws:iam::111122223333:role/*).</summary>
    private static bool FixesAccount(string value)
    {
        if (IsLiteral(value))
        {
            return true;
        }

        var parts = value.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && AccountIds.IsAccountId(parts[4]);
    }

    /// <summary>o-ID/... with the organization id written out.</summary>
    private static bool NamesOrganization(string value)
    {
        var first = value.Split('/')[0];
        return first.StartsWith("o-", StringComparison.Ordinal) && first.Length > 2 && IsLiteral(first);
    }

    private static bool Is(string name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonFields.Scalar(value) is { } s ? [s] : [],
        JsonValueKind.Array => value.EnumerateArray().Select(JsonFields.Scalar).OfType<string>().ToList(),
        _ => [],
    };
}
