namespace CloudTrailNotifier.Resilience;

/// <summary>Why the retry strategy stopped.</summary>
internal enum RetryStopReason
{
    /// <summary>The last attempt's result was final (a success or a refusal).</summary>
    Final,

    /// <summary>Every allowed attempt failed transiently.</summary>
    AttemptsExhausted,

    /// <summary>A transient failure, and no retry could finish before the deadline.</summary>
    DeadlineNear,

    /// <summary>The deadline (less the reserve) had passed before the first attempt could start.</summary>
    DeadlinePassed,
}
