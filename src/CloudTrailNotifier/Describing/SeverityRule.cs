namespace CloudTrailNotifier.Describing;

/// <summary>One row of the <see cref="SeverityTable"/>.</summary>
/// <param name="Service">The event source prefix (<c>iam</c> for <c>iam.amazonaws.com</c>), or <c>*</c> for any.</param>
/// <param name="Calls">Event names the row applies to; empty for any.</param>
/// <param name="When">The condition on the event (its parameters, caller, outcome).</param>
/// <param name="Severity">The severity the row gives.</param>
/// <param name="Risk">The sentence that says why.</param>
internal sealed record SeverityRule(string Service, string[] Calls, Func<RuleInput, bool> When, Severity Severity, RiskKind? Risk)
{
    public bool Matches(RuleInput input) =>
        (Service == "*" || Service == input.Service)
        && (Calls.Length == 0 || (input.EventName is { } name && ((ReadOnlySpan<string>)Calls).Contains(name)))
        && When(input);
}
