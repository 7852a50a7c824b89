namespace CloudTrailNotifier.Redrive;

/// <summary>
/// What a dead letter holds: the event's UTF-8 JSON (rendered exactly as the function would render it), or why the
/// message holds none (<see cref="Problem"/>, a sentence of this program's own: never a value from the message).
/// </summary>
/// <param name="FailureCode">Why it was parked, when the shape says so: the record's condition or the error code attribute.</param>
internal sealed record DeadLetterContent(DeadLetterOrigin Origin, ReadOnlyMemory<byte> Event, string? FailureCode, string? Problem)
{
    public bool HasEvent => Problem is null;

    public static DeadLetterContent Unreadable(string problem) => new(DeadLetterOrigin.Unreadable, ReadOnlyMemory<byte>.Empty, null, problem);

    /// <summary>How the message is named in a heading, e.g. <c>EventBridge rule dead letter, SDK_CLIENT_ERROR</c>.</summary>
    public string Describe()
    {
        var origin = Origin switch
        {
            DeadLetterOrigin.LambdaFailureRecord => "Lambda on-failure record",
            DeadLetterOrigin.RuleDeadLetter => "EventBridge rule dead letter",
            DeadLetterOrigin.LambdaDeadLetter => "Lambda dead letter",
            DeadLetterOrigin.Event => "event",
            _ => "unreadable message",
        };
        return FailureCode is null ? origin : $"{origin}, {FailureCode}";
    }
}
