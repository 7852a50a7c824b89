using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The subject carries the gist: severity and signal tags, the call, the resource, who, which account, e.g.
/// <c>[DENIED] GetSecretValue on prod/db by alice (111111111111)</c>, always under 100 characters. One budget
/// for the whole line is spent by priority: tags, call, resource, caller, account. A part is cut only when
/// the parts before it leave it no room, and the account is dropped before anything is cut.
/// </summary>
internal static class SubjectBuilder
{
    private const int MaxAction = 80;

    /// <summary>What the caller keeps at least while the resource is cut, so "by ..." still says something.</summary>
    private const int MinActor = 16;

    private const int MaxAccountName = 24;

    public static string Build(EventFacts facts, Texts texts)
    {
        var ascii = texts.AsciiSubject;
        var max = SubjectText.MaxLength;
        var tags = Tags(facts, texts);
        var action = SubjectText.Piece(facts.EventName, ascii, MaxAction) is { Length: > 0 } a ? a : texts.UnknownEvent;
        var more = facts.Resources.Count > 1 ? $" (+{facts.Resources.Count - 1})" : string.Empty;
        var resource = facts.Resources.Count == 0 ? null : SubjectText.Piece(facts.Resources[0].Name, ascii, max);
        var actor = SubjectText.Piece(facts.Actor.Name, ascii, max) is { Length: > 0 } n ? n : texts.UnknownCaller;
        var account = SubjectText.Piece(facts.Event.RecipientAccount, ascii, 64) is { Length: > 0 } acct ? acct : null;
        if (account is not null && SubjectText.Piece(facts.AccountName, ascii, MaxAccountName) is { Length: > 0 } accountName)
        {
            account = texts.SubjectAccount(account, accountName);
        }

        string Make(string? r, string who, string? acct) => Compose(tags, texts.Subject(action, r is null ? null : r + more, who, acct));

        var subject = Make(resource, actor, account);
        if (subject.Length <= max)
        {
            return subject;
        }

        subject = Make(resource, actor, null);
        if (subject.Length <= max)
        {
            return subject;
        }

        // Share what is left after the tags and the call between the resource (first) and the caller; a
        // call name so long that it leaves them no room is cut first.
        var room = max - Make(resource is null ? null : string.Empty, string.Empty, null).Length;
        var least = Math.Min(actor.Length, MinActor) + (resource is null ? 0 : 8);
        if (room < least)
        {
            action = SubjectText.Shorten(action, Math.Max(8, action.Length - (least - room)), ascii);
            room = max - Make(resource is null ? null : string.Empty, string.Empty, null).Length;
        }

        var forResource = resource is null ? 0 : Math.Min(resource.Length, Math.Max(0, room - Math.Min(actor.Length, MinActor)));
        var forActor = Math.Max(0, room - forResource);
        var cutResource = resource is null ? null : SubjectText.Shorten(resource, Math.Max(forResource, 4), ascii);
        subject = Make(cutResource, SubjectText.Shorten(actor, Math.Max(forActor, 4), ascii), null);

        // Still too long (many tags): drop the least alarming tags, keeping the first.
        while (subject.Length > max && tags.Count > 1)
        {
            tags.RemoveAt(tags.Count - 1);
            subject = Make(cutResource, SubjectText.Shorten(actor, Math.Max(forActor, 4), ascii), null);
        }

        return SubjectText.Shorten(subject, max, ascii);
    }

    /// <summary>The severity, decoy and signal tags, most alarming first (the chat card's title shows them too).</summary>
    internal static List<string> Tags(EventFacts facts, Texts texts)
    {
        var tags = new List<string>(6);
        if (texts.Assessment.SubjectTag(facts.Assessment.Severity) is { } severity)
        {
            tags.Add(severity);
        }

        if (facts.Assessment.DecoyTouched)
        {
            tags.Add(texts.Assessment.DecoyTag);
        }

        foreach (var signal in SignalOrder.In(facts.Signals))
        {
            tags.Add(texts.SubjectTag(signal));
        }

        return tags;
    }

    private static string Compose(List<string> tags, string core)
    {
        if (tags.Count == 0)
        {
            return core;
        }

        // "[tag][tag] core", written once into a string of its exact length.
        var length = core.Length + 1;
        foreach (var tag in tags)
        {
            length += tag.Length + 2;
        }

        return string.Create(length, (tags, core), static (text, parts) =>
        {
            var at = 0;
            foreach (var tag in parts.tags)
            {
                text[at++] = '[';
                tag.CopyTo(text[at..]);
                at += tag.Length;
                text[at++] = ']';
            }

            text[at++] = ' ';
            parts.core.CopyTo(text[at..]);
        });
    }
}
