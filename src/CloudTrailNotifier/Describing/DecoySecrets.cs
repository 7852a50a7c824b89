using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Secrets nobody has a reason to touch (honeytokens). A call naming one by name, partial ARN
/// (<c>...:secret:NAME</c>) or full ARN (<c>...:secret:NAME-</c> and six random characters) touches it.
/// </summary>
/// <remarks>
/// People name decoys to tempt (<c>payments/sk_live_...</c>, <c>xoxb-...</c>), and the redactor hides strings of those
/// shapes, so the notifier matches the event as received, before redaction (<see cref="NamedIn(CloudTrailEvent)"/>), and
/// hands the match on with <see cref="Touching"/>; the facts, built from the redacted event, then keep it.
/// </remarks>
internal sealed class DecoySecrets
{
    private static readonly string[] ParameterNames = ["secretId", "secretIdList", "name", "SecretId"];

    private readonly string[] _names;

    private DecoySecrets(string[] names, string? touched)
    {
        _names = names;
        Touched = touched;
    }

    public static DecoySecrets None { get; } = new([], null);

    public IReadOnlyList<string> Names => _names;

    /// <summary>The decoy the event named before redaction, as the notification shows it (redacted as the event is); null when none was found so.</summary>
    public string? Touched { get; }

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
        return names.Length == 0 ? None : new DecoySecrets(names, null);
    }

    /// <summary>The same decoys, for one event found to touch <paramref name="shown"/> before redaction.</summary>
    public DecoySecrets Touching(string shown) => new(_names, shown);

    /// <summary>The decoy a Secrets Manager call names (its secret parameters, else the resources it touched), or null.</summary>
    public string? NamedIn(JsonElement? parameters, IEnumerable<string?> resources)
    {
        if (parameters is { } p)
        {
            foreach (var name in ParameterNames)
            {
                if (JsonFields.TryGet(p, name, out var value))
                {
                    var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(JsonFields.Scalar) : [JsonFields.Scalar(value)];
                    foreach (var candidate in values)
                    {
                        if (Match(candidate) is { } decoy)
                        {
                            return decoy;
                        }
                    }
                }
            }
        }

        return resources.Select(Match).FirstOrDefault(d => d is not null);
    }

    /// <summary>The decoy an event names as received (before redaction), or null; the resources as <see cref="ResourceDescriber"/> names them.</summary>
    public string? NamedIn(CloudTrailEvent evt) =>
        _names.Length == 0 || ResourceDescriber.ServicePrefix(evt.EventSource) != "secretsmanager" ? null
        : NamedIn(JsonFields.AsObject(evt.RequestParameters), ResourceDescriber.Describe(evt).Select(r => r.Identifier));

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
