namespace CloudTrailNotifier.Lambda;

/// <summary>One event handed out by the Runtime API's <c>next</c> call, with the headers that come with it.</summary>
/// <param name="Deadline">From Lambda-Runtime-Deadline-Ms; null if the header was missing.</param>
/// <param name="TraceId">From Lambda-Runtime-Trace-Id, passed on as <c>_X_AMZN_TRACE_ID</c>.</param>
internal sealed record Invocation(
    string RequestId,
    DateTimeOffset? Deadline,
    string? TraceId,
    byte[] Event);
