using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>The severity table on small records: what is critical, what is high, and what must not be.</summary>
public sealed class SeverityTableTests
{
    private const string User = """{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111111111111:user/alice","accountId":"111111111111","accessKeyId":"AKIAEXAMPLE","userName":"alice"}""";
    private const string Root = """{"type":"Root","principalId":"111111111111","arn":"arn:aws:iam::111111111111:root","accountId":"111111111111","accessKeyId":"ASIAEXAMPLE","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}}""";

    internal static Assessment Assess(string source, string name, string parameters, bool readOnly = false, string? error = null, string identity = User, string decoys = "", string response = "null")
    {
        var errorPart = error is null ? string.Empty : $$""","errorCode":"{{error}}","errorMessage":"no" """;
        var bytes = TestEvents.Envelope($$"""{"eventVersion":"1.09","userIdentity":{{identity}},"eventTime":"2024-05-02T10:00:00Z","eventSource":"{{source}}","eventName":"{{name}}","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.1","userAgent":"aws-cli/2.15.0","requestParameters":{{parameters}},"responseElements":{{response}},"readOnly":{{(readOnly ? "true" : "false")}},"eventType":"AwsApiCall","recipientAccountId":"111111111111"{{errorPart}}}""");
        using var document = JsonDocument.Parse(bytes);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out _));
        return EventFactsBuilder.Build(evt, DecoySecrets.Parse(decoys)).Assessment;
    }

    [Theory]
    [InlineData("cloudtrail.amazonaws.com", "StopLogging", """{"name":"main"}""", "Critical", "LoggingStopped")]
    [InlineData("cloudtrail.amazonaws.com", "DeleteTrail", """{"name":"main"}""", "Critical", "TrailDeleted")]
    [InlineData("cloudtrail.amazonaws.com", "PutEventSelectors", """{"trailName":"main","eventSelectors":[{"readWriteType":"ReadOnly"}]}""", "Critical", "TrailSelectorsChanged")]
    [InlineData("ec2.amazonaws.com", "DeleteFlowLogs", """{"DeleteFlowLogsRequest":{"FlowLogId":{"content":"fl-0123","tag":1}}}""", "High", "FlowLogsDeleted")]
    [InlineData("guardduty.amazonaws.com", "DeleteDetector", """{"detectorId":"12abc34d567e8fa901bc2d34e56789f0"}""", "Critical", "DetectorDeleted")]
    [InlineData("iam.amazonaws.com", "AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""", "Critical", "AdminPolicyAttached")]
    [InlineData("iam.amazonaws.com", "AttachRolePolicy", """{"roleName":"ci","policyArn":"arn:aws:iam::aws:policy/IAMFullAccess"}""", "Critical", "AdminPolicyAttached")]
    [InlineData("iam.amazonaws.com", "PutRolePolicy", """{"roleName":"ci","policyName":"p","policyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"}""", "High", "InlinePolicyPut")]
    [InlineData("iam.amazonaws.com", "PutUserPolicy", """{"userName":"bob","policyName":"p","policyDocument":"{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":\"*\"}}"}""", "Critical", "InlinePolicyAllowsAll")]
    [InlineData("iam.amazonaws.com", "UpdateAssumeRolePolicy", """{"roleName":"ci","policyDocument":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}]}"}""", "High", "TrustPolicyChanged")]
    [InlineData("iam.amazonaws.com", "UpdateAssumeRolePolicy", """{"roleName":"ci","policyDocument":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}"}""", "Critical", "TrustPolicyOpenToAll")]
    [InlineData("iam.amazonaws.com", "CreateAccessKey", """{"userName":"bob"}""", "High", "AccessKeyForOtherUser")]
    [InlineData("iam.amazonaws.com", "CreateLoginProfile", """{"userName":"bob","passwordResetRequired":false}""", "High", "LoginProfileForOtherUser")]
    [InlineData("ec2.amazonaws.com", "ModifySnapshotAttribute", """{"snapshotId":"snap-1","createVolumePermission":{"add":{"items":[{"userId":"222222222222"}]}}}""", "High", "SnapshotShared")]
    [InlineData("ec2.amazonaws.com", "ModifySnapshotAttribute", """{"snapshotId":"snap-1","createVolumePermission":{"add":{"items":[{"group":"all"}]}}}""", "Critical", "SnapshotPublic")]
    [InlineData("ec2.amazonaws.com", "ModifyImageAttribute", """{"imageId":"ami-1","launchPermission":{"add":{"item":[{"userId":"222222222222"}]}}}""", "High", "ImageShared")]
    [InlineData("ec2.amazonaws.com", "ModifyImageAttribute", """{"imageId":"ami-1","launchPermission":{"add":[{"group":"all"}]}}""", "Critical", "ImagePublic")]
    [InlineData("rds.amazonaws.com", "ModifyDBSnapshotAttribute", """{"dBSnapshotIdentifier":"s","attributeName":"restore","valuesToAdd":["222222222222"]}""", "High", "DbSnapshotShared")]
    [InlineData("rds.amazonaws.com", "ModifyDBClusterSnapshotAttribute", """{"dBClusterSnapshotIdentifier":"s","attributeName":"restore","valuesToAdd":["all"]}""", "Critical", "DbSnapshotPublic")]
    [InlineData("s3.amazonaws.com", "PutBucketPolicy", """{"bucketName":"b","bucketPolicy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}}""", "Critical", "BucketPolicyPublic")]
    [InlineData("s3.amazonaws.com", "PutBucketAcl", """{"bucketName":"b","AccessControlPolicy":{"AccessControlList":{"Grant":{"Grantee":{"URI":"http://acs.amazonaws.com/groups/global/AllUsers"},"Permission":"READ"}}}}""", "Critical", "BucketAclPublic")]
    [InlineData("secretsmanager.amazonaws.com", "PutResourcePolicy", """{"secretId":"prod/db","resourcePolicy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}"}""", "Critical", "ResourcePolicyPublic")]
    [InlineData("kms.amazonaws.com", "ScheduleKeyDeletion", """{"keyId":"k","pendingWindowInDays":7}""", "High", "KeyDeletion")]
    public void High_risk_changes_are_high_or_critical(string source, string name, string parameters, string severity, string risk)
    {
        var assessment = Assess(source, name, parameters);

        Assert.Equal(Enum.Parse<Severity>(severity), assessment.Severity);
        Assert.Equal(Enum.Parse<RiskKind>(risk), assessment.Risk?.Kind);
        Assert.NotEmpty(assessment.NextSteps);
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", "DescribeInstances", """{"instancesSet":{}}""")]
    [InlineData("iam.amazonaws.com", "ListUsers", """{}""")]
    [InlineData("s3.amazonaws.com", "ListBuckets", """{"Host":"s3.amazonaws.com"}""")]
    [InlineData("cloudtrail.amazonaws.com", "DescribeTrails", """{"trailNameList":[]}""")]
    [InlineData("iam.amazonaws.com", "GetPolicy", """{"policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""")]
    public void Plain_reads_are_info(string source, string name, string parameters)
    {
        var assessment = Assess(source, name, parameters, readOnly: true);

        Assert.Equal(Severity.Info, assessment.Severity);
        Assert.Empty(assessment.NextSteps);
    }

    [Fact]
    public void Attaching_a_read_only_policy_is_a_notice_not_critical()
    {
        var assessment = Assess("iam.amazonaws.com", "AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}""");

        Assert.Equal(Severity.Notice, assessment.Severity);
        Assert.Equal(RiskKind.PolicyAttached, assessment.Risk?.Kind);
        Assert.Empty(assessment.NextSteps);
    }

    [Fact]
    public void A_look_alike_admin_policy_name_is_not_admin() =>
        Assert.Equal(Severity.Notice, Assess("iam.amazonaws.com", "AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::111111111111:policy/NotAdministratorAccessReally"}""").Severity);

    [Fact]
    public void Opening_a_port_to_one_address_is_not_high_but_to_everyone_is()
    {
        Assert.Equal(Severity.Notice, Assess("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", """{"groupId":"sg-0123abcd","cidrIp":"203.0.113.7/32","fromPort":22,"toPort":22}""").Severity);
        Assert.Equal(Severity.High, Assess("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", """{"groupId":"sg-0123abcd","ipPermissions":{"items":[{"ipv6Ranges":{"items":[{"cidrIpv6":"::/0"}]}}]}}""").Severity);
    }

    [Fact]
    public void Creating_ones_own_access_key_is_a_notice() =>
        Assert.Equal(Severity.Notice, Assess("iam.amazonaws.com", "CreateAccessKey", """{"userName":"alice"}""").Severity);

    [Fact]
    public void Removing_a_share_is_not_high()
    {
        var assessment = Assess("ec2.amazonaws.com", "ModifySnapshotAttribute", """{"snapshotId":"snap-1","createVolumePermission":{"remove":{"items":[{"group":"all"}]}}}""");

        Assert.Equal(Severity.Notice, assessment.Severity);
    }

    [Fact]
    public void Sharing_with_the_own_account_is_not_high() =>
        Assert.Equal(Severity.Notice, Assess("rds.amazonaws.com", "ModifyDBSnapshotAttribute", """{"dBSnapshotIdentifier":"s","valuesToAdd":["111111111111"]}""").Severity);

    [Fact]
    public void A_refused_stop_logging_is_tampering_tried_high_not_critical()
    {
        var assessment = Assess("cloudtrail.amazonaws.com", "StopLogging", """{"name":"main"}""", error: "AccessDenied");

        Assert.Equal(Severity.High, assessment.Severity);
    }

    [Fact]
    public void A_bucket_policy_for_one_account_is_not_critical() =>
        Assert.Equal(Severity.Notice, Assess("s3.amazonaws.com", "PutBucketPolicy", """{"bucketName":"b","bucketPolicy":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"s3:GetObject","Resource":"*"}]}}""").Severity);

    [Fact]
    public void A_public_principal_behind_a_condition_is_not_called_public() =>
        Assert.Equal(Severity.Notice, Assess("s3.amazonaws.com", "PutBucketPolicy", """{"bucketName":"b","bucketPolicy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]}}""").Severity);

    [Fact]
    public void A_refused_secret_read_is_high_and_a_granted_one_a_notice()
    {
        Assert.Equal(Severity.High, Assess("secretsmanager.amazonaws.com", "GetSecretValue", """{"secretId":"prod/db"}""", readOnly: true, error: "AccessDenied").Severity);
        Assert.Equal(Severity.Notice, Assess("secretsmanager.amazonaws.com", "GetSecretValue", """{"secretId":"prod/db"}""", readOnly: true).Severity);
    }

    [Fact]
    public void A_denied_describe_is_only_a_notice() =>
        Assert.Equal(Severity.Notice, Assess("ec2.amazonaws.com", "DescribeInstances", "{}", readOnly: true, error: "Client.UnauthorizedOperation").Severity);

    [Fact]
    public void Root_without_mfa_changing_something_is_critical_and_root_reading_is_high()
    {
        Assert.Equal(Severity.Critical, Assess("iam.amazonaws.com", "CreateUser", """{"userName":"x"}""", identity: Root).Severity);
        Assert.Equal(Severity.High, Assess("iam.amazonaws.com", "ListUsers", "{}", readOnly: true, identity: Root).Severity);
    }

    [Theory]
    [InlineData("honeypot/db")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111111111111:secret:honeypot/db")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111111111111:secret:honeypot/db-AbCdEf")]
    public void Any_touch_of_a_decoy_is_critical_by_name_partial_or_full_arn(string secretId)
    {
        var assessment = Assess("secretsmanager.amazonaws.com", "DescribeSecret", $$"""{"secretId":"{{secretId}}"}""", readOnly: true, decoys: "other, honeypot/db");

        Assert.Equal(Severity.Critical, assessment.Severity);
        Assert.True(assessment.DecoyTouched);
        Assert.Equal("honeypot/db", assessment.Risk?.Target);
    }

    [Theory]
    [InlineData("honeypot/db-backup")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111111111111:secret:honeypot/dbx")]
    [InlineData("prod/honeypot/db")]
    public void A_secret_whose_name_only_resembles_a_decoy_is_not_one(string secretId) =>
        Assert.False(Assess("secretsmanager.amazonaws.com", "GetSecretValue", $$"""{"secretId":"{{secretId}}"}""", readOnly: true, decoys: "honeypot/db").DecoyTouched);

    [Fact]
    public void A_decoy_in_a_batch_read_is_found() =>
        Assert.True(Assess("secretsmanager.amazonaws.com", "BatchGetSecretValue", """{"secretIdList":["prod/a","honeypot/db"]}""", readOnly: true, decoys: "honeypot/db").DecoyTouched);

    [Fact]
    public void No_row_of_the_table_is_below_notice_and_some_are_critical()
    {
        Assert.All(SeverityTable.Rules, rule => Assert.True(rule.Severity >= Severity.Notice, $"{rule.Service} {string.Join(',', rule.Calls)}"));
        Assert.Contains(SeverityTable.Rules, rule => rule.Severity == Severity.Critical);
    }
}
