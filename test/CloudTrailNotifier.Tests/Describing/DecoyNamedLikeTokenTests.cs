using System.Text.Json.Nodes;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Describing;

/// <summary>
/// Review 23 T1: a decoy named like a credential (<c>payments/sk_live_...</c>, <c>xoxb-...</c>) is hidden by the redactor,
/// and a call naming it is still critical and marked a decoy, by name, partial ARN, full ARN and in a list, in both
/// languages; the name is shown as the redactor shows the rest of the event.
/// </summary>
public sealed class DecoyNamedLikeTokenTests
{
    private const string Arn = "arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:";

    /// <summary>A body of every token character class, longer than any shape's minimum.</summary>
    private const string Body = "Q7r8A1b2C3d4E5f6G7h8J9k0L1m2N3p4Q5r6S7t8U9v0W1x2Y3z4A5b6C7d8E9f0g1H2i3J4k5L6m7N8o9P0q1R2s3T4";

    public static TheoryData<string> TokenNames()
    {
        var names = new TheoryData<string>();
        foreach (var prefix in TextTokens.Prefixes.Distinct())
        {
            var body = prefix == "SG." ? Body[..22] + "." + Body[..43]
                : prefix == "AGE-SECRET-KEY-1" ? Body.ToUpperInvariant()
                : Body;
            names.Add("payments/" + prefix + body);
        }

        // Key words before a value, English and another language: the key rules hide what follows the sign.
        names.Add("db/password=Decoy9Value");
        names.Add("app/パスワード=Decoy9Value");
        return names;
    }

    [Theory]
    [MemberData(nameof(TokenNames))]
    public void A_decoy_the_redactor_hides_is_still_critical_by_name_partial_arn_full_arn_and_in_a_list(string decoy)
    {
        Assert.NotEqual(decoy, TextRedactor.Redact(decoy, new RedactionMarkers(n => $"[redacted: {n}]", "[hidden]"))); // the case under test
        string[] requests =
        [
            $$"""{"secretId":{{Json(decoy)}}}""",
            $$"""{"secretId":{{Json(Arn + decoy)}}}""",
            $$"""{"secretId":{{Json(Arn + decoy + "-AbC123")}}}""",
            $$"""{"secretIdList":["other/plain",{{Json(Arn + decoy + "-z9Y8x7")}}]}""",
        ];
        foreach (var (language, tags) in (ValueTuple<NotificationLanguage, string>[])[(NotificationLanguage.English, "[CRITICAL][DECOY]"), (NotificationLanguage.Japanese, "[重大][おとり]")])
        {
            var notifier = new Notifier(new RenderOptions(language, TimeZoneInfo.Utc) { DecoySecrets = DecoySecrets.Parse("other/decoy," + decoy) });
            foreach (var request in requests)
            {
                var notification = notifier.Notify(Event(request));

                Assert.StartsWith(tags, notification.Subject, StringComparison.Ordinal);
                Assert.Contains(notification.Attributes, a => a is { Name: "severity", Value: "critical" });
                foreach (var output in EveryOutput.Of(notification))
                {
                    Assert.DoesNotContain("Decoy9Value", output, StringComparison.Ordinal);
                    Assert.DoesNotContain(Body[..20], output, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void The_decoy_is_named_as_the_redacted_event_shows_it()
    {
        var notifier = new Notifier(RenderOptions.Default with { DecoySecrets = DecoySecrets.Parse("payments/sk_live_" + Body) });

        var message = notifier.Notify(Event($$"""{"secretId":"payments/sk_live_{{Body}}"}""")).Message;

        Assert.Contains($"Decoy secret payments/sk_live_[redacted: {Body.Length} characters] was touched", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_named_secret_that_is_not_a_decoy_stays_a_plain_read()
    {
        var notifier = new Notifier(RenderOptions.Default with { DecoySecrets = DecoySecrets.Parse("payments/sk_live_" + Body) });

        var notification = notifier.Notify(Event($$"""{"secretId":"payments/sk_live_{{Body[1..]}}"}"""));

        Assert.DoesNotContain("[DECOY]", notification.Subject, StringComparison.Ordinal);
    }

    private static string Json(string text) => JsonValue.Create(text).ToJsonString();

    private static byte[] Event(string request) => TestEvents.SeedWith(detail => detail["requestParameters"] = JsonNode.Parse(request));
}
