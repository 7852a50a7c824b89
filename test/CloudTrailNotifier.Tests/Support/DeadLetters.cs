using System.Text.Json.Nodes;
using CloudTrailNotifier.Redrive;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Dead-letter messages in the shapes AWS writes them (see DeadLetterReader), built around test events.</summary>
internal static class DeadLetters
{
    /// <summary>Lambda's on-failure destination record for an invocation whose retries ran out.</summary>
    public static string FailureRecord(string eventJson, string condition = "RetriesExhausted") =>
        new JsonObject
        {
            ["version"] = "1.0",
            ["timestamp"] = "2026-11-30T23:01:02.345Z",
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = "0f4c6a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
                ["functionArn"] = "arn:aws:lambda:us-east-1:123456789012:function:notifier-NotifierFunction-ABC:$LATEST",
                ["condition"] = condition,
                ["approximateInvokeCount"] = 3,
            },
            ["requestPayload"] = JsonNode.Parse(eventJson),
            ["responseContext"] = new JsonObject
            {
                ["statusCode"] = 200,
                ["executedVersion"] = "$LATEST",
                ["functionError"] = "Unhandled",
            },
            ["responsePayload"] = new JsonObject
            {
                ["errorType"] = "Sns.NotFound",
                ["errorMessage"] = "Topic does not exist",
            },
        }.ToJsonString();

    /// <summary>The attributes EventBridge adds to an event it could not deliver to a rule's target.</summary>
    public static Dictionary<string, string> RuleAttributes(string errorCode = "SDK_CLIENT_ERROR") => new(StringComparer.Ordinal)
    {
        ["ERROR_CODE"] = errorCode,
        ["ERROR_MESSAGE"] = "Rate exceeded",
        ["EXHAUSTED_RETRY_CONDITION"] = "MaximumRetryAttempts",
        ["RETRY_ATTEMPTS"] = "185",
        ["RULE_ARN"] = "arn:aws:events:us-east-1:123456789012:rule/notifier-watch",
        ["TARGET_ARN"] = "arn:aws:lambda:us-east-1:123456789012:function:notifier-NotifierFunction-ABC",
    };

    /// <summary>The attributes Lambda's asynchronous dead-letter queue adds to the event.</summary>
    public static Dictionary<string, string> LambdaAttributes() => new(StringComparer.Ordinal)
    {
        ["RequestID"] = "0f4c6a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b",
        ["ErrorCode"] = "200",
        ["ErrorMessage"] = "Topic does not exist",
    };

    public static DeadLetter Message(string id, string body, IReadOnlyDictionary<string, string>? attributes = null) =>
        new(id, "receipt-" + id, body, attributes ?? new Dictionary<string, string>());
}
