using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Notifications;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The message attributes subscription filter policies match on. At most ten, so SQS subscriptions with
/// raw message delivery still receive them; values are escaped, short and never empty.
/// </summary>
internal static class MessageAttributesBuilder
{
    public const int MaxAttributes = 10;
    private const int MaxValueChars = 256;
    private const string Unknown = "unknown";

    public static IReadOnlyList<MessageAttribute> Build(EventFacts facts)
    {
        var evt = facts.Event;
        var attributes = new List<MessageAttribute>(MaxAttributes)
        {
            Attribute("eventSource", evt.EventSource ?? facts.Insight?.EventSource),
            Attribute("eventName", evt.EventName ?? facts.Insight?.EventName),
            Attribute("account", evt.RecipientAccount),
            Attribute("region", evt.Region),
            Attribute("actorType", facts.Actor.TypeText),
            Attribute("readOnly", evt.ReadOnly switch { true => "true", false => "false", null => null }),
            Attribute("outcome", facts.Outcome switch
            {
                Outcome.Denied => "denied",
                Outcome.Failed => "failed",
                _ => "succeeded",
            }),
            new MessageAttribute("severity", facts.Assessment.SeverityName),
        };

        if (facts.ErrorCode is not null)
        {
            attributes.Add(Attribute("errorCode", facts.ErrorCode));
        }

        if (facts.Signals != Signals.None)
        {
            attributes.Add(new MessageAttribute("signals", SignalNames(facts.Signals)));
        }

        return attributes;
    }

    /// <summary>The attributes of a notification for an event that could not be interpreted.</summary>
    public static IReadOnlyList<MessageAttribute> ForUninterpretable(string? eventSource, string? account, string? region) =>
    [
        Attribute("eventSource", eventSource),
        Attribute("eventName", null),
        Attribute("account", account),
        Attribute("region", region),
        Attribute("actorType", null),
        Attribute("readOnly", null),
        new MessageAttribute("outcome", "uninterpretable"),

        // Unread, it could be anything: high, so routes that page on high and critical still see it.
        new MessageAttribute("severity", "high"),
    ];

    private static MessageAttribute Attribute(string name, string? value) =>
        new(name, string.IsNullOrWhiteSpace(value) ? Unknown : SafeText.Clean(value, MaxValueChars, markSpaceRuns: false));

    /// <summary>The signals' names as the enum spells them, most alarming first, joined by commas; written once into
    /// a string of its length (Enum.ToString looks each name up in the enum's metadata).</summary>
    internal static string SignalNames(Signals signals)
    {
        var length = -1;
        foreach (var signal in SignalOrder.In(signals))
        {
            length += Name(signal).Length + 1;
        }

        return string.Create(length, signals, static (text, signals) =>
        {
            var at = 0;
            foreach (var signal in SignalOrder.In(signals))
            {
                if (at > 0)
                {
                    text[at++] = ',';
                }

                var name = Name(signal);
                name.CopyTo(text[at..]);
                at += name.Length;
            }
        });
    }

    private static string Name(Signals signal) => signal switch
    {
        Signals.AccessDenied => nameof(Signals.AccessDenied),
        Signals.Error => nameof(Signals.Error),
        Signals.Root => nameof(Signals.Root),
        Signals.NoMfa => nameof(Signals.NoMfa),
        Signals.CrossAccount => nameof(Signals.CrossAccount),
        Signals.ConsoleSession => nameof(Signals.ConsoleSession),
        Signals.AwsService => nameof(Signals.AwsService),
        Signals.Tampering => nameof(Signals.Tampering),
        Signals.UnknownAccount => nameof(Signals.UnknownAccount),
        Signals.NotFromAws => nameof(Signals.NotFromAws),
        _ => signal.ToString(),
    };
}
