namespace CloudTrailNotifier.Describing;

/// <summary>
/// One of the top values of an attribution (a caller's ARN, a user agent, an error code) with its rate per minute in
/// the unusual activity and in the baseline before it. Rates are formatted by this program, never the event's text.
/// </summary>
/// <param name="Value">The value as recorded: untrusted text, escaped where it is shown.</param>
/// <param name="UsualRate">Its baseline rate; null when it is not among the baseline's top values.</param>
internal sealed record InsightContributor(string Value, string? Rate, string? UsualRate);
