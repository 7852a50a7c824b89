using System.Text;
using System.Text.Json.Nodes;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Builds test events from the seed event, changing only what a test is about.</summary>
internal static class TestEvents
{
    public static string SeedPath => Path.Combine(TestPaths.EventsDirectory, "secretsmanager-get-secret-value.json");

    public static JsonObject Seed() => JsonNode.Parse(File.ReadAllText(SeedPath))!.AsObject();

    /// <summary>The seed event with its CloudTrail record changed by <paramref name="change"/>.</summary>
    public static byte[] SeedWith(Action<JsonObject> change)
    {
        var envelope = Seed();
        change(envelope["detail"]!.AsObject());
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    /// <summary>An envelope around a record given as JSON text.</summary>
    public static byte[] Envelope(string recordJson) =>
        Encoding.UTF8.GetBytes($$"""{"version":"0","id":"e1","detail-type":"AWS API Call via CloudTrail","source":"aws.test","account":"111111111111","time":"2024-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{{recordJson}}}""");
}
