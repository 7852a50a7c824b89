using Amazon.DynamoDBv2.Model;

namespace CloudTrailNotifier.State;

/// <summary>What one DynamoDB call came to: its response, or a failed condition (with the item as it is), or an error.</summary>
/// <param name="Current">On a failed condition, the item that failed it, when DynamoDB returned it (ALL_OLD).</param>
internal sealed record DynamoDbAnswer<T>(T? Result, bool ConditionFailed, Dictionary<string, AttributeValue>? Current, int Status, string? ErrorCode, string? ErrorMessage)
    where T : class
{
    public bool Succeeded => Result is not null;

    /// <summary>Throttling, server errors and requests that never got an answer are tried again.</summary>
    public bool Transient => !Succeeded && !ConditionFailed && (Status == 0 || Status >= 500 || ErrorCode is "ThrottlingException"
        or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "InternalServerError" or "ServiceUnavailable");

    public static DynamoDbAnswer<T> Ok(T result) => new(result, false, null, 200, null, null);

    public static DynamoDbAnswer<T> Condition(Dictionary<string, AttributeValue>? current) =>
        new(null, true, current is { Count: > 0 } ? current : null, 400, "ConditionalCheckFailedException", null);

    public static DynamoDbAnswer<T> Error(int status, string code, string? message) => new(null, false, null, status, code, message);
}
