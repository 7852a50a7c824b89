using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing.Tampering;

/// <summary>
/// Silencing the notifier through noise control or central mode: the digest sweep rule (every folded event waits for
/// it), the state table folded events wait in, and the central tamper rule on the organization's bus. (Security review 22, S5.)
/// </summary>
public sealed class NoiseControlTamperTests
{
    private const string TableName = "cloudtrail-notifier-StateTable-A1B2C3D4E5F6";
    private const string CentralTamper = "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-central/cloudtrail-notifier-central-tamper";

    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;

    private static string Record(string source, string name, string parameters, string region, string account) =>
        $$"""{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111111111111:user/mallory","accountId":"111111111111","accessKeyId":"AKIAEXAMPLE","userName":"mallory"},"eventTime":"2024-05-02T10:00:00Z","eventSource":"{{source}}","eventName":"{{name}}","awsRegion":"{{region}}","sourceIPAddress":"192.0.2.1","userAgent":"aws-cli/2.15.0","requestParameters":{{parameters}},"responseElements":null,"readOnly":false,"eventType":"AwsApiCall","eventID":"e","recipientAccountId":"{{account}}"}""";

    private static TamperFinding? Detect(string source, string name, string parameters, string region = "ap-northeast-1",
        string account = "111111111111", TamperWatch? watch = null)
    {
        using var document = JsonDocument.Parse(TestEvents.Envelope(Record(source, name, parameters, region, account)), InputReader.Options);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement, out var evt, out var problem), problem);
        return TamperDetector.Detect(evt, watch ?? Stack);
    }

    [Theory]
    [InlineData("DisableRule", "name")]
    [InlineData("DeleteRule", "name")]
    [InlineData("PutRule", "name")]
    [InlineData("RemoveTargets", "rule")]
    [InlineData("PutTargets", "rule")]
    public void Changing_the_digest_sweep_rule_is_tampering(string eventName, string key)
    {
        var finding = Detect("events.amazonaws.com", eventName, $$"""{"{{key}}":"cloudtrail-notifier-sweep","ids":["notifier"]}""");

        Assert.Equal(new TamperFinding(TamperTargetKind.Rule, "cloudtrail-notifier-sweep", "cloudtrail-notifier-sweep"), finding);
        Assert.Null(Detect("events.amazonaws.com", eventName, $$"""{"{{key}}":"cloudtrail-notifier-sweep"}""", watch: TamperWatch.None));
        Assert.Null(Detect("events.amazonaws.com", eventName, $$"""{"{{key}}":"cloudtrail-notifier-dev-sweep"}""", watch: TamperWatch.None));
    }

    [Fact]
    public void Changing_the_central_tamper_rule_on_the_organizations_bus_is_tampering()
    {
        var watch = TamperWatch.Parse(SampleStack.WatchList + "," + CentralTamper, SampleStack.Function, out var error)!;

        Assert.Null(error);
        Assert.Equal(TamperTargetKind.Rule, Detect("events.amazonaws.com", "DisableRule",
            """{"name":"cloudtrail-notifier-central-tamper","eventBusName":"cloudtrail-notifier-central"}""", watch: watch)?.Target);
        Assert.Equal(TamperTargetKind.Rule, Detect("events.amazonaws.com", "RemoveTargets",
            """{"rule":"cloudtrail-notifier-central-tamper","eventBusName":"cloudtrail-notifier-central","ids":["NotifierFunction"]}""", watch: watch)?.Target);
    }

    [Theory]
    [InlineData("DeleteTable")]
    [InlineData("UpdateTable")]
    [InlineData("UpdateTimeToLive")]
    public void Deleting_or_changing_the_state_table_by_name_or_arn_is_tampering(string eventName)
    {
        var byName = Detect("dynamodb.amazonaws.com", eventName, $$"""{"tableName":"{{TableName}}"}""");
        var byArn = Detect("dynamodb.amazonaws.com", eventName, $$$"""{"tableName":"{{{SampleStack.StateTable}}}","timeToLiveSpecification":{"enabled":false,"attributeName":"expiresAt"}}""");

        Assert.Equal(new TamperFinding(TamperTargetKind.Table, TableName, TableName), byName);
        Assert.Equal(new TamperFinding(TamperTargetKind.Table, TableName, SampleStack.StateTable), byArn);
        Assert.Null(Detect("dynamodb.amazonaws.com", eventName, $$"""{"tableName":"{{TableName}}"}""", watch: TamperWatch.None));
    }

    [Theory]
    [InlineData("DeleteTable", """{"tableName":"Music"}""", "ap-northeast-1", "111111111111")]
    [InlineData("DeleteTable", """{"tableName":"cloudtrail-notifier-statetable-a1b2c3d4e5f6"}""", "ap-northeast-1", "111111111111")]
    [InlineData("DeleteTable", """{"tableName":"cloudtrail-notifier-StateTable-A1B2C3D4E5F6"}""", "us-east-1", "111111111111")]
    [InlineData("DeleteTable", """{"tableName":"cloudtrail-notifier-StateTable-A1B2C3D4E5F6"}""", "ap-northeast-1", "222222222222")]
    [InlineData("DeleteTable", """{"tableName":"arn:aws:dynamodb:us-east-1:111111111111:table/cloudtrail-notifier-StateTable-A1B2C3D4E5F6"}""", "ap-northeast-1", "111111111111")]
    [InlineData("PutItem", """{"tableName":"cloudtrail-notifier-StateTable-A1B2C3D4E5F6"}""", "ap-northeast-1", "111111111111")]
    [InlineData("DescribeTable", """{"tableName":"cloudtrail-notifier-StateTable-A1B2C3D4E5F6"}""", "ap-northeast-1", "111111111111")]
    public void Another_table_region_account_or_a_data_call_is_not_tampering(string eventName, string parameters, string region, string account) =>
        Assert.Null(Detect("dynamodb.amazonaws.com", eventName, parameters, region, account));

    [Fact]
    public void A_table_arn_in_the_watch_list_is_accepted_and_a_table_index_is_not()
    {
        Assert.NotNull(TamperWatch.Parse(SampleStack.StateTable, null, out var error));
        Assert.Null(error);
        Assert.Null(TamperWatch.Parse(SampleStack.StateTable + "/index/due", null, out error));
        Assert.Contains("DynamoDB table", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_state_table_reads_as_critical_tampering_in_english_and_japanese()
    {
        var bytes = TestEvents.Envelope(Record("dynamodb.amazonaws.com", "DeleteTable", $$"""{"tableName":"{{TableName}}"}""", "ap-northeast-1", "111111111111"));
        var english = new Notifier(RenderOptions.Default with { TamperWatch = Stack }).Notify(bytes);
        var japanese = new Notifier(RenderOptions.Default with { Language = NotificationLanguage.Japanese, TamperWatch = Stack }).Notify(bytes);

        Assert.StartsWith("[CRITICAL][TAMPERING] DeleteTable on " + TableName, english.Subject, StringComparison.Ordinal);
        Assert.Contains("\n  ! Tampering: this call changes DynamoDB table " + TableName + ", where this notifier keeps folded events until their digest",
            english.Message, StringComparison.Ordinal);
        Assert.StartsWith("[重大][改ざん] ", japanese.Subject, StringComparison.Ordinal);
        Assert.Contains("\n  ! 改ざん: この呼び出しは DynamoDB テーブル " + TableName + " を変更します。", japanese.Message, StringComparison.Ordinal);
        Assert.Equal("critical", english.Attributes.Single(a => a.Name == "severity").Value);
        Assert.StartsWith("Tampering", english.Attributes.Single(a => a.Name == "signals").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_the_sweep_rule_is_critical_tampering()
    {
        var bytes = TestEvents.Envelope(Record("events.amazonaws.com", "DisableRule", """{"name":"cloudtrail-notifier-sweep"}""", "ap-northeast-1", "111111111111"));
        using var document = JsonDocument.Parse(bytes, InputReader.Options);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement, out var evt, out _));

        var facts = EventFactsBuilder.Build(evt, Stack, DecoySecrets.None);

        Assert.Equal(Severity.Critical, facts.Assessment.Severity);
        Assert.True(facts.Signals.HasFlag(Signals.Tampering));
    }
}
