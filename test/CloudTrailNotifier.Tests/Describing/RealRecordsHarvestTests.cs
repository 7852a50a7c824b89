using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// Published CloudTrail records this project did not write (RealRecords/README.md names the source of each line),
/// rendered as every output a recipient can get: each reads without the fallback and shows no secret, and the ones
/// where it matters carry the right severity, subject, outcome and sentence.
/// </summary>
public sealed class RealRecordsHarvestTests
{
    private const string Stratus = "stratus-detonations-more.jsonl";
    private const string AwsDocs = "aws-docs-examples.jsonl";

    /// <summary>Values the records hold that no output may show: STS session tokens returned by AssumeRole and GetFederationToken.</summary>
    private static readonly string[] Secrets = ["IQoJb3JpZ2lu", "FwoGZXIvYXdz"];

    private static string[] Lines(string file) => RepositoryFiles.RealRecordLines(file);

    private static Notification Render(string file, int line, NotificationLanguage language = NotificationLanguage.English) =>
        new Notifier(new RenderOptions(language, TimeZoneInfo.Utc) { ChatCards = true }).Notify(Encoding.UTF8.GetBytes(Lines(file)[line - 1]));

    private static string Attribute(Notification n, string name) => n.Attributes.Single(a => a.Name == name).Value;

    public static TheoryData<string, int> EveryRecord()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { Stratus, AwsDocs, "stratus-detonations.jsonl" })
        {
            for (var line = 1; line <= Lines(file).Length; line++)
            {
                data.Add(file, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRecord))]
    public void Every_real_record_is_interpreted_in_every_output_and_shows_no_secret(string file, int line)
    {
        foreach (var language in new[] { NotificationLanguage.English, NotificationLanguage.Japanese })
        {
            var notification = Render(file, line, language);
            var context = $"{file} line {line} ({language})";
            NotificationInvariants.AssertValid(notification, language, context);
            Assert.NotEqual("uninterpretable", Attribute(notification, "outcome"));
            Assert.DoesNotContain(CloudTrailNotifier.Rendering.Languages.Texts.For(language).FallbackHeadline, notification.Message, StringComparison.Ordinal);
            ChatCardInvariants.AssertValid(notification.ChatCard!, context);
            var outputs = new[] { notification.Subject, notification.Message, notification.ChatCard!, PublishRequestJson.Write(notification) };
            foreach (var output in outputs)
            {
                foreach (var secret in Secrets)
                {
                    Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
                }
            }

            // A risk sentence always names what it is about: never a placeholder for a missing name.
            var riskLine = "  " + CloudTrailNotifier.Rendering.Languages.Texts.For(language).Assessment.RiskLabel + ": ";
            foreach (var risk in notification.Message.Split('\n').Where(l => l.StartsWith(riskLine, StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(" - ", risk, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    // Credentials issued in the response: the token is redacted, the key id and expiry stay.
    [InlineData(Stratus, 1, "notice", "succeeded", "GetFederationToken on stratus_red_team by stratus-red-team-user-federation-user (742491224508)", "called STS GetFederationToken on federated user stratus_red_team. It succeeded.")]
    [InlineData(Stratus, 2, "info", "succeeded", "GetCallerIdentity by stratus_red_team (742491224508)", "Who: federated user stratus_red_team, account 742491224508")]
    [InlineData(Stratus, 3, "notice", "succeeded", "[NO MFA][CONSOLE] ConsoleLogin by stratus-red-team-nmfalu-jfzdtsvchl (562283505220)", "Why it matters: An IAM user signed in to the console with a password alone, without MFA.")]
    [InlineData(Stratus, 5, "high", "succeeded", "[HIGH] ModifyInstanceAttribute on i-DDd6c7B0e18F0E35f by christophe (309303190113)", "Why it matters: The user data of instance i-DDd6c7B0e18F0E35f was replaced: it runs as root when the instance next starts.")]
    [InlineData(Stratus, 6, "notice", "succeeded", "CreateTrustAnchor on malicious-rolesanywhere-trust-anchor by christophe (791182566784)", "christophe called IAM Roles Anywhere CreateTrustAnchor on trust anchor malicious-rolesanywhere-trust-anchor. It succeeded.")]
    [InlineData(Stratus, 8, "notice", "denied", "[DENIED] RunInstances on ami-aCBbfd13bdb1d1E4b (+1) by stratus-red-team-ec2lui-role-idtzskbvtd", "Who: session aws-go-sdk-1722511821294449000 of IAM role stratus-red-team-ec2lui-role-idtzskbvtd, account 900138736586")]
    [InlineData(Stratus, 9, "info", "succeeded", "AssumeRole on stratus-red-team-ec2lui-role-idtzskbvtd by christophe (900138736586)", "sessionToken: [redacted: 768 characters]")]
    // Ten parameters named twice (names and resources[]): ten listed, none "more"; read decrypted, so worth a look.
    [InlineData(Stratus, 10, "notice", "succeeded", "GetParameters on /credentials/stratus-red-team/credentials-1 (+9) by christophe (933175858973)", "Why it matters: Parameter /credentials/stratus-red-team/credentials-1 (+9) was read with decryption")]
    [InlineData(Stratus, 11, "notice", "succeeded", "BatchGetSecretValue by christophe (165109126369)", "Why it matters: The values of every secret the request's filters matched were read")]
    [InlineData(Stratus, 12, "high", "denied", "[HIGH][DENIED] LeaveOrganization by stratus-red-team-leave-org-role (307578594326)", "Why it matters: An attempt to switch off a security control (LeaveOrganization) was refused")]
    [InlineData(Stratus, 13, "critical", "succeeded", "[CRITICAL] AddPermission20150331v2 on stratus-red-team-backdoor-f-func by christophe (880896431042)", "now grants access to everyone (Principal \"*\" or NotPrincipal, and no condition that limits who)")]
    [InlineData(Stratus, 14, "info", "failed", "[FAILED] DeleteLoginProfile on stratus-red-team-login-profile-user by christophe (070411556318)", "Result: FAILED (EntityTemporarilyUnmodifiableException)")]
    [InlineData(Stratus, 15, "high", "succeeded", "[HIGH] CreateLoginProfile on stratus-red-team-login-profile-user by christophe (070411556318)", "A console password was set for IAM user stratus-red-team-login-profile-user by another identity")]
    [InlineData(Stratus, 16, "high", "succeeded", "[HIGH] DeleteResolverQueryLogConfig on rqlc-4473f20ca554c07 by christophe (206821776919)", "on resolver query log config rqlc-4473f20ca554c07. It succeeded.")]
    [InlineData(Stratus, 17, "critical", "succeeded", "[CRITICAL][TAMPERING] PutEventSelectors on stratus-red-team-ctes-trail-khlvciwdor by christophe", "The event selectors of trail stratus-red-team-ctes-trail-khlvciwdor changed")]
    [InlineData(Stratus, 18, "high", "succeeded", "[HIGH] UpdateAssumeRolePolicy on stratus-red-team-backdoor-r-role by christophe (751203476945)", "It names account 193672423079, which is outside this account.")]
    [InlineData(Stratus, 20, "high", "succeeded", "[HIGH] ModifyImageAttribute on ami-de1fbCab6ccB03e6D by christophe (118238665043)", "shared with account 846424999548, which is outside this account")]
    [InlineData(Stratus, 21, "critical", "succeeded", "[CRITICAL] AttachRolePolicy on AdministratorAccess (+1) by christophe (609418236337)", "aws iam detach-role-policy --role-name stratus-red-team-malicious-iam-role --policy-arn arn:aws:iam::aws:policy/AdministratorAccess")]
    [InlineData(Stratus, 22, "high", "succeeded", "[HIGH] CreateRole on stratus-red-team-malicious-iam-role by christophe (609418236337)", "New role stratus-red-team-malicious-iam-role trusts account 193672423079, which is outside this account")]
    [InlineData(Stratus, 23, "high", "succeeded", "[HIGH] UpdateLoginProfile on stratus-red-team-update-login-profile-user by christophe", "for IAM user stratus-red-team-update-login-profile-user by another identity")]
    [InlineData(Stratus, 25, "info", "succeeded", "DescribeInstances on i-DDd6c7B0e18F0E35f by christophe (309303190113)", "Action: DescribeInstances on EC2, read-only")]
    [InlineData(Stratus, 28, "notice", "succeeded", "StartSession on i-d0b6DCBA8984dE148 by christophe (294599468799)", "A shell session was started on i-d0b6DCBA8984dE148 through Session Manager.")]
    // Records without readOnly (eventVersion 1.0): a call named for a change is a change.
    [InlineData(AwsDocs, 1, "notice", "succeeded", "[NO MFA][CONSOLE] CreateKeyPair on mykeypair by Alice (123456789012)", "Resource: key mykeypair")]
    [InlineData(AwsDocs, 2, "notice", "succeeded", "CreateUser on Bob by Alice (123456789012)", "Action: CreateUser on IAM, read-only or write not recorded")]
    [InlineData(AwsDocs, 3, "notice", "succeeded", "[NO MFA][CONSOLE] AddUserToGroup on Bob (+1) by Alice (123456789012)", "groupName: admin")]
    [InlineData(AwsDocs, 4, "high", "failed", "[HIGH][TAMPERING][FAILED] UpdateTrail on myTrail2 by Alice (123456789012)", "Error message: Unknown trail: myTrail2 for the user: 123456789012")]
    [InlineData(AwsDocs, 5, "info", "succeeded", "[AWS SERVICE] BidEvictedEvent by ec2.amazonaws[.]com (123456789012)", "recorded by AWS itself, not an API call")]
    [InlineData(AwsDocs, 6, "notice", "succeeded", "[NO MFA][CONSOLE] ConsoleLogin by anaya (111122223333)", "An IAM user signed in to the console with a password alone, without MFA.")]
    [InlineData(AwsDocs, 7, "notice", "failed", "[FAILED][CONSOLE] ConsoleLogin by anaya (111122223333)", "Error message: Failed authentication")]
    [InlineData(AwsDocs, 8, "info", "succeeded", "[CONSOLE] CheckMfa by anaya (111122223333)", "console sign-in step CheckMfa succeeded")]
    [InlineData(AwsDocs, 9, "critical", "succeeded", "[CRITICAL][ROOT][NO MFA][CONSOLE] ConsoleLogin by root (111122223333)", "The root user was used")]
    [InlineData(AwsDocs, 10, "notice", "failed", "[FAILED][ROOT][NO MFA][CONSOLE] ConsoleLogin by root (111122223333)", "Who: the root user of account 111122223333")]
    [InlineData(AwsDocs, 11, "info", "succeeded", "[NO MFA][CONSOLE] GetUserPolicy on JaneDoe by JaneDoe (444455556666)", "Who: IAM user JaneDoe, account 444455556666, via the console")]
    [InlineData(AwsDocs, 12, "info", "succeeded", "[CROSS-ACCOUNT] AssumeRole on EC2-dev by JohnDoe (111122223333)", "Cross-account: account 777788889999 acted in account 111122223333.")]
    // The role's account logs the caller as AWSAccount and names no recipient: the caller's account is not taken for it.
    [InlineData(AwsDocs, 13, "info", "succeeded", "[CROSS-ACCOUNT] AssumeRole on EC2-dev by 777788889999", "Cross-account: another account, 777788889999, made the call.")]
    [InlineData(AwsDocs, 14, "info", "succeeded", "AssumeRole on JohnRole2 by JohnDoe/JohnRole1 (111111111111)", "sessionToken: [redacted: 767 characters]")]
    [InlineData(AwsDocs, 15, "notice", "succeeded", "DeleteBucket on my-test-bucket-cross-account by AssumeNothing/devdsk (777788889999)", "Who: session devdsk of IAM role AssumeNothing, account 777788889999")]
    [InlineData(AwsDocs, 17, "notice", "failed", "[FAILED][NO MFA][CONSOLE] ConsoleLogin by [hidden by CloudTrail] (123456789012)", "Error message: No username found in supplied account")]
    [InlineData(AwsDocs, 18, "notice", "succeeded", "[NO MFA][CONSOLE] StartLogging on Default by Alice (123456789012)", "Resource: trail Default")]
    // Insights events: the call and rates from insightDetails, not "(unnamed event) by unknown caller".
    [InlineData(AwsDocs, 19, "notice", "succeeded", "UpdateInstanceAssociationStatus by CloudTrail Insights (123456789012)", "CloudTrail Insights: calls to Systems Manager UpdateInstanceAssociationStatus started running at an unusual rate (50.1 a minute, against a usual 1.7562).")]
    [InlineData(AwsDocs, 20, "info", "succeeded", "UpdateInstanceAssociationStatus by CloudTrail Insights (123456789012)", "the unusual rate of calls to Systems Manager UpdateInstanceAssociationStatus ended after 8 minutes (50 a minute, against a usual 1.7562).")]
    public void Real_records_read_with_the_right_severity_outcome_and_facts(string file, int line, string severity, string outcome, string subject, string inBody)
    {
        var notification = Render(file, line);

        Assert.Equal(severity, Attribute(notification, "severity"));
        Assert.Equal(outcome, Attribute(notification, "outcome"));
        Assert.Equal(subject, notification.Subject);
        Assert.Contains(inBody, notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_insights_event_reads_as_unusual_activity_not_as_a_call_in_both_languages()
    {
        var english = Render(AwsDocs, 19);
        var japanese = Render(AwsDocs, 19, NotificationLanguage.Japanese);

        Assert.Contains("  Insight: API call rate, start of the unusual activity", english.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Result:", english.Message, StringComparison.Ordinal);
        Assert.Equal("UpdateInstanceAssociationStatus", Attribute(english, "eventName"));
        Assert.StartsWith("CloudTrail Insights: Systems Manager UpdateInstanceAssociationStatus の呼び出しが異常な頻度で始まりました（毎分 50.1 回、通常は 1.7562 回）。", japanese.Message, StringComparison.Ordinal);
        Assert.Contains("*Insight:* API call rate, start of the unusual activity", english.ChatCard!, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_issued_in_a_response_show_their_key_id_and_expiry_never_the_token()
    {
        var message = Render(Stratus, 1).Message;

        Assert.Contains("accessKeyId: ASIASTJKC5GCM7ZE6LUP", message, StringComparison.Ordinal);
        Assert.Contains("sessionToken: [redacted: 752 characters]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_material_CloudTrail_removed_reads_as_hidden_by_cloudtrail_not_as_a_redacted_value()
    {
        var message = Render(AwsDocs, 1).Message;

        Assert.Contains("keyMaterial: [hidden by CloudTrail]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("[redacted", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_naming_its_resources_twice_lists_each_once_and_claims_no_more()
    {
        var message = Render(Stratus, 10).Message;

        Assert.Equal(10, message.Split('\n').Count(l => l.StartsWith("    - parameter /credentials/stratus-red-team/credentials-", StringComparison.Ordinal)));
        Assert.DoesNotContain("more in the request parameters", message, StringComparison.Ordinal);
    }
}
