using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Rendering.Languages;

/// <summary>
/// The words for severity, why an event matters and what to do, in one language. Arguments are already
/// escaped by the caller; implementations only arrange them.
/// </summary>
internal abstract class AssessmentTexts
{
    /// <summary>The subject tag for high and critical events; null below.</summary>
    public abstract string? SubjectTag(Severity severity);

    /// <summary>The subject tag saying a decoy secret was touched.</summary>
    public abstract string DecoyTag { get; }

    public abstract string SeverityLabel { get; }
    public abstract string SeverityValue(Severity severity);
    public abstract string RiskLabel { get; }

    /// <summary>One sentence: why the event matters.</summary>
    public abstract string Risk(RiskKind kind, RiskStrings s);

    /// <summary>Appended when a change names an account that is not the event's account.</summary>
    public abstract string OutsideAccount(string account);

    /// <summary>Appended when the secret a call read or tried to read belongs to another account.</summary>
    public abstract string SecretOfOtherAccount(string account);

    /// <summary>The headline of an AWS service event: something AWS did by itself, not a call anyone made.</summary>
    public abstract string ServiceEventHeadline(string action, string? service, string? resource);

    /// <summary>The headline of a CloudTrail Insights event: which call ran (or failed) at an unusual rate, and the rates.</summary>
    public abstract string InsightHeadline(string action, string? service, InsightFacts insight);

    /// <summary>The label and value standing in for the result of a call, which an Insights event does not have.</summary>
    public abstract string InsightLabel { get; }

    /// <param name="safeErrorCode">The error of an error-rate insight, already escaped; null when not recorded.</param>
    public abstract string InsightValue(InsightFacts insight, string? safeErrorCode);

    /// <summary>The label over the top values of one breakdown of an Insights event (its callers, clients or error codes).</summary>
    public abstract string InsightAttributionLabel(InsightAttributeKind kind);

    /// <summary>One top value and its rates, against its usual rate when it was among the usual top values.</summary>
    /// <param name="safeValue">The value, already escaped.</param>
    public abstract string InsightContributor(InsightAttributeKind kind, string safeValue, InsightContributor contributor);

    /// <summary>Appended to the caller: how the person's call reached AWS (the console, or a service acting for them).</summary>
    public abstract string Via(string via);

    /// <summary>The kind of call for STS calls that issue credentials (CloudTrail marks them read-only).</summary>
    public abstract string IssuesCredentials { get; }

    public abstract string SharingLabel { get; }
    public abstract string SharingValue(string? added, string? removed);
    public abstract string Everyone { get; }
    public abstract string OutsideMark(string account);

    public abstract string NextStepsTitle { get; }
    public abstract string NextStepsNote { get; }
    public abstract string NextStep(NextStepKind kind);

    /// <summary>Instead of the commands, for an event that did not come from AWS (signal NotFromAws): why none, what to check.</summary>
    public abstract string ForgedStepsNote { get; }

    /// <summary>The line before the command that looks the event up in CloudTrail event history.</summary>
    public abstract string ForgedLookup { get; }

    /// <summary>Said instead of the look-up when the event's id is not shaped like CloudTrail's (a UUID).</summary>
    public abstract string ForgedIdNotCloudTrails { get; }

    /// <summary>The risks of reading a secret, whose sentence says when the secret is another account's.</summary>
    protected static bool IsSecretRead(RiskKind kind) =>
        kind is RiskKind.SecretValueRead or RiskKind.SecretReadDenied or RiskKind.DecoyTouched;
}
