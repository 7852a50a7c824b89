using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Everything a notification says about one event, derived once from the JSON. Strings are unescaped.</summary>
internal sealed record EventFacts
{
    public required CloudTrailEvent Event { get; init; }
    public required Actor Actor { get; init; }
    public required SourceDescription Source { get; init; }
    public required ClientDescription Client { get; init; }

    /// <summary>
    /// True when what CloudTrail records (not the caller's user agent) confirms <see cref="Client"/>; otherwise the
    /// client is only what the user agent claims (<see cref="ClientEvidence"/>).
    /// </summary>
    public bool ClientRecorded { get; init; }

    /// <summary>
    /// <see cref="Signals.ConsoleSession"/> is set only because the user agent names the console
    /// (<c>console.amazonaws.com</c>, <c>S3Console</c>): nothing CloudTrail records confirms it.
    /// </summary>
    public bool ConsoleByUserAgentOnly { get; init; }
    public required IReadOnlyList<ResourceRef> Resources { get; init; }

    /// <summary>Distinct resources the request named beyond <see cref="Resources"/> (which holds at most ten).</summary>
    public int OmittedResources { get; init; }

    public required Outcome Outcome { get; init; }
    public required Signals Signals { get; init; }
    public required DateTimeOffset? Time { get; init; }

    /// <summary>The event name, or a placeholder-free null when the record has none.</summary>
    public string? EventName { get; init; }

    public string? ServiceName { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    public bool IsSignIn { get; init; }

    /// <summary>For CloudTrail Insights events: the call whose rate was unusual, and the rates.</summary>
    public InsightFacts? Insight { get; init; }

    /// <summary>For sign-in events: additionalEventData.MFAUsed as yes/no (read by the severity rules).</summary>
    public bool? SignInMfaUsed { get; init; }

    /// <summary>The record's <c>tlsDetails</c>, when it has any.</summary>
    public TlsFacts? Tls { get; init; }

    /// <summary>The account that owns the VPC endpoint the call came through.</summary>
    public string? VpcEndpointAccountId { get; init; }

    /// <summary><c>requestParameters</c>, when present with content.</summary>
    public JsonElement? RequestParameters { get; init; }

    /// <summary><c>additionalEventData</c>, when present with content.</summary>
    public JsonElement? AdditionalEventData { get; init; }

    /// <summary><c>responseElements</c>, when present with content.</summary>
    public JsonElement? ResponseElements { get; init; }
    /// <summary>What the call tampered with, when it is tampering (<see cref="Signals.Tampering"/>).</summary>
    public Tampering.TamperFinding? Tamper { get; init; }

    /// <summary>How a person's call reached AWS: <see cref="Describing.Via.Console"/>, or the AWS service that made it for them.</summary>
    public string? Via { get; init; }

    /// <summary>Severity, why it matters and what to do, from the <see cref="SeverityTable"/>.</summary>
    public Assessment Assessment { get; init; } = Assessment.Routine;

    /// <summary>The name ACCOUNT_NAMES gives the account the event came from, when it names it.</summary>
    public string? AccountName { get; init; }

    /// <summary>The name ACCOUNT_NAMES gives the caller's own account, when it names it.</summary>
    public string? CallerAccountName { get; init; }
}
