using System.Text.Json;
using CloudTrailNotifier.Matching;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// <c>--match PATTERN.json</c>: lets through only the events an EventBridge event pattern matches, counting both,
/// so a day of logs can be replayed through exactly the rule a stack deploys.
/// </summary>
internal sealed class MatchFilter(EventPattern pattern, string path)
{
    public const string Flag = "--match";

    public const string Description =
        "Only the events this EventBridge event pattern (a JSON file) matches, e.g. events/patterns/watch-secret.json or a deployed "
        + "rule's (aws events describe-rule --name STACK-watch --query EventPattern --output text). A bare CloudTrail record is "
        + "matched as the event EventBridge would deliver for it. Only the pattern decides: a rule in state ENABLED would not "
        + "even receive read-only calls (the stack's watch rule opts in to them).";

    public int Seen { get; private set; }

    public int Matched { get; private set; }

    /// <summary>The filter for <paramref name="patternPath"/>, or null (with one line in <paramref name="error"/>) when it cannot be used.</summary>
    public static MatchFilter? Load(string patternPath, out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(patternPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{Flag} {patternPath}: " + ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "cannot be read: permission denied",
                _ => "cannot be read: " + ex.Message,
            };
            return null;
        }

        try
        {
            var json = bytes.AsMemory();
            if (json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                json = json[3..]; // a byte order mark, as Windows editors write
            }

            return new MatchFilter(EventPattern.Parse(json), patternPath);
        }
        catch (PatternException ex)
        {
            error = $"{Flag} {patternPath}: not a usable event pattern: {ex.Message}";
            return null;
        }
    }

    /// <summary>The events that match, in order; each element stays valid as long as the source's does.</summary>
    public IEnumerable<JsonElement> Apply(IEnumerable<JsonElement> events)
    {
        foreach (var evt in events)
        {
            Seen++;
            if (pattern.Matches(evt))
            {
                Matched++;
                yield return evt;
            }
        }
    }

    /// <summary>One line on standard error (standard output holds only the notifications).</summary>
    public void WriteSummary(CliEnvironment environment)
    {
        environment.StandardOutput.Flush();
        var noun = Seen == 1 ? "event" : "events";
        environment.StandardError.Write($"match: {Matched} of {Seen} {noun} matched {Rendering.SafeText.Clean(path, 500, markSpaceRuns: false)}\n");
        environment.StandardError.Flush();
    }
}
