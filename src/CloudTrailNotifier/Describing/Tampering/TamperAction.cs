namespace CloudTrailNotifier.Describing.Tampering;

/// <summary>One row of <see cref="TamperActions"/>: a call that can blind or redirect the notifier.</summary>
/// <param name="EventSource">The CloudTrail eventSource.</param>
/// <param name="EventName">The eventName, or its start when <paramref name="IsPrefix"/> (Lambda adds API versions).</param>
/// <param name="IsPrefix">Match names that start with <paramref name="EventName"/>.</param>
/// <param name="Target">What kind of resource the call changes.</param>
/// <param name="ParameterKeys">The requestParameters keys that name the resource (strings or arrays of strings).</param>
internal sealed record TamperAction(string EventSource, string EventName, bool IsPrefix, TamperTargetKind Target, params string[] ParameterKeys)
{
    public bool Matches(string? eventSource, string? eventName) =>
        eventSource == EventSource && eventName is not null
        && (IsPrefix ? eventName.StartsWith(EventName, StringComparison.Ordinal) : eventName == EventName);
}
