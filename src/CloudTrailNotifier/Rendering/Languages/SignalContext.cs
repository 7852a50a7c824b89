namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>The escaped strings a signal sentence may use.</summary>
internal readonly record struct SignalContext(
    string? ErrorCode,
    string? CallerAccount,
    string? RecipientAccount,
    string? Service)
{
    /// <summary>What a tampering call changed (escaped), when it is tampering.</summary>
    public Describing.Tampering.TamperTargetKind TamperTarget { get; init; }

    /// <summary>The escaped short name of the resource a tampering call changed, or null when not recorded.</summary>
    public string? TamperName { get; init; }

    /// <summary>Whether CloudFormation made the call (as recorded, not as shown: the shown name is escaped and defanged).</summary>
    public bool ThroughCloudFormation { get; init; }

    /// <summary>The console session signal rests on the user agent alone (<see cref="Describing.EventFacts.ConsoleByUserAgentOnly"/>).</summary>
    public bool ConsoleByUserAgentOnly { get; init; }

    /// <summary>The envelope's source (escaped) of an event not from AWS; null when it has none.</summary>
    public string? EnvelopeSource { get; init; }
}
