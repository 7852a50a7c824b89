using System.Text.Json;
using CloudTrailNotifier.Lambda;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>What the sweep tests send the sweeper and read from its answer.</summary>
internal static class SweepCalls
{
    /// <summary>The Scheduled Event the template's sweep rule sends, as one invocation.</summary>
    public static Invocation Sweep(string id) =>
        new(id, null, null, """{"detail-type":"Scheduled Event","source":"aws.events","detail":{}}"""u8.ToArray());

    /// <summary>How many due digests the sweep says it left for the next one (0 when its answer does not say).</summary>
    public static int Left(Delivery sweep) =>
        JsonDocument.Parse(sweep.Response).RootElement.TryGetProperty("left", out var left) ? left.GetInt32() : 0;
}
