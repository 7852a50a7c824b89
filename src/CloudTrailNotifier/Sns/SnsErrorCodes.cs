namespace CloudTrailNotifier.Sns;

/// <summary>AWS error codes that mean "slow down" or "our side failed", mapped once into <see cref="SnsFailureKind"/>.</summary>
internal static class SnsErrorCodes
{
    public static bool IsThrottling(string code) => code is "Throttling" or "ThrottlingException" or "ThrottledException"
        or "Throttled" or "TooManyRequestsException" or "RequestLimitExceeded" or "RequestThrottled"
        or "RequestThrottledException" or "KMSThrottling" or "SlowDown";

    public static bool IsServerSide(string code) => code is "InternalError" or "InternalFailure" or "ServiceUnavailable"
        or "RequestTimeout" or "RequestTimeoutException" or "PriorRequestNotComplete";
}
