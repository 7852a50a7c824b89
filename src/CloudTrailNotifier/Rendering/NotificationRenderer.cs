using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering;

/// <summary>Turns one event into a notification. Pure, and never throws for any input.</summary>
internal sealed class NotificationRenderer(RenderOptions options)
{
    public RenderOptions Options { get; } = options;

    /// <summary>Renders raw UTF-8 bytes; bytes that are not JSON still yield a notification that says so.</summary>
    public Notification Render(ReadOnlySpan<byte> utf8Json)
    {
        // WORK IN PROGRESS: placeholder until the real renderer lands.
        using var document = JsonDocument.Parse(utf8Json.ToArray(), InputReader.Options);
        return Render(document.RootElement);
    }

    public Notification Render(JsonElement root)
    {
        // WORK IN PROGRESS: placeholder until the real renderer lands.
        var name = root.TryGetProperty("detail", out var d) && d.TryGetProperty("eventName", out var n) ? n.ToString() : "event";
        return new Notification(name, root.GetRawText(), [new MessageAttribute("eventName", name)], null);
    }
}
