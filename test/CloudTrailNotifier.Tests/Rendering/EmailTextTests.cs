using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>No web address from an event becomes a link in the email: mail clients link <c>https://</c>, <c>www.</c> and bare domain names in plain text.</summary>
public sealed partial class EmailTextTests
{
    private static readonly Notifier English = new(new RenderOptions(NotificationLanguage.English, TimeZoneInfo.Utc));
    private static readonly Notifier Japanese = new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    private const string Lure = "Session expired, sign in again at https://signin.aws.example-login.net/console?next=%2F or www.aws-support.example or aws-login.example.com/reset";

    [Theory]
    [InlineData("https://evil.example/x", "https[:]//evil.example/x")]
    [InlineData("HTTP://EVIL.EXAMPLE", "HTTP[:]//EVIL.EXAMPLE")]
    [InlineData("see xhttps://evil.example", "see xhttps[:]//evil.example")]
    [InlineData("ftp://a ftps://b file://server/share", "ftp[:]//a ftps[:]//b file[:]//server/share")]
    [InlineData("www.evil.example", "www[.]evil.example")]
    [InlineData("Visit WWW.Evil.Example now", "Visit WWW[.]Evil.Example now")]
    [InlineData("http://www.evil.example/www.x", "http[:]//www[.]evil.example/www[.]x")]
    [InlineData("s3://bucket/key and arn:aws:s3:::bucket", "s3://bucket/key and arn:aws:s3:::bucket")]
    [InlineData("https:/one-slash http:x", "https[:]/one-slash http[:]x")]
    [InlineData("wwww.example", "wwww[.]example")]
    [InlineData("https://a\nhttps://b", "https[:]//a\\nhttps[:]//b")]
    [InlineData("https://", "https[:]//")]
    [InlineData("reset at aws-login.example.com/now", "reset at aws-login.example[.]com/now")]
    [InlineData("signin.aws.amazon.com", "signin[.]aws[.]amazon[.]com")]
    [InlineData("mail alice@example.co.uk", "mail alice@example[.]co[.]uk")]
    [InlineData("EVIL.COM", "EVIL[.]COM")]
    [InlineData("vendor/Amazon.com_Inc.", "vendor/Amazon[.]com_Inc.")]
    [InlineData("run script.sh or main.py", "run script[.]sh or main[.]py")]
    [InlineData("例え.みんな and пример.рф", "例え[.]みんな and пример[.]рф")]
    [InlineData("evil\u200B.com", "evil\\u200B[.]com")]
    [InlineData("aws-cli/2.13.5 Python/3.11.4 Linux/5.10.184-175.749.amzn2.x86_64 exe/x86_64.amzn.2", "aws-cli/2.13.5 Python/3.11.4 Linux/5.10.184-175.749.amzn2.x86_64 exe/x86_64.amzn.2")]
    [InlineData("10.0.0.1 bob.ross config.json user.dugnutt .com a.b x.com-like", "10.0.0.1 bob.ross config.json user.dugnutt .com a.b x.com-like")]
    [InlineData("telnet://10.0.0.5 wss://x/y gopher://z", "telnet[:]//10.0.0.5 wss[:]//x/y gopher[:]//z")]
    [InlineData("ftp.intranet/x", "ftp[.]intranet/x")]
    [InlineData("evil\u3002com evil\uFF0Ecom evil\uFF61com", "evil[\u3002]com evil[\uFF0E]com evil[\uFF61]com")]
    [InlineData("evil.\uFF43\uFF4F\uFF4D", "evil[.]\uFF43\uFF4F\uFF4D")]
    [InlineData("evil.com\u3164 bob@evil.com\uFE0F", "evil[.]com\\u3164 bob@evil[.]com\\uFE0F")]
    [InlineData("詳細はevil.comへ / подробнее evil.comя / evil.com\u0332", "詳細はevil[.]comへ / подробнее evil[.]comя / evil[.]com\u0332")]
    [InlineData("例え.中国で 例え.中國へ", "例え[.]中国で 例え[.]中國へ")]
    [InlineData("bob.rossя config.jsonへ v1.2へ", "bob.rossя config.jsonへ v1.2へ")]
    public void Addresses_are_defanged_and_escaping_still_applies(string value, string expected)
    {
        Assert.Equal(expected, EmailText.Clean(value, 4096));

        var builder = new StringBuilder("label: ");
        Assert.Equal(0, EmailText.Append(builder, value, 4096));
        Assert.Equal("label: " + expected, builder.ToString());
    }

    [Fact]
    public void Text_without_an_address_is_SafeText_unchanged_and_the_same_instance()
    {
        const string plain = "arn:aws:iam::123456789012:role/Admin";
        Assert.Same(plain, EmailText.Clean(plain, 4096));
        Assert.Equal(SafeText.Clean("a\u202Eb   c", 4096), EmailText.Clean("a\u202Eb   c", 4096));
    }

    [Theory]
    [InlineData(" evil.comz", 1)]
    [InlineData(" evil.comzz", 2)]
    [InlineData(" bob@evil.co.ukq", 1)]
    public void A_value_cut_into_a_domain_is_defanged_as_it_is_shown(string tail, int cut)
    {
        var value = new string('D', 20) + tail;
        var builder = new StringBuilder();

        Assert.Equal(cut, EmailText.Append(builder, value, value.Length - cut));

        Assert.False(LinkableAddress().IsMatch(builder.ToString()), builder.ToString());
        Assert.Contains("evil[.]", builder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_value_counts_what_was_left_out_as_SafeText_does()
    {
        var value = "https://evil.example/" + new string('a', 100);
        var builder = new StringBuilder();

        var omitted = EmailText.Append(builder, value, 30);

        Assert.Equal(SafeText.Append(new StringBuilder(), value, 30), omitted);
        Assert.StartsWith("https[:]//evil.example/", builder.ToString(), StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public void Defanging_only_inserts_and_leaves_no_linkable_address(string? value)
    {
        value ??= string.Empty;
        var planted = value + " https://" + value + " www." + value + " " + value + "x.com " + value + ".co.uk";

        foreach (var text in new[] { value, planted })
        {
            var defanged = EmailText.Clean(text, 8192);

            Assert.False(LinkableAddress().IsMatch(defanged), $"linkable address left in '{defanged}'");
            Assert.Equal(Undefang(SafeText.Clean(text, 8192)), Undefang(defanged));
        }
    }

    [Property(MaxTest = 500)]
    public void Appending_writes_what_cleaning_returns(string? value)
    {
        foreach (var text in new[] { value ?? string.Empty, "x.com " + value, value + "   www.a.io", "\u200B" + value + ".co" })
        {
            var builder = new StringBuilder();
            Assert.Equal(0, EmailText.Append(builder, text, 8192));
            Assert.Equal(EmailText.Clean(text, 8192), builder.ToString());
        }
    }

    [Fact]
    public void An_event_whose_every_string_is_a_lure_links_only_to_the_console_in_both_languages()
    {
        var root = JsonNode.Parse(RepositoryFiles.SampleEvent)!;
        var detail = root["detail"]!.AsObject();
        detail["userAgent"] = Lure;
        detail["errorCode"] = "AccessDenied";
        detail["errorMessage"] = Lure;
        detail["requestParameters"]!["secretId"] = "prod/" + Lure;
        detail["requestParameters"]!["https://key.example/"] = Lure;
        detail["userIdentity"]!["sessionContext"]!["sessionIssuer"]!["userName"] = Lure;
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());

        foreach (var notifier in new[] { English, Japanese })
        {
            var notification = notifier.Notify(bytes);

            Assert.Contains("https[:]//signin[.]aws.example-login[.]net", notification.Message, StringComparison.Ordinal);
            AssertLinksOnlyToTheConsole(notification);
        }
    }

    [Fact]
    public void Every_string_of_every_corpus_event_replaced_by_a_lure_links_only_to_the_console()
    {
        foreach (var (name, json) in Corpus.All.Where((_, i) => i % 5 == 0))
        {
            var root = JsonNode.Parse(json)!;
            ReplaceStrings(root);
            var notification = English.Notify(Encoding.UTF8.GetBytes(root.ToJsonString()));

            AssertLinksOnlyToTheConsole(notification, name);
        }
    }

    [Fact]
    public void An_uninterpretable_event_shows_its_text_defanged()
    {
        var notification = English.Notify(Encoding.UTF8.GetBytes("{\"detail\": \"" + Lure + "\", broken"));

        Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
        Assert.Contains("https[:]//signin", notification.Message, StringComparison.Ordinal);
        AssertLinksOnlyToTheConsole(notification);
    }

    /// <summary>Every address a mail client would link is one of the program's console links, alone on its line's value.</summary>
    private static void AssertLinksOnlyToTheConsole(Notification notification, string? context = null)
    {
        Assert.False(LinkableAddress().IsMatch(notification.Subject), $"{context}: subject links: {notification.Subject}");
        foreach (var line in notification.Message.Split('\n'))
        {
            // A console link is the whole value of its line: label, ": ", the address (percent-encoded pieces only).
            var separator = line.IndexOf(": https://", StringComparison.Ordinal);
            if (separator >= 0 && ConsoleLink().IsMatch(line[(separator + 2)..]))
            {
                Assert.False(LinkableAddress().IsMatch(line[..separator]), $"{context}: a link label links: '{line}'");
                continue;
            }

            Assert.False(LinkableAddress().IsMatch(line), $"{context}: an address that is not the program's console link: '{line}'");
        }
    }

    private static void ReplaceStrings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out _) && key is not ("region" or "awsRegion" or "eventID" or "eventTime" or "time"))
                    {
                        obj[key] = Lure;
                    }
                    else if (child is not null)
                    {
                        ReplaceStrings(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out _))
                    {
                        array[i] = Lure;
                    }
                    else if (array[i] is { } child)
                    {
                        ReplaceStrings(child);
                    }
                }

                break;
        }
    }

    /// <summary>The text with every bracketed separator (any character read as a dot or colon) written back as it was.</summary>
    private static string Undefang(string text) => Regex.Replace(text, @"\[([.:\u2024-\uFFFF]|\uD83C\uDD00)\]",
        m => LinkSeparators.All.Contains(m.Groups[1].Value[0]) ? m.Groups[1].Value : m.Value);

    /// <summary>
    /// An address a mail client links: a scheme, www., or a name before a common top-level domain (a short list of its
    /// own, not the program's: the ones clients are sure to link).
    /// </summary>
    [GeneratedRegex(@"(?i)(https?|ftps?|file)://|www\.|[\p{L}\p{N}-]\.(com|net|org|io|co|uk|jp|aws|amazon|dev|app|info|xyz|zip|рф|みんな)(?![\p{L}\p{N}\p{M}-])")]
    private static partial Regex LinkableAddress();

    [GeneratedRegex(@"^https://([a-z0-9-]+\.)?(s3\.)?console\.aws\.amazon\.com/[^\s]*$")]
    private static partial Regex ConsoleLink();
}
