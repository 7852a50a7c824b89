using System.Text.Json;

namespace CloudTrailNotifier.State;

/// <summary>What one DynamoDB call came to: its JSON answer, or a failed condition, or an error worth retrying or not.</summary>
internal sealed record DynamoDbAnswer(int Status, JsonElement? Body, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public bool ConditionFailed => ErrorCode == "ConditionalCheckFailedException";

    /// <summary>Throttling, server errors and requests that never got an answer are tried again.</summary>
    public bool Transient => Status == 0 || Status >= 500 || ErrorCode is "ThrottlingException"
        or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "InternalServerError" or "ServiceUnavailable";
}
