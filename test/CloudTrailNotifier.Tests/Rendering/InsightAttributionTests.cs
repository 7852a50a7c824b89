using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// A CloudTrail Insights event names no caller of its own: who stood behind the unusual rate is in its attributions
/// (the top callers, user agents and error codes, each with its rate during the activity and in the baseline). The
/// notification lists them, says which of them were not among the usual top values, and treats every value as
/// untrusted text (a user agent is whatever the caller sent).
/// </summary>
public sealed class InsightAttributionTests
{
    private static JsonObject Insight(string type = "ApiCallRateInsight", string? errorCode = null, params JsonObject[] attributions)
    {
        var details = new JsonObject
        {
            ["state"] = "Start",
            ["eventSource"] = "ssm.amazonaws.com",
            ["eventName"] = "GetParameter",
            ["insightType"] = type,
            ["insightContext"] = new JsonObject
            {
                ["statistics"] = new JsonObject
                {
                    ["baseline"] = new JsonObject { ["average"] = 0.25 },
                    ["insight"] = new JsonObject { ["average"] = 42.5 },
                    ["insightDuration"] = 3,
                },
                ["attributions"] = new JsonArray([.. attributions]),
            },
        };
        if (errorCode is not null)
        {
            details["errorCode"] = errorCode;
        }

        return new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["eventTime"] = "2026-11-30T08:15:00Z",
            ["awsRegion"] = "eu-west-1",
            ["eventID"] = "5f0c7d2e-91aa-4b7e-8f00-6d2c1e9a7b31",
            ["eventType"] = "AwsCloudTrailInsight",
            ["recipientAccountId"] = "210987654321",
            ["sharedEventID"] = "0b1e2c3d-4f50-4a6b-9c7d-8e9f0a1b2c3d",
            ["insightDetails"] = details,
            ["eventCategory"] = "Insight",
        };
    }

    private static JsonObject Attribution(string attribute, (JsonNode? Value, double Average)[] during, (string Value, double Average)[] usual) => new()
    {
        ["attribute"] = attribute,
        ["insight"] = new JsonArray([.. during.Select(d => (JsonNode)new JsonObject { ["value"] = d.Value?.DeepClone(), ["average"] = d.Average })]),
        ["baseline"] = new JsonArray([.. usual.Select(u => (JsonNode)new JsonObject { ["value"] = u.Value, ["average"] = u.Average })]),
    };

    private static JsonObject Callers() => Attribution(
        "userIdentityArn",
        [("arn:aws:sts::210987654321:assumed-role/Deploy/ci", 40.0), ("arn:aws:iam::210987654321:user/mallory", 2.5)],
        [("arn:aws:sts::210987654321:assumed-role/Deploy/ci", 0.25)]);

    private static Notification Render(JsonObject record, NotificationLanguage language = NotificationLanguage.English) =>
        new Notifier(new RenderOptions(language, TimeZoneInfo.Utc) { ChatCards = true }).Notify(Encoding.UTF8.GetBytes(record.ToJsonString()));

    [Fact]
    public void The_top_callers_clients_and_error_codes_are_listed_with_their_usual_rates()
    {
        var record = Insight(attributions:
        [
            Callers(),
            Attribution("userAgent", [("aws-cli/2.15.0 Python/3.11", 42.5)], [("Boto3/1.34.0", 0.25)]),
            Attribution("errorCode", [("null", 40.0), ("AccessDenied", 2.5)], [("null", 0.25)]),
        ]);

        var notification = Render(record);

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, "insight with attributions");
        Assert.Contains(
            "  Insight: API call rate, start of the unusual activity\n"
            + "  Top callers in the unusual activity:\n"
            + "    - arn:aws:sts::210987654321:assumed-role/Deploy/ci: 40 a minute (usually 0.25)\n"
            + "    - arn:aws:iam::210987654321:user/mallory: 2.5 a minute (not among the usual top callers)\n"
            + "  Top clients in the unusual activity:\n"
            + "    - aws-cli/2.15.0 Python/3.11: 42.5 a minute (not among the usual top clients)\n"
            + "  Top error codes in the unusual activity:\n"
            + "    - no error (calls that succeeded): 40 a minute (usually 0.25)\n"
            + "    - AccessDenied: 2.5 a minute (not among the usual top error codes)\n"
            + "  Account: ",
            notification.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Japanese_lists_them_in_its_own_words()
    {
        var notification = Render(Insight(attributions: [Callers()]), NotificationLanguage.Japanese);

        NotificationInvariants.AssertValid(notification, NotificationLanguage.Japanese, "insight in Japanese");
        Assert.Contains(
            "  異常な活動の主な呼び出し元:\n"
            + "    - arn:aws:sts::210987654321:assumed-role/Deploy/ci: 毎分 40 回（通常は 0.25 回）\n"
            + "    - arn:aws:iam::210987654321:user/mallory: 毎分 2.5 回（通常の上位には含まれません）\n",
            notification.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_rate_insight_names_its_error_code()
    {
        var notification = Render(Insight("ApiErrorRateInsight", "ParameterNotFound", Callers()));

        Assert.Contains("  Insight: API error rate (ParameterNotFound), start of the unusual activity\n", notification.Message, StringComparison.Ordinal);
        Assert.Contains("*Insight:* API error rate (`ParameterNotFound`), start of the unusual activity", notification.ChatCard!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_user_agent_forges_no_line_and_no_link()
    {
        var agent = "curl/8.0\n  Severity: low, routine\r\n    - https://aws-login.example.com/reset\u2028<!channel>";
        var notification = Render(Insight(attributions: Attribution("userAgent", [(agent, 42.5)], [])));

        NotificationInvariants.AssertValid(notification, NotificationLanguage.English, "hostile user agent");
        Assert.Contains(
            "    - curl/8.0\\n  Severity: low, routine\\r\\n\u00B7\u00B7\u00B7\u00B7- https[:]//aws-login.example[.]com/reset\\u2028<!channel>: 42.5 a minute (not among the usual top clients)\n",
            notification.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\n  Severity: low", notification.Message, StringComparison.Ordinal);
        ChatCardInvariants.AssertValid(notification.ChatCard!, "hostile user agent");
        Assert.All(Description(notification).Split('\n'), line => Assert.All(ChatCardInvariants.OutsideCode(line), part => Assert.DoesNotContain("<!", part, StringComparison.Ordinal)));
        Assert.DoesNotContain("aws-login.example.com", notification.ChatCard!, StringComparison.Ordinal);
        Assert.Contains("https[:]//aws-login.example[.]com/reset", notification.ChatCard!, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_five_values_are_kept_and_unknown_or_malformed_entries_are_left_out()
    {
        var many = Enumerable.Range(1, 8).Select(i => ((JsonNode?)$"arn:aws:iam::210987654321:user/u{i}", 1.0 * i)).ToArray();
        var record = Insight(attributions:
        [
            Attribution("userIdentityArn", many, []),
            Attribution("userIdentityArn", [("arn:aws:iam::210987654321:user/second-list", 9.0)], []),
            Attribution("sourceIPAddress", [("198.51.100.7", 3.0)], []),
            Attribution("userAgent", [(new JsonObject { ["nested"] = "x" }, 3.0), (new JsonArray(), 1.0)], []),
        ]);
        record["insightDetails"]!["insightContext"]!["attributions"]!.AsArray().Add((JsonNode)JsonValue.Create("not an object"));

        var message = Render(record).Message;

        Assert.Contains("    - arn:aws:iam::210987654321:user/u5: 5 a minute", message, StringComparison.Ordinal);
        Assert.DoesNotContain("user/u6", message, StringComparison.Ordinal);
        Assert.DoesNotContain("second-list", message, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.7", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Top clients", message, StringComparison.Ordinal);
        Assert.Single(message.Split('\n'), line => line.StartsWith("  Top callers in the unusual activity:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rate_that_is_not_a_number_is_left_out_and_the_value_still_shown()
    {
        var record = Insight(attributions: Callers());
        record["insightDetails"]!["insightContext"]!["attributions"]![0]!["insight"]![1]!["average"] = "lots";

        var message = Render(record).Message;

        Assert.Contains("    - arn:aws:iam::210987654321:user/mallory (not among the usual top callers)\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chat_card_lists_them_as_the_email_does()
    {
        var notification = Render(Insight(attributions: Callers()));

        ChatCardInvariants.AssertValid(notification.ChatCard!, "insight chat card");
        var description = Description(notification);
        Assert.Contains(
            "*Top callers in the unusual activity:*\n"
            + "\u2022 `arn:aws:sts::210987654321:assumed-role/Deploy/ci`: 40 a minute (usually 0.25)\n"
            + "\u2022 `arn:aws:iam::210987654321:user/mallory`: 2.5 a minute (not among the usual top callers)\n",
            description,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_insight_without_attributions_reads_as_before()
    {
        var message = Render(Insight()).Message;

        Assert.Contains("  Insight: API call rate, start of the unusual activity\n  Account: ", message, StringComparison.Ordinal);
    }

    private static string Description(Notification notification) =>
        JsonDocument.Parse(notification.ChatCard!).RootElement.GetProperty("content").GetProperty("description").GetString()!;
}
