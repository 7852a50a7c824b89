using System.Text.Json;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing.Resources;

/// <summary>Which object a call is about, in the shapes CloudTrail really writes, and what must never be taken for it.</summary>
public sealed class ResourceRankingTests
{
    private static IReadOnlyList<ResourceRef> Describe(string eventSource, string eventName, string requestParameters)
    {
        var bytes = TestEvents.Envelope($$"""{"eventSource":"{{eventSource}}","eventName":"{{eventName}}","awsRegion":"eu-west-1","recipientAccountId":"111111111111","requestParameters":{{requestParameters}}}""");
        using var document = JsonDocument.Parse(bytes);
        Assert.True(CloudTrailEvent.TryCreate(document.RootElement.Clone(), out var evt, out _));
        return ResourceDescriber.Describe(evt);
    }

    private static string Names(IReadOnlyList<ResourceRef> resources) => string.Join(' ', resources.Select(r => $"{r.Kind}:{r.Name}"));

    [Theory]
    [InlineData("DescribeInstances", """{"instancesSet":{"items":[{"instanceId":"i-0aaa1111bbbb2222c"},{"instanceId":"i-0ddd3333eeee4444f"}]},"filterSet":{}}""", "Instance:i-0aaa1111bbbb2222c Instance:i-0ddd3333eeee4444f")]
    [InlineData("DescribeInstances", """{"instancesSet":{},"filterSet":{"items":[{"name":"instance-id","valueSet":{"items":[{"value":"i-0aaa1111bbbb2222c"}]}}]}}""", "Instance:i-0aaa1111bbbb2222c")]
    [InlineData("TerminateInstances", """{"InstanceIds":["i-0123abcd","i-0123abce"]}""", "Instance:i-0123abcd Instance:i-0123abce")]
    [InlineData("ModifySnapshotAttribute", """{"snapshotId":"snap-0e3bac79ac432d549","attributeType":"CREATE_VOLUME_PERMISSION","createVolumePermission":{"add":{"items":[{"userId":"222222222222"}]}}}""", "Snapshot:snap-0e3bac79ac432d549")]
    [InlineData("ModifyImageAttribute", """{"imageId":"ami-0123456789abcdef0","launchPermission":{"add":{"item":[{"group":"all"}]}}}""", "Image:ami-0123456789abcdef0")]
    [InlineData("DeleteFlowLogs", """{"DeleteFlowLogsRequest":{"FlowLogId":{"content":"fl-0123456789abcdef0","tag":1}}}""", "FlowLog:fl-0123456789abcdef0")]
    [InlineData("AuthorizeSecurityGroupIngress", """{"groupId":"sg-0123abcd","ipPermissions":{"items":[{"ipProtocol":"tcp","ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]}}""", "SecurityGroup:sg-0123abcd")]
    [InlineData("CreateSnapshot", """{"volumeId":"vol-0123abcd","description":"i-0123abcd is mentioned in text"}""", "Volume:vol-0123abcd")]
    [InlineData("DescribeSubnets", """{"subnetSet":{"items":[{"subnetId":"subnet-0123abcd"}]},"filterSet":{"items":[{"name":"vpc-id","valueSet":{"items":[{"value":"vpc-0123abcd"}]}}]}}""", "Subnet:subnet-0123abcd Vpc:vpc-0123abcd")]
    public void Ec2_ids_are_found_in_every_list_shape(string eventName, string parameters, string expected) =>
        Assert.Equal(expected, Names(Describe("ec2.amazonaws.com", eventName, parameters)));

    [Theory]
    [InlineData("rds.amazonaws.com", "ModifyDBSnapshotAttribute", """{"dBSnapshotIdentifier":"final","attributeName":"restore","valuesToAdd":["all"]}""", "DbSnapshot:final")]
    [InlineData("rds.amazonaws.com", "StopDBInstance", """{"dBInstanceIdentifier":"orders"}""", "DbInstance:orders")]
    [InlineData("rds.amazonaws.com", "DeleteDBCluster", """{"dBClusterIdentifier":"aurora-1","skipFinalSnapshot":true}""", "DbCluster:aurora-1")]
    [InlineData("ssm.amazonaws.com", "StartSession", """{"target":"i-0123456789abcdef0"}""", "Instance:i-0123456789abcdef0")]
    [InlineData("ssm.amazonaws.com", "SendCommand", """{"instanceIds":["i-0123abcd"],"documentName":"AWS-RunShellScript"}""", "Instance:i-0123abcd")]
    [InlineData("ssm.amazonaws.com", "SendCommand", """{"targets":[{"key":"InstanceIds","values":["i-0123abcd","i-0123abce"]}],"documentName":"AWS-RunShellScript"}""", "Instance:i-0123abcd Instance:i-0123abce")]
    [InlineData("cloudtrail.amazonaws.com", "StopLogging", """{"name":"arn:aws:cloudtrail:eu-west-1:111111111111:trail/org"}""", "Trail:org")]
    [InlineData("cloudtrail.amazonaws.com", "PutEventSelectors", """{"trailName":"main","eventSelectors":[]}""", "Trail:main")]
    [InlineData("guardduty.amazonaws.com", "DeleteDetector", """{"detectorId":"12abc34d567e8fa901bc2d34e56789f0"}""", "Detector:12abc34d567e8fa901bc2d34e56789f0")]
    [InlineData("iam.amazonaws.com", "AttachUserPolicy", """{"userName":"bob","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}""", "Policy:AdministratorAccess User:bob")]
    [InlineData("iam.amazonaws.com", "ListAttachedUserPolicies", """{"userName":"bob"}""", "User:bob")]
    [InlineData("kms.amazonaws.com", "Decrypt", """{"keyId":"arn:aws:kms:eu-west-1:111111111111:alias/payments"}""", "Key:alias/payments")]
    [InlineData("kms.amazonaws.com", "CreateAlias", """{"aliasName":"alias/payments","targetKeyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""", "Key:alias/payments Key:1234abcd-12ab-34cd-56ef-1234567890ab")]
    public void Services_name_the_object_of_the_call(string source, string eventName, string parameters, string expected) =>
        Assert.Equal(expected, Names(Describe(source, eventName, parameters)));

    [Theory]
    [InlineData("""{"accountId":"-","vaultName":"backups"}""", "backups")]
    [InlineData("""{"accountId":"111111111111","resourceArn":"arn:aws:x:eu-west-1:111111111111:thing/a"}""", "arn:aws:x:eu-west-1:111111111111:thing/a")]
    [InlineData("""{"id":"17","jsonrpc":"2.0","serverName":"tools"}""", "tools")]
    [InlineData("""{"Policy":"{}","topicArn":"arn:aws:sns:eu-west-1:111111111111:alerts"}""", "arn:aws:sns:eu-west-1:111111111111:alerts")]
    [InlineData("""{"attributeName":"Policy","queueUrl":"x","queueName":"jobs"}""", "jobs")]
    [InlineData("""{"clusterName":"prod","serviceArn":"arn:aws:ecs:eu-west-1:111111111111:service/prod/web"}""", "arn:aws:ecs:eu-west-1:111111111111:service/prod/web")]
    public void The_generic_rule_prefers_the_object_over_attributes_request_ids_and_accounts(string parameters, string expected)
    {
        var resource = Assert.Single(Describe("example.amazonaws.com", "DoSomething", parameters));

        // Which parameter wins, as the caller wrote it (a resourceArn's short name comes from the ARN: ArnResourceTests).
        Assert.Equal(expected, resource.Identifier);
    }

    [Theory]
    [InlineData("""{"accountId":"-"}""")]
    [InlineData("""{"id":"42","maxResults":10}""")]
    [InlineData("""{"attributeName":"Policy"}""")]
    public void Nothing_is_named_when_only_non_objects_are_there(string parameters) =>
        Assert.Empty(Describe("example.amazonaws.com", "DoSomething", parameters));

    [Theory]
    [InlineData("i-0123abc")]
    [InlineData("i-0123456789abcdefg")]
    [InlineData("snap-XYZ12345")]
    [InlineData("subnet-")]
    public void Strings_that_only_resemble_ec2_ids_are_not_taken(string value) => Assert.Null(Ec2Resources.KindOf(value));

    [Theory]
    [InlineData("dax.amazonaws.com", "CreateCluster", """{"clusterName":"daxcluster","nodeType":"dax.r4.large","iamRoleArn":"arn:aws:iam::111111111111:role/DAXServiceRole"}""", "cluster", "daxcluster")]
    [InlineData("example.amazonaws.com", "DeleteTrustAnchor", """{"profileArn":"arn:aws:x:eu-west-1:111111111111:profile/p","trustAnchorId":"ta-1"}""", "trust anchor", "ta-1")]
    [InlineData("example.amazonaws.com", "UpdateFileSystem", """{"kmsKeyArn":"arn:aws:kms:eu-west-1:111111111111:key/k","fileSystemId":"fs-0123"}""", "file system", "fs-0123")]
    public void A_parameter_named_for_the_calls_noun_is_its_object_before_any_arn_it_uses(string source, string eventName, string parameters, string label, string name)
    {
        var resource = Assert.Single(Describe(source, eventName, parameters));

        Assert.Equal((label, name), (resource.Source, resource.Name));
    }

    [Fact]
    public void Without_a_parameter_named_for_the_noun_the_arn_still_wins()
    {
        var resource = Assert.Single(Describe("example.amazonaws.com", "CreateSubscription", """{"endpointName":"e","topicArn":"arn:aws:x:eu-west-1:111111111111:topic/t"}"""));

        Assert.Equal("arn:aws:x:eu-west-1:111111111111:topic/t", resource.Identifier);
    }
}
