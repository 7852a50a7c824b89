namespace CloudTrailNotifier.Describing;

/// <summary>
/// Secrets nobody has a reason to touch (honeytokens). A call naming one by name, partial ARN
/// (<c>...:secret:NAME</c>) or full ARN (<c>...:secret:NAME-</c> and six random characters) touches it.
/// </summary>
internal sealed class DecoySecrets
{
    private readonly string[] _names;

    private DecoySecrets(string[] names) => _names = names;

    public static DecoySecrets None { get; } = new([]);

    public IReadOnlyList<string> Names => _names;

    /// <summary>Reads a comma-separated list (<c>DECOY_SECRETS</c>, <c>--decoy-secrets</c>); blanks are ignored.</summary>
    public static DecoySecrets Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return None;
        }

        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return names.Length == 0 ? None : new DecoySecrets(names);
    }

    /// <summary>The decoy <paramref name="identifier"/> names, or null when it names none.</summary>
    public string? Match(string? identifier)
    {
        if (identifier is null)
        {
            return null;
        }

        foreach (var name in _names)
        {
            if (identifier == name || NamesInArn(identifier, name))
            {
                return name;
            }
        }

        return null;
    }

    private static bool NamesInArn(string identifier, string name)
    {
        const string Marker = ":secret:";
        var at = identifier.IndexOf(Marker, StringComparison.Ordinal);
        if (!identifier.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return false;
        }

        var rest = identifier.AsSpan(at + Marker.Length);
        if (rest.SequenceEqual(name))
        {
            return true; // partial ARN
        }

        // Full ARN: NAME, a hyphen and six characters.
        return rest.Length == name.Length + 7 && rest.StartsWith(name, StringComparison.Ordinal) && rest[name.Length] == '-';
    }
}
