using System.Text.Json;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing.Tampering;

/// <summary>
/// Silencing the notifier through what it relies on: the KMS key of its topics, the IAM role its function runs
/// as, and the topics' data protection policy. Only the watched key, role and topics count.
/// </summary>
public sealed class KeyAndRoleTamperTests
{
    private const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string RoleName = "cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6";

    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;

    private static TamperFinding? Detect(string source, string name, string parameters, string region = "ap-northeast-1",
        string account = "111111111111", TamperWatch? watch = null)
    {
        var bytes = TestEvents.Envelope($$"""{"eventSource":"{{source}}","eventName":"{{name}}","awsRegion":"{{region}}","recipientAccountId":"{{account}}","requestParameters":{{parameters}},"eventID":"e"}""");
        using var document = JsonDocument.Parse(bytes, InputReader.Options);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement, out var evt, out var problem), problem);
        return TamperDetector.Detect(evt, watch ?? Stack);
    }

    [Theory]
    [InlineData("DisableKey")]
    [InlineData("ScheduleKeyDeletion")]
    [InlineData("DeleteImportedKeyMaterial")]
    [InlineData("PutKeyPolicy")]
    [InlineData("RevokeGrant")]
    public void Disabling_deleting_or_locking_the_topics_key_is_tampering_by_arn_or_bare_id(string eventName)
    {
        var byArn = Detect("kms.amazonaws.com", eventName, $$"""{"keyId":"{{SampleStack.Key}}"}""");
        var byId = Detect("kms.amazonaws.com", eventName, $$"""{"keyId":"{{KeyId}}","pendingWindowInDays":7}""");

        Assert.Equal(new TamperFinding(TamperTargetKind.Key, KeyId, SampleStack.Key), byArn);
        Assert.Equal(new TamperFinding(TamperTargetKind.Key, KeyId, KeyId), byId);
        Assert.Null(Detect("kms.amazonaws.com", eventName, $$"""{"keyId":"{{SampleStack.Key}}"}""", watch: TamperWatch.None));
    }

    [Theory]
    [InlineData("CreateGrant", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","granteePrincipal":"arn:aws:iam::111111111111:role/x","operations":["Decrypt"]}""")]
    [InlineData("RetireGrant", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","grantId":"g"}""")]
    [InlineData("EnableKey", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""")]
    [InlineData("CancelKeyDeletion", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""")]
    [InlineData("TagResource", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","tags":[]}""")]
    [InlineData("GenerateDataKey", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""")]
    public void Calls_that_cannot_stop_the_key_serving_the_notifier_are_not_tampering(string eventName, string parameters) =>
        Assert.Null(Detect("kms.amazonaws.com", eventName, parameters));

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", "ap-northeast-1", "111111111111")]
    [InlineData("arn:aws:kms:ap-northeast-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab", "ap-northeast-1", "111111111111")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", "us-east-1", "111111111111")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", "ap-northeast-1", "222222222222")]
    [InlineData("0987dcba-09fe-87dc-65ba-ab0987654321", "ap-northeast-1", "111111111111")]
    [InlineData("arn:aws:kms:ap-northeast-1:111111111111:alias/1234abcd-12ab-34cd-56ef-1234567890ab", "ap-northeast-1", "111111111111")]
    public void The_same_id_in_another_region_or_account_or_another_key_is_not_the_watched_key(string keyId, string region, string account) =>
        Assert.Null(Detect("kms.amazonaws.com", "DisableKey", $$"""{"keyId":"{{keyId}}"}""", region, account));

    [Fact]
    public void A_watched_alias_is_tampering_when_it_is_repointed_or_deleted()
    {
        var watch = TamperWatch.Parse("arn:aws:kms:eu-west-1:333333333333:alias/notifier-topics", null, out var error)!;

        Assert.Null(error);
        foreach (var call in (string[])["UpdateAlias", "DeleteAlias"])
        {
            Assert.Equal(new TamperFinding(TamperTargetKind.Key, "alias/notifier-topics", "alias/notifier-topics"),
                Detect("kms.amazonaws.com", call, """{"aliasName":"alias/notifier-topics","targetKeyId":"k"}""", "eu-west-1", "333333333333", watch));
            Assert.Null(Detect("kms.amazonaws.com", call, """{"aliasName":"alias/other"}""", "eu-west-1", "333333333333", watch));
            Assert.Null(Detect("kms.amazonaws.com", call, """{"aliasName":"alias/notifier-topics"}""", "us-east-1", "333333333333", watch));
        }
    }

    [Theory]
    [InlineData("PutRolePolicy", """{"policyName":"x","policyDocument":"{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sns:Publish\",\"Resource\":\"*\"}]}"}""")]
    [InlineData("DeleteRolePolicy", """{"policyName":"publish-notifications"}""")]
    [InlineData("AttachRolePolicy", """{"policyArn":"arn:aws:iam::111111111111:policy/deny-all"}""")]
    [InlineData("DetachRolePolicy", """{"policyArn":"arn:aws:iam::111111111111:policy/extra"}""")]
    [InlineData("PutRolePermissionsBoundary", """{"permissionsBoundary":"arn:aws:iam::aws:policy/AWSDenyAll"}""")]
    [InlineData("UpdateAssumeRolePolicy", """{"policyDocument":"{\"Statement\":[]}"}""")]
    [InlineData("DeleteRole", """{}""")]
    public void Changing_the_functions_role_permissions_is_tampering(string eventName, string rest)
    {
        var parameters = rest == "{}" ? $$"""{"roleName":"{{RoleName}}"}""" : $$"""{"roleName":"{{RoleName}}",{{rest[1..]}}""";

        Assert.Equal(new TamperFinding(TamperTargetKind.Role, RoleName, RoleName), Detect("iam.amazonaws.com", eventName, parameters, "us-east-1"));
        Assert.Null(Detect("iam.amazonaws.com", eventName, parameters.Replace(RoleName, "ci-deployer", StringComparison.Ordinal), "us-east-1"));
        Assert.Null(Detect("iam.amazonaws.com", eventName, parameters, "us-east-1", "222222222222"));
    }

    [Theory]
    [InlineData("CLOUDTRAIL-NOTIFIER-NOTIFIERFUNCTIONROLE-A1B2C3D4E5F6")]
    [InlineData("cloudtrail-notifier-notifierfunctionrole-a1b2c3d4e5f6")]
    [InlineData("Cloudtrail-Notifier-NotifierFunctionRole-A1b2c3d4e5f6")]
    public void The_functions_role_is_matched_in_any_letter_case_as_IAM_does(string spelling)
    {
        // IAM names are not distinguished by case: a Deny on the upper-cased name lands on the function's role.
        var parameters = $$"""{"roleName":"{{spelling}}","policyName":"deny-publish"}""";

        Assert.Equal(new TamperFinding(TamperTargetKind.Role, spelling, spelling), Detect("iam.amazonaws.com", "PutRolePolicy", parameters, "us-east-1"));
        Assert.Equal(TamperTargetKind.Role, Detect("iam.amazonaws.com", "PutRolePolicy", parameters, "us-east-1", watch: TamperWatch.Parse(
            "arn:aws:iam::111111111111:role/" + RoleName.ToUpperInvariant(), null, out _))?.Target);
        Assert.Null(Detect("iam.amazonaws.com", "PutRolePolicy", parameters, "us-east-1", "222222222222"));
    }

    [Fact]
    public void Topics_aliases_rules_and_functions_keep_their_case_as_AWS_does()
    {
        // SNS topic, KMS alias, EventBridge rule and Lambda function names are case-sensitive: another case is another resource.
        var watch = TamperWatch.Parse("arn:aws:kms:eu-west-1:333333333333:alias/notifier-topics," + SampleStack.WatchList, SampleStack.Function, out _)!;

        Assert.Null(Detect("sns.amazonaws.com", "DeleteTopic", $$"""{"topicArn":"{{SampleStack.Topic.ToUpperInvariant()}}"}""", watch: watch));
        Assert.Null(Detect("kms.amazonaws.com", "DeleteAlias", """{"aliasName":"alias/NOTIFIER-TOPICS"}""", "eu-west-1", "333333333333", watch));
        Assert.Null(Detect("events.amazonaws.com", "DisableRule", """{"name":"CLOUDTRAIL-NOTIFIER-WATCH"}""", watch: watch));
        Assert.Null(Detect("lambda.amazonaws.com", "DeleteFunction", $$"""{"functionName":"{{SampleStack.Function.ToUpperInvariant()}}"}""", watch: watch));
        Assert.NotNull(Detect("sns.amazonaws.com", "DeleteTopic", $$"""{"topicArn":"{{SampleStack.Topic}}"}""", watch: watch));
    }

    [Theory]
    [InlineData("TagRole")]
    [InlineData("UpdateRoleDescription")]
    [InlineData("DeleteRolePermissionsBoundary")]
    [InlineData("GetRolePolicy")]
    public void Calls_that_take_no_permission_from_the_role_are_not_tampering(string eventName) =>
        Assert.Null(Detect("iam.amazonaws.com", eventName, $$"""{"roleName":"{{RoleName}}"}""", "us-east-1"));

    [Fact]
    public void A_role_watched_with_a_path_is_matched_by_its_name()
    {
        var watch = TamperWatch.Parse("arn:aws:iam::111111111111:role/service-role/notifier", null, out _)!;

        Assert.Equal(TamperTargetKind.Role, Detect("iam.amazonaws.com", "DetachRolePolicy", """{"roleName":"notifier"}""", watch: watch)?.Target);
        Assert.Null(Detect("iam.amazonaws.com", "DetachRolePolicy", """{"roleName":"service-role"}""", watch: watch));
    }

    [Fact]
    public void A_data_protection_policy_on_a_watched_topic_is_tampering_and_on_another_topic_is_not()
    {
        const string Policy = """ "dataProtectionPolicy":"{\"Statement\":[{\"Operation\":{\"Deny\":{}}}]}" """;

        Assert.Equal(new TamperFinding(TamperTargetKind.Topic, "cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6", SampleStack.Topic),
            Detect("sns.amazonaws.com", "PutDataProtectionPolicy", $$$"""{"resourceArn":"{{{SampleStack.Topic}}}",{{{Policy}}}}"""));
        Assert.Null(Detect("sns.amazonaws.com", "PutDataProtectionPolicy", $$$"""{"resourceArn":"{{{SampleStack.Topic}}}-dev",{{{Policy}}}}"""));
        Assert.Null(Detect("sns.amazonaws.com", "GetDataProtectionPolicy", $$"""{"resourceArn":"{{SampleStack.Topic}}"}"""));
    }

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:us-east-1:111111111111:alias/notifier-topics")]
    [InlineData("arn:aws:iam::111111111111:role/cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6")]
    [InlineData("arn:aws:iam::111111111111:role/service-role/notifier")]
    public void Key_alias_and_role_arns_are_accepted(string entry)
    {
        var watch = TamperWatch.Parse(entry, null, out var error);

        Assert.Null(error);
        Assert.True(watch!.WatchesStackResources);
    }

    [Theory]
    [InlineData("arn:aws:kms:us-east-1:111111111111:key/*")]
    [InlineData("arn:aws:kms:us-east-1:111111111111:key/")]
    [InlineData("arn:aws:kms::111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:kms:us-east-1:*:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:iam::111111111111:user/alice")]
    [InlineData("arn:aws:iam::*:role/notifier")]
    [InlineData("arn:aws:iam::111111111111:role/")]
    public void Keys_and_roles_of_another_shape_are_refused(string entry)
    {
        Assert.Null(TamperWatch.Parse(entry, null, out var error));
        Assert.Contains($"'{entry}'", error, StringComparison.Ordinal);
    }
}
