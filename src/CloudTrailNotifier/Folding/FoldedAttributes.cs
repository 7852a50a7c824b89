using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Folding;

/// <summary>
/// What a digest says of the events it folds in the message attributes a single notification carries too, pure:
/// <c>readOnly</c> (<c>true</c> only when every folded event was read-only, <c>false</c> when any was a write,
/// <c>unknown</c> otherwise), <c>severity</c> (the highest of the folded events, with the same values) and <c>outcome</c>.
/// </summary>
internal static class FoldedAttributes
{
    public const string True = "true";
    public const string False = "false";
    public const string Unknown = "unknown";

    /// <summary>
    /// A group folded before digests kept a severity: only <c>info</c> and <c>notice</c> events fold, and the higher of
    /// the two keeps a filter policy on <c>notice</c> from missing it.
    /// </summary>
    public const string UnrecordedSeverity = "notice";

    /// <summary>A group's outcome is <c>succeeded</c> or this and the error code (<see cref="FoldEventReader"/>).</summary>
    private const string ErrorPrefix = "error:";

    /// <summary>The group's <c>readOnly</c> after one more event; <paramref name="sofar"/> is null before the first.</summary>
    public static string ReadOnly(string? sofar, string? next)
    {
        var value = next is True or False ? next : Unknown;
        return sofar is null ? value
            : sofar == False || value == False ? False
            : sofar == True && value == True ? True
            : Unknown;
    }

    /// <summary>The group's <c>severity</c> after one more event: the higher; a value that is not a severity changes nothing.</summary>
    public static string? Severity(string? sofar, string? next) =>
        Rank(next) > Rank(sofar) ? next : sofar;

    /// <summary>
    /// The <c>outcome</c> attribute of a digest, as a single notification of the same calls says it: <c>denied</c> for a
    /// refusal (AccessDenied, UnauthorizedOperation, ...: the describer's own test), <c>failed</c> for any other error.
    /// </summary>
    public static string OutcomeOf(GroupIdentity identity) =>
        !identity.Outcome.StartsWith(ErrorPrefix, StringComparison.Ordinal) ? "succeeded"
        : EventFactsBuilder.IsDenial(identity.Outcome[ErrorPrefix.Length..]) ? "denied"
        : "failed";

    /// <summary>The <c>readOnly</c> attribute of a digest.</summary>
    public static string ReadOnlyOf(GroupState group) => group.ReadOnly is True or False ? group.ReadOnly : Unknown;

    /// <summary>The <c>severity</c> attribute of a digest.</summary>
    public static string SeverityOf(GroupState group) => Rank(group.Severity) >= 0 ? group.Severity! : UnrecordedSeverity;

    private static int Rank(string? severity) => severity switch
    {
        "info" => 0,
        "notice" => 1,
        "high" => 2,
        "critical" => 3,
        _ => -1,
    };
}
