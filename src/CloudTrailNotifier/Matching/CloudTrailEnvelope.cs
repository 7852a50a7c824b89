using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Matching;

/// <summary>
/// The envelope EventBridge puts around a CloudTrail record, made up for a bare record (a CloudTrail log file holds
/// records without it) so that a rule's pattern applies to log files too:
/// <list type="bullet">
/// <item><c>version</c>: "0".</item>
/// <item><c>source</c>: "aws." and the record's eventSource without ".amazonaws.com" (s3.amazonaws.com gives aws.s3,
/// monitoring.amazonaws.com aws.monitoring).</item>
/// <item><c>detail-type</c>: from eventType (AwsApiCall, or no eventType as in old records: "AWS API Call via CloudTrail";
/// AwsConsoleSignIn, or an old record from signin.amazonaws.com: "AWS Console Signin via CloudTrail"; AwsConsoleAction, AwsServiceEvent, AwsCloudTrailInsight; a
/// network activity record, eventCategory NetworkActivity: "AWS Network Activity Event via CloudTrail").</item>
/// <item><c>account</c>: recipientAccountId, else userIdentity.accountId. <c>region</c>: awsRegion. <c>time</c>: eventTime.</item>
/// <item><c>resources</c>: empty, as for every CloudTrail event (an empty array matches like a missing field).</item>
/// <item><c>detail</c>: the record itself.</item>
/// </list>
/// <c>id</c> is not made up (EventBridge assigns it on delivery); a pattern on it does not match a bare record.
/// </summary>
internal static class CloudTrailEnvelope
{
    public const string ApiCall = "AWS API Call via CloudTrail";
    public const string ConsoleSignin = "AWS Console Signin via CloudTrail";
    public const string ConsoleAction = "AWS Console Action via CloudTrail";
    public const string ServiceEvent = "AWS Service Event via CloudTrail";
    public const string Insight = "AWS Insight via CloudTrail";
    public const string NetworkActivity = "AWS Network Activity Event via CloudTrail";

    private const string ServiceDomain = ".amazonaws.com";

    /// <summary>Whether the event is a CloudTrail record without an EventBridge envelope.</summary>
    public static bool IsBareRecord(JsonElement root) =>
        CloudTrailEvent.TryCreate(root, out var cloudTrailEvent, out _) && cloudTrailEvent.Envelope is null;

    /// <summary>The made-up value of a top-level envelope field other than detail; null when there is none.</summary>
    public static string? Field(JsonElement record, string name) => name switch
    {
        "version" => "0",
        "source" => Source(JsonFields.String(record, "eventSource")),
        "detail-type" => DetailType(record),
        "account" => JsonFields.String(record, "recipientAccountId")
            ?? (JsonFields.Object(record, "userIdentity") is { } identity ? JsonFields.String(identity, "accountId") : null),
        "region" => JsonFields.String(record, "awsRegion"),
        "time" => JsonFields.String(record, "eventTime"),
        _ => null,
    };

    public static string? Source(string? eventSource)
    {
        if (eventSource is null)
        {
            return null;
        }

        var service = eventSource.EndsWith(ServiceDomain, StringComparison.Ordinal)
            ? eventSource[..^ServiceDomain.Length]
            : eventSource;
        return service.Length == 0 ? null : "aws." + service;
    }

    public static string? DetailType(JsonElement record)
    {
        if (string.Equals(JsonFields.String(record, "eventCategory"), "NetworkActivity", StringComparison.Ordinal))
        {
            return NetworkActivity;
        }

        var eventType = JsonFields.String(record, "eventType");
        if (eventType is null && string.Equals(JsonFields.String(record, "eventSource"), "signin.amazonaws.com", StringComparison.Ordinal))
        {
            return ConsoleSignin; // records from before eventType existed
        }

        return eventType?.ToUpperInvariant() switch
        {
            null or "AWSAPICALL" or "AWSVPCEEVENT" => ApiCall,
            "AWSCONSOLESIGNIN" => ConsoleSignin,
            "AWSCONSOLEACTION" => ConsoleAction,
            "AWSSERVICEEVENT" => ServiceEvent,
            "AWSCLOUDTRAILINSIGHT" => Insight,
            _ => null,
        };
    }
}
