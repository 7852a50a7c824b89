using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Everything a notification says about one event, derived once from the JSON. Strings are unescaped.</summary>
internal sealed record EventFacts
{
    public required CloudTrailEvent Event { get; init; }
    public required Actor Actor { get; init; }
    public required SourceDescription Source { get; init; }
    public required ClientDescription Client { get; init; }
    public required IReadOnlyList<ResourceRef> Resources { get; init; }
    public required Outcome Outcome { get; init; }
    public required Signals Signals { get; init; }
    public required DateTimeOffset? Time { get; init; }

    /// <summary>The event name, or a placeholder-free null when the record has none.</summary>
    public string? EventName { get; init; }

    public string? ServiceName { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>The call was made with console session credentials (or is a console sign-in).</summary>
    public bool ConsoleSession { get; init; }

    /// <summary>For sign-in events: additionalEventData.MFAUsed as yes/no.</summary>
    public bool? SignInMfaUsed { get; init; }

    public bool IsSignIn { get; init; }

    /// <summary>How a person's call reached AWS: <see cref="Describing.Via.Console"/>, or the AWS service that made it for them.</summary>
    public string? Via { get; init; }

    /// <summary>Severity, why it matters and what to do, from the <see cref="SeverityTable"/>.</summary>
    public Assessment Assessment { get; init; } = Assessment.Routine;
}
