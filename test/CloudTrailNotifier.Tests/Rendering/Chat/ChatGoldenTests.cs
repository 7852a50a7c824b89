using System.Text.Json;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Rendering.Chat;

/// <summary>
/// Every sample event in events/ as the chat card <c>render --output chat</c> prints, in English and Japanese: the JSON
/// line Amazon Q receives, then its title and description as a chat user reads them.
/// </summary>
public sealed class ChatGoldenTests
{
    public const string Folder = "Chat";

    public static TheoryData<string, string> SampleEvents() => GoldenTests.SampleEvents();

    [Theory]
    [MemberData(nameof(SampleEvents))]
    public void Sample_event_renders_as_the_approved_card(string name, string language)
    {
        var path = Path.Combine(TestPaths.EventsDirectory, name + ".json");
        var chat = CliRunner.Run("render", path, "--language", language, "--time-zone", "Asia/Tokyo",
            "--tamper-watch-resources", SampleStack.WatchListWithFunction, "--decoy-secrets", "honeypot/db-admin", "--output", "chat");

        Assert.Equal((0, string.Empty), (chat.ExitCode, chat.Stderr));
        var line = Assert.Single(chat.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var card = ChatCardInvariants.AssertValid(line, name);
        Golden.Verify($"{Folder}/{name}.{language}", Readable(line, card));
    }

    [Fact]
    public void Every_approved_card_belongs_to_a_sample_event()
    {
        var events = Corpus.SampleEventFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var orphans = Directory.GetFiles(Path.Combine(Golden.Directory, Folder), "*.approved.txt")
            .Select(Path.GetFileName)
            .Where(file => !events.Contains(file!.Split('.')[0]))
            .ToList();

        Assert.Empty(orphans);
    }

    /// <summary>The golden text: the card's JSON line, then what the chat shows (title, blank line, description).</summary>
    public static string Readable(string line, JsonElement card)
    {
        var content = card.GetProperty("content");
        return $"{line}\n----- as the chat shows it -----\n{content.GetProperty("title").GetString()}\n\n{content.GetProperty("description").GetString()}\n";
    }
}
