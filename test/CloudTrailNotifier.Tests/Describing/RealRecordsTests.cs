using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>Records from real attack-simulation detonations (see RealRecords/README.md), rendered as a recipient gets them.</summary>
public sealed class RealRecordsTests
{
    private static readonly string[] Lines = RepositoryFiles.RealRecordLines("stratus-detonations.jsonl");

    private static Notification Render(int line, NotificationLanguage language = NotificationLanguage.English) =>
        new Notifier(RenderOptions.Default with { Language = language }).Notify(Encoding.UTF8.GetBytes(Lines[line - 1]));

    private static string Attribute(Notification n, string name) => n.Attributes.Single(a => a.Name == name).Value;

    [Theory]
    [InlineData(1, "critical", "[CRITICAL][TAMPERING] StopLogging on stratus-red-team-ct-stop-trail-buykxbqejv by christophe", "Logging was stopped on trail stratus-red-team-ct-stop-trail-buykxbqejv")]
    [InlineData(2, "critical", "[CRITICAL][TAMPERING] StopLogging on stratus-red-team-ct-stop-trail-sxtxvrkmru by soclabs-test", "aws cloudtrail start-logging --name stratus-red-team-ct-stop-trail-sxtxvrkmru --region ap-southeast-2")]
    [InlineData(3, "high", "[HIGH] CreateAccessKey on stratus-red-team-backdoor-u-user by christophe (946986569305)", "--access-key-id AKIAL80DWDVKKM0UXEER --status Inactive")]
    [InlineData(4, "high", "[HIGH] AuthorizeSecurityGroupIngress on sg-003dc7f1f1c686164 by christophe (032092706103)", "aws ec2 revoke-security-group-ingress --group-id sg-003dc7f1f1c686164 --security-group-rule-ids sgr-09b3e3d2ca1edf2a2")]
    [InlineData(5, "high", "[HIGH] ModifySnapshotAttribute on snap-041993b54a9b3af6f by christophe (756680937392)", "shared with account 098797384747, which is outside this account")]
    [InlineData(6, "high", "[HIGH] ModifyDBSnapshotAttribute on exfiltration by christophe (171471557522)", "--values-to-remove 503161813013")]
    [InlineData(7, "critical", "[CRITICAL] AttachUserPolicy on AdministratorAccess (+1) by christophe (229654561268)", "aws iam detach-user-policy --user-name malicious-iam-user --policy-arn arn:aws:iam::aws:policy/AdministratorAccess")]
    public void Real_detonations_read_with_their_severity_resource_and_next_steps(int line, string severity, string subject, string inBody)
    {
        var notification = Render(line);

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, $"line {line}");
        NotificationInvariants.AssertValid(Render(line, NotificationLanguage.Japanese), NotificationLanguage.Japanese, $"line {line} (ja)");
        Assert.Equal(severity, Attribute(notification, "severity"));
        Assert.Equal(subject, notification.Subject);
        Assert.Contains(inBody, notification.Message, StringComparison.Ordinal);
    }
}
