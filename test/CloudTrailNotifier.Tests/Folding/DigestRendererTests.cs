using System.Text;
using CloudTrailNotifier.Folding;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>A digest as a recipient reads it (golden files, en/ja), its subject, attributes and escaping.</summary>
public sealed class DigestRendererTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void A_digest_reads_as_approved(string language)
    {
        Assert.True(RenderOptions.TryParseLanguage(language, out var lang));
        var notification = DigestRenderer.Render(Group(), new RenderOptions(lang, TimeZoneInfo.Utc));

        // Digests have no sample event of their own: their golden files live apart from the events' ones.
        Golden.Verify($"Digests/digest-secretsmanager-get-secret-value.{language}", Text(notification));
        Assert.True(notification.Subject.Length < 100);
        Assert.True(notification.Attributes.Count <= 10);
    }

    [Fact]
    public void Untrusted_values_stay_on_their_line()
    {
        var group = Group() with { UserAgents = ["evil\nSubject: forged\u202Eabc"] };

        var message = DigestRenderer.Render(group, RenderOptions.Default).Message;

        Assert.DoesNotContain("\nSubject: forged", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", message, StringComparison.Ordinal);
        Assert.Contains("evil\\nSubject: forged", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sessions_that_made_the_folded_calls_are_named_escaped_in_the_email_and_the_card_and_left_out_when_none_is_known()
    {
        var options = RenderOptions.Default with { ChatCards = true };
        var group = Group() with { Sessions = ["alice@example.com", "mallory\nWho: alice@example.com\u202E"] };

        var digest = DigestRenderer.Render(group, options);
        var none = DigestRenderer.Render(Group() with { Sessions = null }, options);

        Assert.Contains("\nSessions: alice@example[.]com, mallory\\nWho: alice@example[.]com", digest.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\nWho: alice", digest.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", digest.Message + digest.ChatCard, StringComparison.Ordinal);
        Assert.Contains("`alice@example[.]com`", digest.ChatCard, StringComparison.Ordinal);
        var card = System.Text.Json.JsonDocument.Parse(digest.ChatCard!).RootElement.GetProperty("content").GetProperty("description").GetString()!;
        Assert.DoesNotContain("\nWho: alice", card, StringComparison.Ordinal);
        Assert.Contains("*Sessions:* `alice@example[.]com`, `mallory", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Sessions", none.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sessions", none.ChatCard, StringComparison.Ordinal);
        Assert.Contains("セッション: alice@example[.]com", DigestRenderer.Render(group, RenderOptions.Default with { Language = NotificationLanguage.Japanese }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_named_sessions_the_digest_says_how_many_more_in_English_Japanese_and_the_card()
    {
        var named = Enumerable.Range(0, GroupState.SessionLimit).Select(i => "i-" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var group = Group() with { Sessions = named, MoreSessions = "0a1b2c3d" + "4e5f6071" + "8293a4b5" };
        var one = Group() with { Sessions = named, MoreSessions = "0a1b2c3d" };
        var full = Group() with { Sessions = named, MoreSessions = string.Concat(Enumerable.Repeat("0a1b2c3d", GroupState.MoreSessionsLimit)) };
        var chat = RenderOptions.Default with { ChatCards = true };

        Assert.Contains("\nSessions: i-00000000, i-00000001, i-00000002, i-00000003, i-00000004, i-00000005, i-00000006, i-00000007, i-00000008, i-00000009 and 3 more sessions\n",
            DigestRenderer.Render(group, RenderOptions.Default).Message, StringComparison.Ordinal);
        Assert.Contains("i-00000009 and 1 more session\n", DigestRenderer.Render(one, RenderOptions.Default).Message, StringComparison.Ordinal);
        Assert.Contains("i-00000009 and 200 or more other sessions\n", DigestRenderer.Render(full, RenderOptions.Default).Message, StringComparison.Ordinal);
        Assert.Contains("\nセッション: i-00000000, ", DigestRenderer.Render(group, RenderOptions.Default with { Language = NotificationLanguage.Japanese }).Message, StringComparison.Ordinal);
        Assert.Contains("i-00000009 ほか3件のセッション\n", DigestRenderer.Render(group, RenderOptions.Default with { Language = NotificationLanguage.Japanese }).Message, StringComparison.Ordinal);
        Assert.Contains("`i-00000009` and 3 more sessions", DigestRenderer.Render(group, chat).ChatCard, StringComparison.Ordinal);
        Assert.DoesNotContain("more session", DigestRenderer.Render(Group(), chat).Message + DigestRenderer.Render(Group(), chat).ChatCard, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_says_digest_and_how_many_even_for_a_long_event_name()
    {
        var group = Group() with { Identity = Group().Identity with { EventName = new string('X', 300) }, Folded = 12345 };

        var subject = DigestRenderer.Render(group, RenderOptions.Default).Subject;

        Assert.StartsWith("Digest: 12345 more", subject, StringComparison.Ordinal);
        Assert.True(subject.Length < 100, subject);
    }

    [Theory]
    [InlineData("true", "info", "true", "info")]
    [InlineData("false", "notice", "false", "notice")]
    [InlineData("unknown", "notice", "unknown", "notice")]
    [InlineData(null, null, "unknown", "notice")] // a group folded before digests kept these: unknown, and notice (the higher foldable one)
    [InlineData("mixed", "urgent", "unknown", "notice")]
    public void ReadOnly_and_severity_say_what_the_folded_events_were_with_a_single_notification_s_values(
        string? readOnly, string? severity, string expectedReadOnly, string expectedSeverity)
    {
        var attributes = DigestRenderer.Render(Group() with { ReadOnly = readOnly, Severity = severity }, RenderOptions.Default).Attributes;

        Assert.Equal(expectedReadOnly, attributes.Single(a => a.Name == "readOnly").Value);
        Assert.Equal(expectedSeverity, attributes.Single(a => a.Name == "severity").Value);
        Assert.Equal(["eventSource", "eventName", "account", "region", "readOnly", "outcome", "severity", "digest"], attributes.Select(a => a.Name));
    }

    [Theory]
    [InlineData(null, "succeeded")]
    [InlineData("AccessDenied", "denied")]
    [InlineData("Client.UnauthorizedOperation", "denied")]
    [InlineData("UnauthorizedOperation", "denied")]
    [InlineData("InvalidInstanceID.NotFound", "failed")]
    public void A_digest_s_outcome_is_what_the_single_notification_of_the_same_calls_says(string? errorCode, string outcome)
    {
        var json = File.ReadAllText(RepositoryFiles.Path("events", "ec2-describe-instances-terraform.json"));
        if (errorCode is not null)
        {
            json = json.Replace("\"requestParameters\"", $"\"errorCode\": \"{errorCode}\", \"errorMessage\": \"refused\", \"requestParameters\"", StringComparison.Ordinal);
        }

        var single = new Notifier(RenderOptions.Default, FoldEventReader.Read).Notify(Encoding.UTF8.GetBytes(json));
        var digest = DigestRenderer.Render(Group() with { Identity = single.Fold!.Identity }, RenderOptions.Default);

        Assert.Equal(outcome, single.Attributes.Single(a => a.Name == "outcome").Value);
        Assert.Equal(outcome, digest.Attributes.Single(a => a.Name == "outcome").Value);
    }

    [Theory]
    [InlineData("ec2-describe-instances-terraform.json", "info", ":white_circle:")]
    [InlineData("secretsmanager-get-secret-value.json", "notice", ":large_yellow_circle:")]
    public void A_digest_card_s_title_has_the_severity_marker_a_single_card_of_the_same_calls_has(string file, string severity, string marker)
    {
        var options = RenderOptions.Default with { ChatCards = true };
        var single = new Notifier(options, FoldEventReader.Read).Notify(File.ReadAllBytes(RepositoryFiles.Path("events", file)));
        var group = Group() with { Identity = single.Fold!.Identity, Severity = single.Attributes.Single(a => a.Name == "severity").Value };

        var digest = DigestRenderer.Render(group, options);

        Assert.Equal(severity, digest.Attributes.Single(a => a.Name == "severity").Value);
        Assert.StartsWith(marker + " ", Title(single.ChatCard!), StringComparison.Ordinal);
        Assert.StartsWith(marker + " ", Title(digest.ChatCard!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("own", "en", "this principal had more first events in a minute than its share", "filled a minute's limit")]
    [InlineData("full", "en", "the first events of 4 principals filled a minute's limit", "than its share")]
    [InlineData("both", "en", "than its share (a third of the limit), so its own first events were folded too", "reached their limit")]
    [InlineData("both", "en", "the first events of 4 principals filled a minute's limit", "reached their limit")]
    [InlineData("earlier", "en", "notifications per minute reached their limit", "principal")] // folded before the cause was kept
    [InlineData("own", "ja", "割り当て (上限の3分の1) を超えた", "実行者4件")]
    [InlineData("full", "ja", "実行者4件の最初のイベントで", "割り当て")]
    public void A_rate_guarded_digest_says_who_caused_it_in_the_email_and_the_card(string cause, string language, string says, string doesNotSay)
    {
        Assert.True(RenderOptions.TryParseLanguage(language, out var lang));
        var group = Group() with
        {
            RateGuarded = true,
            RateGuardOwn = cause is "own" or "both",
            RateGuardPrincipals = cause is "full" or "both" ? 4 : 0,
        };

        var digest = DigestRenderer.Render(group, new RenderOptions(lang, TimeZoneInfo.Utc) { ChatCards = true });
        var card = System.Text.Json.JsonDocument.Parse(digest.ChatCard!).RootElement.GetProperty("content").GetProperty("description").GetString()!;

        Assert.Contains(says, digest.Message, StringComparison.Ordinal);
        Assert.Contains(says, card, StringComparison.Ordinal);
        Assert.DoesNotContain(doesNotSay, digest.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("rate guard", DigestRenderer.Render(Group(), RenderOptions.Default).Message, StringComparison.OrdinalIgnoreCase);
    }

    private static string Title(string card) =>
        System.Text.Json.JsonDocument.Parse(card).RootElement.GetProperty("content").GetProperty("title").GetString()!;

    internal static GroupState Group() => new(
        "key", 3,
        new GroupIdentity("111122223333", "arn:aws:iam::111122223333:role/app-reader", "secretsmanager.amazonaws.com",
            "GetSecretValue", "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf", "succeeded", "us-east-1"),
        Start.AddMinutes(15), 37, Start.AddSeconds(42), Start.AddMinutes(14).AddSeconds(3),
        ["198.51.100.7", "203.0.113.20"], ["aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5"],
        ["7f1c0000-1111-2222-3333-000000000001", "7f1c0000-1111-2222-3333-000000000002", "7f1c0000-1111-2222-3333-000000000003",
         "7f1c0000-1111-2222-3333-000000000004", "7f1c0000-1111-2222-3333-000000000005"],
        RateGuarded: false, LeaseEnd: null, LeaseId: null, ReadOnly: "true", Severity: "notice",
        Sessions: ["i-0a1b2c3d4e5f60718", "i-0f9e8d7c6b5a40312"]);

    private static string Text(Notification n) =>
        $"Subject: {n.Subject}\n\n{n.Message}\nAttributes:\n" + string.Join('\n', n.Attributes.Select(a => $"  {a.Name}={a.Value}")) + "\n";
}
