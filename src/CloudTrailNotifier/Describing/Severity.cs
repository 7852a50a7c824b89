namespace CloudTrailNotifier.Describing;

/// <summary>
/// How urgently a person should look, lowest first. The message attribute <c>severity</c> carries the
/// lower-case name in every language, so subscription filter policies can route on it.
/// </summary>
internal enum Severity
{
    /// <summary>Routine: reads and calls nobody needs to act on.</summary>
    Info,

    /// <summary>Worth a look: changes, refusals, reads of secret values.</summary>
    Notice,

    /// <summary>A change that weakens security or grants access; someone should check it today.</summary>
    High,

    /// <summary>Act now: logging or detection switched off, data or access opened to others, a decoy touched.</summary>
    Critical,
}
