namespace CloudTrailNotifier.Redrive;

/// <summary>Who put a message in the dead-letter queue, as far as its shape tells.</summary>
internal enum DeadLetterOrigin
{
    /// <summary>Lambda's on-failure destination: an invocation record whose <c>requestPayload</c> is the event.</summary>
    LambdaFailureRecord,

    /// <summary>An EventBridge rule that could not deliver to the function: the event, with <c>ERROR_CODE</c>, <c>RULE_ARN</c>, ... attributes.</summary>
    RuleDeadLetter,

    /// <summary>Lambda's asynchronous dead-letter queue: the event, with <c>ErrorCode</c>, <c>ErrorMessage</c> and <c>RequestID</c> attributes.</summary>
    LambdaDeadLetter,

    /// <summary>An event without attributes that say who sent it (sent by hand, or attributes lost).</summary>
    Event,

    /// <summary>No event could be found in the message.</summary>
    Unreadable,
}
