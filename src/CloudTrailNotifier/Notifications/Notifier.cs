using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.Redaction;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Rendering.Chat;
using CloudTrailNotifier.Sns;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Notifications;

/// <summary>
/// The pipeline: bytes or a parsed element, then the event, then its facts, then the notification. Pure
/// (the same event always gives the same notification), and total: every input, including bytes that are not
/// JSON and records of shapes never seen before, yields a notification within SNS's limits (the fallback when
/// it cannot be interpreted). Its renderer keeps buffers from one event to the next, so one notifier serves
/// one thread at a time (the function handles one invocation at a time; the command line renders in order).
/// </summary>
/// <param name="foldFacts">With noise control, what folding reads of the event (<see cref="Folding.FoldEventReader.Read(JsonElement)"/>):
/// given the redacted event, so nothing folding stores or shows escapes the redaction; its answer rides on the notification.</param>
internal sealed class Notifier(RenderOptions options, Func<JsonElement, Folding.FoldEvent?>? foldFacts = null)
{
    /// <summary>The most of an uninterpretable event's text carried in its notification, in UTF-8 bytes read.</summary>
    private const int MaxRawBytes = FallbackNotification.MaxRawChars * 4;

    private readonly NotificationRenderer _renderer = new(options);
    private readonly Texts _texts = Texts.For(options.Language);
    private readonly JsonRedactor _redactor = new(Markers(Texts.For(options.Language)));
    private readonly UserAgentMemo _clients = new();

    public RenderOptions Options => _renderer.Options;

    /// <summary>Notifies about raw UTF-8 bytes, as the Lambda function receives them.</summary>
    public Notification Notify(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = InputReader.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            // The position only: a parser message may quote the event's own characters.
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            return Fallback(utf8Json.Span, "the event is not valid JSON" + where, envelope: null);
        }

        using (document)
        {
            return Notify(document.RootElement);
        }
    }

    /// <summary>Notifies about a parsed event (an EventBridge envelope or a bare CloudTrail record).</summary>
    /// <remarks>Secrets are redacted first, so nothing downstream (facts, any output format, the fallback) sees them.</remarks>
    public Notification Notify(JsonElement root)
    {
        var receivedBytes = JsonMarshal.GetRawUtf8Value(root).Length;
        JsonDocument? redacted;
        try
        {
            redacted = _redactor.Redact(root) is { } bytes ? InputReader.Parse(bytes) : null;
        }
#pragma warning disable CA1031 // Never dropped, never leaked: an event that cannot be redacted is shown as text, redacted by shape.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fallback(JsonMarshal.GetRawUtf8Value(root), FormatterFailed(ex), envelope: null);
        }

        using (redacted)
        {
            var clean = redacted?.RootElement ?? root;
            var notification = NotifyRedacted(clean, root, receivedBytes);
            return foldFacts is null ? notification : notification with { Fold = FoldFacts(clean) };
        }
    }

    /// <summary>Folding's facts of the redacted event; null when reading them fails (the event is then sent on its own).</summary>
    private Folding.FoldEvent? FoldFacts(JsonElement redacted)
    {
        try
        {
            return foldFacts!(redacted);
        }
#pragma warning disable CA1031 // Fail open: an event whose fold facts cannot be read is notified on its own, never lost.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>The pipeline after redaction: event, facts, notification; <paramref name="received"/> is the event before redaction.</summary>
    private Notification NotifyRedacted(JsonElement root, JsonElement received, int receivedBytes)
    {
        var envelope = root.ValueKind == JsonValueKind.Object ? root : (JsonElement?)null;
        if (!CloudTrailEvent.TryCreate(root, out var evt, out var problem))
        {
            return Fallback(JsonMarshal.GetRawUtf8Value(root), problem!, envelope, receivedBytes);
        }

        EventFacts facts;
        try
        {
            facts = EventFactsBuilder.Build(evt, options.TamperWatch, DecoysOf(received), options.AccountNames, _clients);
        }
#pragma warning disable CA1031 // The point is to catch everything: an alert is never dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fallback(JsonMarshal.GetRawUtf8Value(root), FormatterFailed(ex), envelope, receivedBytes);
        }

        try
        {
            return _renderer.Render(facts);
        }
#pragma warning disable CA1031 // The point is to catch everything: an alert is never dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fallback(JsonMarshal.GetRawUtf8Value(root), FormatterFailed(ex), envelope, receivedBytes);
        }
    }

    /// <summary>
    /// The decoys, with the one the event names as received: a decoy named like a token (<c>sk_live_...</c>) is
    /// hidden in the redacted event, and must still make the call critical. Shown redacted, as the event is.
    /// </summary>
    private DecoySecrets DecoysOf(JsonElement received)
    {
        var decoys = options.DecoySecrets;
        return decoys.Names.Count > 0 && CloudTrailEvent.TryCreate(received, out var evt, out _) && decoys.NamedIn(evt) is { } name
            ? decoys.Touching(TextRedactor.Redact(name, _redactor.Markers))
            : decoys;
    }

    /// <summary>The exception's type only: its message may carry a value from the event.</summary>
    private static string FormatterFailed(Exception ex) => $"the formatter failed on this event ({ex.GetType().Name})";

    private static RedactionMarkers Markers(Texts texts) => new(texts.Redacted, texts.HiddenByCloudTrail);

    /// <summary>
    /// The notification for an event that cannot be interpreted. Its text is redacted by shape and by key
    /// (damaged JSON, JSON inside strings) before it is cut, so a secret is neither shown nor half-shown.
    /// </summary>
    /// <param name="receivedBytes">Set when <paramref name="raw"/> is the event already redacted by key; its size as received.</param>
    private Notification Fallback(ReadOnlySpan<byte> raw, string problem, JsonElement? envelope, int? receivedBytes = null)
    {
        var text = Encoding.UTF8.GetString(raw.Length > MaxRawBytes ? raw[..MaxRawBytes] : raw);
        text = receivedBytes is null ? TextRedactor.Redact(text, _redactor.Markers) : text;
        string? source = null, account = null, region = null;
        if (envelope is { } e)
        {
            var detail = JsonFields.Object(e, "detail") ?? e;
            source = JsonFields.String(detail, "eventSource") ?? JsonFields.String(e, "source");
            account = JsonFields.String(e, "account") ?? JsonFields.String(detail, "recipientAccountId");
            region = JsonFields.String(e, "region") ?? JsonFields.String(detail, "awsRegion");
        }

        var uninterpretable = new UninterpretableEvent(text, receivedBytes ?? raw.Length, problem, Redact(source), Redact(account), Redact(region));
        var notification = FallbackNotification.Create(uninterpretable, _texts);
        return options.ChatCards
            ? notification with { ChatCard = ChatCardJson.Write(ChatFallbackCard.Render(uninterpretable, options, FifoMessageIds.For(notification))) }
            : notification;
    }

    private string? Redact(string? value) => value is null ? null : TextRedactor.Redact(value, _redactor.Markers);
}
