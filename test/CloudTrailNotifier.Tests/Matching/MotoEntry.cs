using System.Text.Json.Nodes;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>
/// An event as PutEvents takes it, and the event EventBridge (and moto) builds from it for the rules: moto fills in
/// its own account and region, an id and the time, which no compared pattern looks at.
/// </summary>
internal sealed record MotoEntry(string Name, string Source, string DetailType, string Detail, string ResourcesJson)
{
    /// <summary>The entry for an EventBridge event: its source, detail-type, detail and resources.</summary>
    public static MotoEntry From(string name, string envelopeJson)
    {
        var envelope = JsonNode.Parse(envelopeJson)!.AsObject();
        return new MotoEntry(
            name,
            envelope["source"]!.GetValue<string>(),
            envelope["detail-type"]!.GetValue<string>(),
            envelope["detail"]!.ToJsonString(),
            envelope["resources"]?.ToJsonString() ?? "[]");
    }

    /// <summary>The event the rules see (without the id and time moto adds).</summary>
    public string Delivered =>
        $$"""{"version":"0","detail-type":{{JsonValue.Create(DetailType).ToJsonString()}},"source":{{JsonValue.Create(Source).ToJsonString()}},"account":"{{Support.MotoServer.AccountId}}","region":"{{Support.MotoServer.Region}}","resources":{{ResourcesJson}},"detail":{{Detail}}}""";

    public override string ToString() => Name;
}
