using System.Text;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// What a resource found by the generic rule is called, in words, from the parameter that named it:
/// <c>resolverQueryLogConfigId</c> is a "resolver query log config", <c>certificateArn</c> a "certificate",
/// <c>dBSecurityGroupName</c> a "DB security group". A bare <c>name</c> takes the noun of the call instead
/// (CreateTrustAnchor: "trust anchor"). Anything else (a key of odd characters) stays the key as written.
/// </summary>
internal static class GenericLabel
{
    private static readonly string[] Suffixes = ["Identifier", "Name", "Arn", "ARN", "Id", "ID"];

    private static readonly string[] Verbs =
    [
        "Create", "Delete", "Update", "Put", "Get", "Describe", "List", "Start", "Stop", "Enable", "Disable", "Modify",
        "Set", "Add", "Remove", "Attach", "Detach", "Register", "Deregister", "Associate", "Disassociate", "Tag", "Untag",
    ];

    public static string For(string key, string? eventName)
    {
        if (key.Length == 0 || key.Length > 64 || !IsAsciiIdentifier(key))
        {
            return key;
        }

        var stem = key;
        foreach (var suffix in Suffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
                break;
            }
        }

        if (stem.Length == 0 || stem.Equals("name", StringComparison.Ordinal) || stem.Equals("arn", StringComparison.Ordinal))
        {
            return NounOf(eventName) ?? key;
        }

        return Words(stem);
    }

    /// <summary>The object of a call named verb + noun: CreateTrustAnchor is about a "trust anchor".</summary>
    private static string? NounOf(string? eventName) => CallNoun(eventName) is { } noun ? Words(noun) : null;

    /// <summary>The noun of a call named verb + noun, as written: <c>TrustAnchor</c> of CreateTrustAnchor; null otherwise.</summary>
    public static string? CallNoun(string? eventName)
    {
        if (eventName is null || !IsAsciiIdentifier(eventName))
        {
            return null;
        }

        foreach (var verb in Verbs)
        {
            if (eventName.Length > verb.Length && eventName.StartsWith(verb, StringComparison.Ordinal) && char.IsAsciiLetterUpper(eventName[verb.Length]))
            {
                var noun = eventName[verb.Length..].TrimEnd("0123456789v".ToCharArray());
                return noun.Length == 0 ? null : noun;
            }
        }

        return null;
    }

    /// <summary>A parameter name without its identifier suffix: <c>cluster</c> of <c>clusterName</c>.</summary>
    public static string Stem(string key)
    {
        foreach (var suffix in Suffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }

        return key;
    }

    /// <summary>camelCase to lower-case words; a run of capitals stays one upper-case word (ACL, DB).</summary>
    private static string Words(string camel)
    {
        var words = new List<string>();
        var i = 0;
        while (i < camel.Length)
        {
            var start = i;
            if (char.IsAsciiLetterUpper(camel[i]))
            {
                while (i < camel.Length && char.IsAsciiLetterUpper(camel[i]))
                {
                    i++;
                }

                // "SGroup": the last capital begins the next word when lower case follows.
                if (i - start > 1 && i < camel.Length && char.IsAsciiLetterLower(camel[i]))
                {
                    i--;
                }
            }

            while (i < camel.Length && !char.IsAsciiLetterUpper(camel[i]))
            {
                i++;
            }

            if (i == start)
            {
                i++;
            }

            words.Add(camel[start..i]);
        }

        // A leading one-letter word before capitals ("dB...") is an abbreviation written in lower case.
        if (words.Count > 1 && words[0].Length == 1 && words[1].Length >= 1 && char.IsAsciiLetterUpper(words[1][0]) && words[1].Length == 1)
        {
            words[1] = (words[0] + words[1]).ToUpperInvariant();
            words.RemoveAt(0);
        }

        var text = new StringBuilder();
        foreach (var word in words)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(word.Length > 1 && word.All(char.IsAsciiLetterUpper) ? word : word.ToLowerInvariant());
        }

        return text.ToString();
    }

    private static bool IsAsciiIdentifier(string text) => text.All(char.IsAsciiLetterOrDigit);
}
