using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Tests.Support;
using System.Text.Json;

namespace CloudTrailNotifier.Tests.Describing.Tampering;

public sealed class TamperDetectorTests
{
    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;

    private static TamperFinding? Detect(string source, string name, string parameters, TamperWatch? watch = null)
    {
        var bytes = TestEvents.Envelope($$"""{"eventSource":"{{source}}","eventName":"{{name}}","requestParameters":{{parameters}},"eventID":"e"}""");
        using var document = JsonDocument.Parse(bytes, InputReader.Options);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement, out var evt, out var problem), problem);
        return TamperDetector.Detect(evt, watch ?? Stack);
    }

    [Theory]
    [InlineData("StopLogging", "name")]
    [InlineData("DeleteTrail", "name")]
    [InlineData("UpdateTrail", "name")]
    [InlineData("PutEventSelectors", "trailName")]
    [InlineData("PutInsightSelectors", "trailName")]
    public void Weakening_any_trail_is_tampering_even_without_known_stack_resources(string eventName, string key)
    {
        var finding = Detect("cloudtrail.amazonaws.com", eventName,
            $$"""{"{{key}}":"arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"}""", TamperWatch.None);

        Assert.Equal(new TamperFinding(TamperTargetKind.Trail, "org-trail", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"), finding);
    }

    [Fact]
    public void A_trail_call_without_a_readable_trail_name_is_still_tampering()
    {
        Assert.Equal(new TamperFinding(TamperTargetKind.Trail, null, null), Detect("cloudtrail.amazonaws.com", "StopLogging", "null"));
    }

    [Theory]
    [InlineData("cloudtrail.amazonaws.com", "StartLogging", """{"name":"t"}""")]
    [InlineData("events.amazonaws.com", "EnableRule", """{"name":"cloudtrail-notifier-watch"}""")]
    [InlineData("lambda.amazonaws.com", "GetFunction20150331v2", """{"functionName":"cloudtrail-notifier-NotifierFunction-A1B2C3D4E5F6"}""")]
    [InlineData("sns.amazonaws.com", "Publish", """{"topicArn":"arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6"}""")]
    public void Other_calls_on_the_stack_are_not_tampering(string source, string name, string parameters) =>
        Assert.Null(Detect(source, name, parameters));

    [Theory]
    [InlineData("events.amazonaws.com", "DisableRule", """{"name":"cloudtrail-notifier-watch"}""", "Rule")]
    [InlineData("events.amazonaws.com", "RemoveTargets", """{"rule":"cloudtrail-notifier-tamper","ids":["x"]}""", "Rule")]
    [InlineData("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", """{"functionName":"cloudtrail-notifier-NotifierFunction-A1B2C3D4E5F6"}""", "Function")]
    [InlineData("lambda.amazonaws.com", "DeleteFunction20150331", """{"functionName":"arn:aws:lambda:ap-northeast-1:111111111111:function:cloudtrail-notifier-NotifierFunction-A1B2C3D4E5F6:$LATEST"}""", "Function")]
    [InlineData("lambda.amazonaws.com", "PutFunctionConcurrency20171031", """{"functionName":"111111111111:function:cloudtrail-notifier-NotifierFunction-A1B2C3D4E5F6"}""", "Function")]
    [InlineData("sns.amazonaws.com", "SetTopicAttributes", """{"topicArn":"arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-OperationsTopic-A1B2C3D4E5F6"}""", "Topic")]
    [InlineData("sns.amazonaws.com", "Unsubscribe", """{"subscriptionArn":"arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6:0b6f"}""", "Subscription")]
    [InlineData("monitoring.amazonaws.com", "DisableAlarmActions", """{"alarmNames":["other","cloudtrail-notifier-alarm-function-errors"]}""", "Alarm")]
    [InlineData("monitoring.amazonaws.com", "SetAlarmState", """{"alarmName":"cloudtrail-notifier-alarm-topic-filtered-out"}""", "Alarm")]
    [InlineData("sqs.amazonaws.com", "PurgeQueue", """{"queueUrl":"https://ap-northeast-1.queue.amazonaws.com/111111111111/cloudtrail-notifier-DeadLetterQueue-A1B2C3D4E5F6"}""", "Queue")]
    public void Changing_one_of_the_stacks_resources_is_tampering(string source, string name, string parameters, string kind)
    {
        Assert.Equal(kind, Detect(source, name, parameters)?.Target.ToString());
        Assert.Null(Detect(source, name, parameters, TamperWatch.None));
    }

    [Theory]
    [InlineData("events.amazonaws.com", "DisableRule", """{"name":"cloudtrail-notifier-dev-watch"}""")]
    [InlineData("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", """{"functionName":"cloudtrail-notifier-dev-NotifierFunction-Z9"}""")]
    [InlineData("sns.amazonaws.com", "DeleteTopic", """{"topicArn":"arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6x"}""")]
    [InlineData("sns.amazonaws.com", "Unsubscribe", """{"subscriptionArn":"arn:aws:sns:ap-northeast-1:111111111111:other:0b6f"}""")]
    [InlineData("monitoring.amazonaws.com", "DeleteAlarms", """{"alarmNames":["cloudtrail-notifier-dev-alarm-x"]}""")]
    [InlineData("sqs.amazonaws.com", "DeleteQueue", """{"queueUrl":"https://sqs.ap-northeast-1.amazonaws.com/222222222222/cloudtrail-notifier-DeadLetterQueue-A1B2C3D4E5F6"}""")]
    public void The_same_calls_on_another_stacks_resources_are_not_tampering(string source, string name, string parameters) =>
        Assert.Null(Detect(source, name, parameters));

    [Theory]
    [InlineData("cloudtrail-notifier-watch")]
    [InlineData("arn:aws:sns:us-east-1:111111111111:topic:extra")]
    [InlineData("arn:aws:iam::111111111111:user/r")]
    [InlineData("arn:aws:cloudwatch:us-east-1:111111111111:alarm:")]
    public void An_entry_of_another_shape_is_refused_with_one_line(string entry)
    {
        Assert.Null(TamperWatch.Parse("arn:aws:events:us-east-1:111111111111:rule/r," + entry, null, out var error));
        Assert.Contains($"'{entry}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void An_empty_list_watches_trails_only_and_the_functions_own_name_is_watched()
    {
        Assert.Same(TamperWatch.None, TamperWatch.Parse(" ", null, out _));
        var own = TamperWatch.Parse(null, "my-function", out _)!;
        Assert.True(own.Watches(TamperTargetKind.Function, "arn:aws:lambda:us-east-1:111111111111:function:my-function"));
        Assert.False(own.Watches(TamperTargetKind.Function, "my-function-2"));
    }
}
