namespace CloudTrailNotifier.State;

/// <summary>The state store could not be used (unreachable, throttled past its retries, refused): the caller fails open.</summary>
internal sealed class StateStoreException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
