using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Describing;

/// <summary>How serious an event is, why, and what to do about it.</summary>
/// <param name="Severity">From the <see cref="SeverityTable"/>.</param>
/// <param name="Risk">Why it matters; null when no rule names a reason.</param>
/// <param name="PrincipalKind">For permission changes: whether <see cref="Risk.Principal"/> is a user, role or group.</param>
/// <param name="NextSteps">For high and critical events: commands to contain or undo it, filled in (never run).</param>
internal sealed record Assessment(Severity Severity, Risk? Risk, ResourceKind PrincipalKind, IReadOnlyList<NextStep> NextSteps)
{
    public static Assessment Routine { get; } = new(Severity.Info, null, ResourceKind.User, []);

    /// <summary>The lower-case value of the <c>severity</c> message attribute.</summary>
    public string SeverityName => Severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Notice => "notice",
        _ => "info",
    };

    /// <summary>What a sharing call adds and removes (accounts, or everyone).</summary>
    public SharingChange Sharing { get; init; } = SharingChange.None;

    public bool DecoyTouched => Risk?.Kind == RiskKind.DecoyTouched;
}
