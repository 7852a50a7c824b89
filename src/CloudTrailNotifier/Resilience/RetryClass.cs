namespace CloudTrailNotifier.Resilience;

/// <summary>What an attempt's result means for the retry strategy; each caller classifies its own results.</summary>
internal enum RetryClass
{
    /// <summary>The call is done, well or badly: trying again would not help, or could repeat its effect.</summary>
    Final,

    /// <summary>The call failed in a way a later attempt may not (throttling, a server error, no connection).</summary>
    Transient,
}
