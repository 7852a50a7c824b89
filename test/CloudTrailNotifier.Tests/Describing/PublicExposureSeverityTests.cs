using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// Calls that make a bucket, an object or another service's resource public, spelled as the request really spells them
/// (canned ACLs, public access blocks switched off by a put, resource policies of KMS, SQS, SNS, ECR and EFS, Lambda
/// permissions and function URLs, security groups opened through several ranges): as serious as the same exposure
/// written as a grant or a bucket policy, with the sentence that says why in both languages. (Security review 22, S7/S8.)
/// </summary>
public sealed class PublicExposureSeverityTests
{
    private const string OpenPolicy = """{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}""";
    private const string OrgPolicy = """{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}]}""";

    private static Notification Render(string source, string name, string parameters, NotificationLanguage language)
    {
        var record = $$"""{"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111111111111:user/alice","accountId":"111111111111","accessKeyId":"AKIAEXAMPLE","userName":"alice"},"eventTime":"2024-05-02T10:00:00Z","eventSource":"{{source}}","eventName":"{{name}}","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.1","userAgent":"aws-cli/2.15.0","requestParameters":{{parameters}},"responseElements":null,"readOnly":false,"eventType":"AwsApiCall","recipientAccountId":"111111111111"}""";
        return new Notifier(new RenderOptions(language, TimeZoneInfo.Utc)).Notify(TestEvents.Envelope(record));
    }

    private static string Attribute(Notification n, string name) => n.Attributes.Single(a => a.Name == name).Value;

    private static void AssertReads(string source, string name, string parameters, Severity severity, RiskKind risk, string english, string japanese)
    {
        var assessment = SeverityTableTests.Assess(source, name, parameters);
        Assert.Equal(severity, assessment.Severity);
        Assert.Equal(risk, assessment.Risk?.Kind);
        Assert.NotEmpty(assessment.NextSteps);

        var (tag, tagJa, value) = severity == Severity.Critical ? ("[CRITICAL]", "[重大]", "critical") : ("[HIGH]", "[高]", "high");
        var en = Render(source, name, parameters, NotificationLanguage.English);
        Assert.StartsWith(tag, en.Subject, StringComparison.Ordinal);
        var why = en.Message.Split('\n').Single(line => line.StartsWith("  Why it matters: ", StringComparison.Ordinal));
        Assert.Contains(english, why, StringComparison.Ordinal);
        Assert.Equal(value, Attribute(en, "severity"));

        var ja = Render(source, name, parameters, NotificationLanguage.Japanese);
        Assert.StartsWith(tagJa, ja.Subject, StringComparison.Ordinal);
        Assert.Contains(japanese, ja.Message, StringComparison.Ordinal);
        Assert.Equal(value, Attribute(ja, "severity"));
    }

    [Theory]
    [InlineData("PutBucketAcl", """{"bucketName":"b","acl":[""],"x-amz-acl":["public-read"]}""")]
    [InlineData("PutBucketAcl", """{"bucketName":"b","acl":[""],"x-amz-acl":["public-read-write"]}""")]
    [InlineData("PutBucketAcl", """{"bucketName":"b","x-amz-acl":"authenticated-read"}""")]
    [InlineData("CreateBucket", """{"bucketName":"b","x-amz-acl":["public-read"]}""")]
    [InlineData("CreateBucket", """{"bucketName":"b","x-amz-grant-read":["uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""]}""")]
    public void A_canned_public_acl_on_a_bucket_is_as_critical_as_a_grant_to_all_users(string name, string parameters) =>
        AssertReads("s3.amazonaws.com", name, parameters, Severity.Critical, RiskKind.BucketAclPublic,
            "The ACL of bucket b now grants access to all users or to any AWS account.",
            "バケット b の ACL がすべてのユーザーまたは任意の AWS アカウントにアクセスを許可しました。");

    [Theory]
    [InlineData("PutObjectAcl", """{"bucketName":"b","key":"db-dump.sql","x-amz-acl":["public-read"]}""")]
    [InlineData("PutObjectAcl", """{"bucketName":"b","key":"db-dump.sql","AccessControlPolicy":{"AccessControlList":{"Grant":[{"Grantee":{"URI":"http://acs.amazonaws.com/groups/global/AllUsers"},"Permission":"READ"}]}}}""")]
    [InlineData("PutObject", """{"bucketName":"b","key":"db-dump.sql","x-amz-acl":"public-read-write"}""")]
    public void An_object_made_public_by_its_acl_is_critical(string name, string parameters) =>
        AssertReads("s3.amazonaws.com", name, parameters, Severity.Critical, RiskKind.ObjectAclPublic,
            "The ACL of object b/db-dump.sql now grants access to all users or to any AWS account.",
            "オブジェクト b/db-dump.sql の ACL がすべてのユーザーまたは任意の AWS アカウントにアクセスを許可しました。");

    [Theory]
    [InlineData("PutBucketAcl", """{"bucketName":"b","acl":[""],"x-amz-acl":["private"]}""")]
    [InlineData("PutObjectAcl", """{"bucketName":"b","key":"k","x-amz-acl":["bucket-owner-full-control"]}""")]
    [InlineData("CreateBucket", """{"bucketName":"b","x-amz-acl":["public-read-not-really"]}""")]
    [InlineData("PutObject", """{"bucketName":"b","key":"k"}""")]
    public void A_private_acl_stays_a_notice(string name, string parameters) =>
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("s3.amazonaws.com", name, parameters).Severity);

    [Theory]
    [InlineData("PutPublicAccessBlock", """{"BlockPublicAcls":false,"IgnorePublicAcls":false,"BlockPublicPolicy":false,"RestrictPublicBuckets":false}""")]
    [InlineData("PutBucketPublicAccessBlock", """{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":"false","RestrictPublicBuckets":true}""")]
    [InlineData("PutPublicAccessBlock", """{"xmlns":"http://s3.amazonaws.com/doc/2006-03-01/","BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true}""")]
    public void A_bucket_public_access_block_turned_off_by_a_put_is_as_high_as_deleting_it(string name, string configuration) =>
        AssertReads("s3.amazonaws.com", name, $$$"""{"bucketName":"b","publicAccessBlock":"","PublicAccessBlockConfiguration":{{{configuration}}}}""",
            Severity.High, RiskKind.PublicAccessBlockOff,
            "The public access block of bucket b was turned off, in whole or in part: policies and ACLs may now make it public.",
            "バケット b のパブリックアクセスブロックの全部または一部がオフになりました。");

    [Fact]
    public void The_account_public_access_block_turned_off_is_high_and_names_the_account()
    {
        const string Off = """{"PublicAccessBlockConfiguration":{"BlockPublicAcls":false,"IgnorePublicAcls":false,"BlockPublicPolicy":false,"RestrictPublicBuckets":false},"x-amz-account-id":"111111111111"}""";
        AssertReads("s3.amazonaws.com", "PutAccountPublicAccessBlock", Off, Severity.High, RiskKind.AccountPublicAccessBlockOff,
            "The S3 public access block of account 111111111111 was turned off, in whole or in part",
            "アカウント 111111111111 の S3 パブリックアクセスブロックの全部または一部がオフになりました。");
        var steps = SeverityTableTests.Assess("s3.amazonaws.com", "PutAccountPublicAccessBlock", Off).NextSteps;
        Assert.Contains(steps, s => s.Command.StartsWith("aws s3control put-public-access-block --account-id 111111111111 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PutPublicAccessBlock")]
    [InlineData("PutAccountPublicAccessBlock")]
    public void A_public_access_block_with_every_setting_on_stays_a_notice(string name) =>
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("s3.amazonaws.com", name,
            """{"bucketName":"b","PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":"true","BlockPublicPolicy":true,"RestrictPublicBuckets":true}}""").Severity);

    [Theory]
    [InlineData("kms.amazonaws.com", "PutKeyPolicy", """{"keyId":"1234abcd-0000-0000-0000-000000000000","policyName":"default","policy":"POLICY"}""", "1234abcd-0000-0000-0000-000000000000")]
    [InlineData("kms.amazonaws.com", "CreateKey", """{"keyUsage":"ENCRYPT_DECRYPT","policy":"POLICY"}""", null)]
    [InlineData("sqs.amazonaws.com", "SetQueueAttributes", """{"queueUrl":"https://sqs.us-east-1.amazonaws.com/111111111111/q","attributes":{"Policy":"POLICY"}}""", "q")]
    [InlineData("sqs.amazonaws.com", "CreateQueue", """{"queueName":"q","attributes":{"Policy":"POLICY"}}""", "q")]
    [InlineData("sns.amazonaws.com", "SetTopicAttributes", """{"topicArn":"arn:aws:sns:us-east-1:111111111111:t","attributeName":"Policy","attributeValue":"POLICY"}""", "arn:aws:sns:us-east-1:111111111111:t")]
    [InlineData("sns.amazonaws.com", "CreateTopic", """{"name":"t","attributes":{"Policy":"POLICY"}}""", "t")]
    [InlineData("ecr.amazonaws.com", "SetRepositoryPolicy", """{"repositoryName":"r","policyText":"POLICY"}""", "r")]
    [InlineData("elasticfilesystem.amazonaws.com", "PutFileSystemPolicy", """{"fileSystemId":"fs-1","policy":"POLICY"}""", "fs-1")]
    [InlineData("lambda.amazonaws.com", "AddPermission20150331", """{"functionName":"f","statementId":"s","action":"lambda:InvokeFunction","principal":"*"}""", "f")]
    public void A_resource_policy_open_to_everyone_on_any_service_is_critical(string source, string name, string parameters, string? owner)
    {
        AssertReads(source, name, parameters.Replace("POLICY", OpenPolicy, StringComparison.Ordinal), Severity.Critical, RiskKind.ResourcePolicyPublic,
            (owner is null ? string.Empty : $"The resource policy of {owner} ") + "now grants access to everyone (Principal \"*\" or NotPrincipal, and no condition that limits who).",
            (owner is null ? string.Empty : owner + " ") + "のリソースポリシーが全員（Principal \"*\" または NotPrincipal で、呼び出し元を絞る条件なし）にアクセスを許可する内容になりました。");
        if (parameters.Contains("POLICY", StringComparison.Ordinal))
        {
            Assert.Equal(Severity.Notice, SeverityTableTests.Assess(source, name, parameters.Replace("POLICY", OrgPolicy, StringComparison.Ordinal)).Severity);
        }
    }

    [Theory]
    [InlineData("""{"functionName":"f","statementId":"s","action":"lambda:InvokeFunction","principal":"*","sourceArn":"arn:aws:s3:::b"}""")]
    [InlineData("""{"functionName":"f","statementId":"s","action":"lambda:InvokeFunction","principal":"s3.amazonaws.com"}""")]
    public void A_lambda_permission_limited_to_a_source_stays_a_notice(string parameters)
    {
        foreach (var name in (string[])["AddPermission", "AddPermission20150331", "AddPermission20150331v2"])
        {
            Assert.Equal(Severity.Notice, SeverityTableTests.Assess("lambda.amazonaws.com", name, parameters).Severity);
        }
    }

    [Fact]
    public void A_topic_attribute_that_is_not_its_policy_stays_a_notice() =>
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("sns.amazonaws.com", "SetTopicAttributes",
            $$"""{"topicArn":"arn:aws:sns:us-east-1:111111111111:t","attributeName":"DisplayName","attributeValue":"{{OpenPolicy}}"}""").Severity);

    [Theory]
    [InlineData("CreateFunctionUrlConfig20211031", """{"functionName":"f","authType":"NONE"}""")]
    [InlineData("UpdateFunctionUrlConfig20211031", """{"functionName":"f","qualifier":"live","authType":"NONE","cors":{"allowOrigins":["*"]}}""")]
    public void A_function_url_without_authentication_is_critical(string name, string parameters)
    {
        AssertReads("lambda.amazonaws.com", name, parameters, Severity.Critical, RiskKind.FunctionUrlPublic,
            "Function f now has a URL anyone on the internet can call without signing in (auth type NONE).",
            "関数 f に、インターネット上の誰でもサインインなしで呼び出せる URL（認証タイプ NONE）が設定されました。");
        Assert.Contains(SeverityTableTests.Assess("lambda.amazonaws.com", name, parameters).NextSteps,
            s => s.Command.StartsWith("aws lambda update-function-url-config --function-name f", StringComparison.Ordinal) && s.Command.Contains("--auth-type AWS_IAM", StringComparison.Ordinal));
    }

    [Fact]
    public void A_function_url_that_requires_iam_stays_a_notice() =>
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("lambda.amazonaws.com", "CreateFunctionUrlConfig20211031", """{"functionName":"f","authType":"AWS_IAM"}""").Severity);

    [Theory]
    [InlineData("""{"cidrIp":"0.0.0.0/1"},{"cidrIp":"128.0.0.0/1"}""", "")]
    [InlineData("""{"cidrIp":"0.0.0.0/2"},{"cidrIp":"64.0.0.0/2"},{"cidrIp":"128.0.0.0/2"}""", "")]
    [InlineData("", """{"cidrIpv6":"::/1"},{"cidrIpv6":"8000::/1"}""")]
    [InlineData("", """{"cidrIpv6":"2000::/4"},{"cidrIpv6":"3000::/4"}""")]
    public void A_security_group_opened_to_the_internet_through_several_ranges_is_high(string ipv4, string ipv6) =>
        AssertReads("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", Ingress(ipv4, ipv6), Severity.High, RiskKind.IngressFromAnywhere,
            "Security group sg-1 now admits traffic from any address on the internet.",
            "セキュリティグループ sg-1 がインターネット上のあらゆるアドレスからの通信を許可しました。");

    [Theory]
    [InlineData("""{"cidrIp":"10.0.0.0/8"},{"cidrIp":"192.168.0.0/16"},{"cidrIp":"203.0.113.7/32"}""", "")]
    [InlineData("""{"cidrIp":"0.0.0.0/2"},{"cidrIp":"0.0.0.0/2"},{"cidrIp":"32.0.0.0/3"}""", "")]
    [InlineData("", """{"cidrIpv6":"2001:db8::/32"},{"cidrIpv6":"fc00::/7"}""")]
    [InlineData("""{"cidrIp":"not-a-range/1"}""", """{"cidrIpv6":"2000::/5"}""")]
    public void A_security_group_opened_to_less_than_half_of_the_internet_stays_a_notice(string ipv4, string ipv6) =>
        Assert.Equal(Severity.Notice, SeverityTableTests.Assess("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", Ingress(ipv4, ipv6)).Severity);

    private static string Ingress(string ipv4, string ipv6) =>
        $$$"""{"groupId":"sg-1","ipPermissions":{"items":[{"ipProtocol":"tcp","fromPort":22,"toPort":22,"groups":{},"ipRanges":{"items":[{{{ipv4}}}]},"ipv6Ranges":{"items":[{{{ipv6}}}]},"prefixListIds":{}}]}}""";
}
