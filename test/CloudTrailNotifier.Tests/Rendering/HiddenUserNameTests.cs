using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// A console sign-in with a user name that is no IAM user: CloudTrail writes HIDDEN_DUE_TO_SECURITY_REASONS instead
/// of the name (it may be a mistyped password). The notification says so instead of naming an "IAM user".
/// </summary>
public sealed class HiddenUserNameTests
{
    private static byte[] PublishedRecord() =>
        Encoding.UTF8.GetBytes(RepositoryFiles.RealRecordLines("aws-docs-examples.jsonl")
            .Single(line => line.Contains("HIDDEN_DUE_TO_SECURITY_REASONS", StringComparison.Ordinal) && line.Contains("\"ConsoleLogin\"", StringComparison.Ordinal)));

    [Theory]
    [InlineData("en", "Who: a user name CloudTrail hid ([hidden by CloudTrail]: no IAM user has it, and it may be a mistyped password), account 123456789012")]
    [InlineData("ja", "実行者: CloudTrail が伏せたユーザー名 ([CloudTrail により非表示]: その名前の IAM ユーザーはなく、パスワードの打ち間違いかもしれません)、アカウント 123456789012")]
    public void The_hidden_name_of_a_failed_sign_in_is_explained_not_called_an_IAM_user(string language, string who)
    {
        var notifier = new Notifier(new RenderOptions(language == "ja" ? NotificationLanguage.Japanese : NotificationLanguage.English, TimeZoneInfo.Utc));

        var notification = notifier.Notify(PublishedRecord());

        Assert.Contains("\n  " + who + "\n", notification.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("HIDDEN_DUE_TO_SECURITY_REASONS", notification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_IAM_user_whose_name_is_recorded_is_still_named()
    {
        var record = JsonNode.Parse(PublishedRecord())!;
        record["userIdentity"]!["userName"] = "alice";
        var notifier = new Notifier(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.Utc));

        var notification = notifier.Notify(Encoding.UTF8.GetBytes(record.ToJsonString()));

        Assert.Contains("\n  Who: IAM user alice, account 123456789012\n", notification.Message, StringComparison.Ordinal);
    }
}
