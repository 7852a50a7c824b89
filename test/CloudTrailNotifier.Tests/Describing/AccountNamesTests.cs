using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Settings;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>ACCOUNT_NAMES: parsing, the names beside the ids, and an account outside the list as a signal.</summary>
public sealed class AccountNamesTests
{
    private const string Names = "111111111111=prod,222222222222=staging";

    private static Notification Render(string? names, NotificationLanguage language = NotificationLanguage.English, string account = "111111111111")
    {
        var parsed = AccountNames.Parse(names, out var error);
        Assert.Null(error);
        var options = new RenderOptions(language, TimeZoneInfo.Utc) { AccountNames = parsed! };
        return new Notifier(options).Notify(TestEvents.SeedWith(detail => detail["recipientAccountId"] = account));
    }

    [Fact]
    public void Pairs_are_read_with_spaces_around_them_and_looked_up_by_id()
    {
        var names = AccountNames.Parse(" 111111111111 = prod , 222222222222=チーム A, 333333333333=R&D (eu)! ", out var error);

        Assert.Null(error);
        Assert.Equal("prod", names!.NameOf("111111111111"));
        Assert.Equal("チーム A", names.NameOf("222222222222"));
        Assert.Equal("R&D (eu)!", names.NameOf("333333333333"));
        Assert.Null(names.NameOf("444444444444"));
        Assert.True(names.IsUnknown("444444444444"));
        Assert.False(names.IsUnknown("111111111111"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void No_list_names_nothing_and_finds_no_account_unknown(string? text)
    {
        var names = AccountNames.Parse(text, out var error);

        Assert.Null(error);
        Assert.Same(AccountNames.None, names);
        Assert.False(names!.IsUnknown("333333333333"));
    }

    [Theory]
    [InlineData("prod=111111111111", "'prod=111111111111' does not start with a 12-digit account id followed by '='")]
    [InlineData("111111111111", "'111111111111' does not start with a 12-digit account id followed by '='")]
    [InlineData("111111111111=", "the name for account 111111111111 must be 1 to 50 characters")]
    [InlineData("111111111111=[TAMPERING]", "the name for account 111111111111 must be 1 to 50 characters")]
    [InlineData("111111111111=a\nb", "the name for account 111111111111 must be 1 to 50 characters")]
    [InlineData("111111111111=a\u202Eb", "the name for account 111111111111 must be 1 to 50 characters")]
    [InlineData("111111111111=a=b", "the name for account 111111111111 must be 1 to 50 characters")]
    [InlineData("111111111111=a,111111111111=b", "account 111111111111 is listed twice")]
    public void A_bad_entry_is_refused_with_one_line(string text, string expected)
    {
        Assert.Null(AccountNames.Parse(text, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void The_name_stands_beside_the_id_in_subject_and_summary_in_both_languages()
    {
        var english = Render(Names);
        var japanese = Render(Names, NotificationLanguage.Japanese);

        Assert.EndsWith("(111111111111 prod)", english.Subject, StringComparison.Ordinal);
        Assert.Contains("111111111111 (prod), region ", english.Message, StringComparison.Ordinal);
        Assert.EndsWith("(111111111111 prod)", japanese.Subject, StringComparison.Ordinal);
        Assert.Contains("111111111111 (prod) (リージョン ", japanese.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UNKNOWN ACCOUNT", english.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_list_the_notification_is_unchanged()
    {
        var without = Render(null);
        var plain = new Notifier(RenderOptions.Default).Notify(TestEvents.SeedWith(_ => { }));

        Assert.Equal(plain.Subject, without.Subject);
        Assert.Equal(plain.Message, without.Message);
    }

    [Fact]
    public void An_account_outside_the_list_is_a_signal_in_subject_body_and_attributes()
    {
        var english = Render(Names, account: "999999999999");
        var japanese = Render(Names, NotificationLanguage.Japanese, "999999999999");

        Assert.StartsWith("[UNKNOWN ACCOUNT]", english.Subject, StringComparison.Ordinal);
        // The subject spends its budget on signals, call, resource and caller first: with three tags the account gives way.
        Assert.True(english.Subject.Length <= 99, english.Subject);
        Assert.Contains("Unknown account: account 999999999999 is not in the organization's list of accounts (ACCOUNT_NAMES).", english.Message, StringComparison.Ordinal);
        Assert.StartsWith("[未知のアカウント]", japanese.Subject, StringComparison.Ordinal);
        Assert.Contains("アカウント 999999999999 は組織のアカウント一覧 (ACCOUNT_NAMES) にありません。", japanese.Message, StringComparison.Ordinal);
        Assert.Contains(english.Attributes, a => a.Name == "signals" && a.Value.Split(',').Contains("UnknownAccount"));
        Assert.Contains(english.Attributes, a => a.Name == "account" && a.Value == "999999999999");
        Assert.True(english.Attributes.Count <= 10);
    }

    [Fact]
    public void The_account_attribute_carries_the_source_account_for_per_account_filter_policies()
    {
        var staging = Render(Names, account: "222222222222");

        Assert.Contains(staging.Attributes, a => a.Name == "account" && a.Value == "222222222222");
        Assert.Contains("222222222222 (staging)", staging.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(111111111111", staging.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_variable_and_the_flag_feed_the_render_options_and_a_bad_value_names_its_source()
    {
        var variables = new Dictionary<string, string> { [NotifierSettings.AccountNamesVariable] = Names };
        var fromVariable = new NotifierSettings(variables.GetValueOrDefault).RenderOptions();
        var fromFlag = new NotifierSettings(variables.GetValueOrDefault, new SettingOverrides(AccountNames: "333333333333=dev")).RenderOptions();
        var bad = new NotifierSettings(name => name == NotifierSettings.AccountNamesVariable ? "111111111111=prod,oops" : null).RenderOptions();

        Assert.Equal("staging", fromVariable.Value.AccountNames.NameOf("222222222222"));
        Assert.Equal("dev", fromFlag.Value.AccountNames.NameOf("333333333333"));
        Assert.Null(fromFlag.Value.AccountNames.NameOf("111111111111"));
        Assert.StartsWith("ACCOUNT_NAMES: 'oops' does not start with a 12-digit account id", bad.Error, StringComparison.Ordinal);
    }
}
