using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>A secret of another account is said to be that account's, never read as one of this account's.</summary>
public sealed class SecretOfOtherAccountTests
{
    private const string OtherAccountSecret = "arn:aws:secretsmanager:ap-northeast-1:222222222222:secret:shared/api-key-AbC123";

    private static readonly Notifier English = new(RenderOptions.Default);
    private static readonly Notifier Japanese = new(RenderOptions.Default with { Language = NotificationLanguage.Japanese });

    [Fact]
    public void A_read_of_another_accounts_secret_names_the_owner_as_outside_this_account()
    {
        var bytes = TestEvents.SeedWith(d => d["requestParameters"]!["secretId"] = OtherAccountSecret);

        var english = English.Notify(bytes);
        var japanese = Japanese.Notify(bytes);

        Assert.Contains(
            "The value of secret shared/api-key was read: whoever holds it can use what it protects. The secret belongs to account 222222222222, which is outside this account.",
            english.Message, StringComparison.Ordinal);
        Assert.Contains("このシークレットはこのアカウントの外部のアカウント 222222222222 のものです。", japanese.Message, StringComparison.Ordinal);
        NotificationInvariants.AssertValid(english, NotificationLanguage.English, "other account's secret");
        NotificationInvariants.AssertValid(japanese, NotificationLanguage.Japanese, "other account's secret");
    }

    [Fact]
    public void A_refused_read_of_another_accounts_secret_says_so_too()
    {
        var bytes = TestEvents.SeedWith(d =>
        {
            d["requestParameters"]!["secretId"] = OtherAccountSecret;
            d["errorCode"] = "AccessDenied";
            d["errorMessage"] = "not allowed";
        });

        Assert.Contains("belongs to account 222222222222, which is outside this account", English.Notify(bytes).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:sample/secret-wPvfcr")]
    [InlineData("sample/secret")]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:22222222222x:secret:odd")]
    public void A_secret_of_this_account_or_without_an_account_is_not_said_to_be_elsewhere(string secretId)
    {
        var message = English.Notify(TestEvents.SeedWith(d => d["requestParameters"]!["secretId"] = secretId)).Message;

        Assert.Contains("The value of secret", message, StringComparison.Ordinal);
        Assert.DoesNotContain("outside this account", message, StringComparison.Ordinal);
    }
}
