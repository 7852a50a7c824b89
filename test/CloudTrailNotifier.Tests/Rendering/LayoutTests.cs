using System.Text;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// Bodies read the same in a proportional font (webmail, phones) as in a terminal: nothing depends on
/// counting spaces, over every sample event and the whole corpus, in English and Japanese.
/// </summary>
public sealed class LayoutTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void No_sample_event_body_depends_on_column_alignment(string code)
    {
        var notifier = NotifierFor(code);
        var files = Corpus.SampleEventFiles();

        Assert.True(files.Count >= 11, $"only {files.Count} sample events");
        foreach (var file in files)
        {
            LayoutRules.AssertNone(notifier.Notify(File.ReadAllBytes(file)).Message, Path.GetFileName(file));
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void No_corpus_event_body_depends_on_column_alignment(string code)
    {
        var notifier = NotifierFor(code);
        var events = Corpus.All;

        Assert.True(events.Count >= 745, $"corpus has only {events.Count} events");
        foreach (var corpusEvent in events)
        {
            LayoutRules.AssertNone(notifier.Notify(Encoding.UTF8.GetBytes(corpusEvent.Json)).Message, corpusEvent.Name);
        }
    }

    [Fact]
    public void The_check_rejects_a_two_column_layout_and_a_continuation_aligned_under_a_value()
    {
        Assert.NotEmpty(LayoutRules.Violations("headline\n\n  Who               alice\n"));
        Assert.NotEmpty(LayoutRules.Violations("  When: 2023-11-24 08:29:48 UTC\n                    2023-11-24 17:29:48 Asia/Tokyo\n"));
        Assert.NotEmpty(LayoutRules.Violations("  Resource: secret prod/db\n      arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:prod/db\n"));
        Assert.Empty(LayoutRules.Violations("Request parameters\n  policy: (JSON text)\n    Statement:\n      -\n        Effect: Allow\n        Action:\n          - s3:GetObject\n"));
    }

    [Theory]
    [InlineData("en", "  Resource: secret sample/secret (arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:sample/secret-wPvfcr)\n")]
    [InlineData("en", "  When: 2023-11-24 08:29:48 UTC (17:29:48 Asia/Tokyo, UTC+09:00)\n")]
    [InlineData("ja", "  リソース: シークレット sample/secret (arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:sample/secret-wPvfcr)\n")]
    [InlineData("ja", "  日時: 2023-11-24 08:29:48 UTC (17:29:48 Asia/Tokyo, UTC+09:00)\n")]
    public void Continuations_are_folded_into_their_line(string code, string line)
    {
        var message = NotifierFor(code).Notify(File.ReadAllBytes(TestEvents.SeedPath)).Message;

        Assert.Contains("\n" + line, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_time_on_another_day_than_utc_shows_its_date()
    {
        var bytes = TestEvents.SeedWith(d => d["eventTime"] = "2023-11-24T20:00:00Z");

        var message = NotifierFor("en").Notify(bytes).Message;

        Assert.Contains("\n  When: 2023-11-24 20:00:00 UTC (2023-11-25 05:00:00 Asia/Tokyo, UTC+09:00)\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_resources_are_list_items_of_their_own_under_one_label()
    {
        const string Record = """
            {"eventSource":"secretsmanager.amazonaws.com","eventName":"BatchGetSecretValue","awsRegion":"ap-northeast-1","recipientAccountId":"111111111111",
             "userIdentity":{"type":"IAMUser","userName":"ci","accountId":"111111111111"},
             "requestParameters":{"secretIdList":["prod/db","prod/api"]}}
            """;

        var message = NotifierFor("en").Notify(TestEvents.Envelope(Record)).Message;

        Assert.Contains("\n  Resources:\n    - secret prod/db\n    - secret prod/api\n", message, StringComparison.Ordinal);
        LayoutRules.AssertNone(message, "two resources");
    }

    [Fact]
    public void A_run_of_spaces_in_a_value_is_shown_as_dots_in_the_body_and_collapsed_in_the_subject()
    {
        var bytes = TestEvents.SeedWith(d =>
        {
            d["requestParameters"]!["secretId"] = "prod     db";
            d["errorCode"] = "Access   Denied";
        });

        var notification = NotifierFor("en").Notify(bytes);

        Assert.Contains("  secretId: prod\u00B7\u00B7\u00B7\u00B7\u00B7db\n", notification.Message, StringComparison.Ordinal);
        Assert.Contains(" on prod db by ", notification.Subject, StringComparison.Ordinal);
        Assert.Equal("Access   Denied", notification.Attributes.Single(a => a.Name == "errorCode").Value);
        LayoutRules.AssertNone(notification.Message, "space runs");
        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, "space runs");
    }

    private static Notifier NotifierFor(string code)
    {
        Assert.True(RenderOptions.TryParseLanguage(code, out var language));
        return new Notifier(new RenderOptions(language, Tokyo));
    }
}
