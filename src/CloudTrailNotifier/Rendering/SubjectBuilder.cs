using System.Text;
using CloudTrailNotifier.Describing;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// The subject carries the gist: signal tags, the call, the resource, who, which account, e.g.
/// <c>[DENIED] GetSecretValue on prod/db by alice (111111111111)</c>, always under 100 characters.
/// </summary>
internal static class SubjectBuilder
{
    private const int MaxAction = 48;
    private const int MaxPiece = 40;
    private const int MinPiece = 10;
    private const int MaxAccountName = 24;

    public static string Build(EventFacts facts, Texts.Texts texts)
    {
        var ascii = texts.AsciiSubject;
        var tags = Tags(facts.Signals, texts);
        var action = SubjectText.Piece(facts.EventName, ascii, MaxAction) is { Length: > 0 } a ? a : texts.UnknownEvent;
        var resource = facts.Resources.Count == 0
            ? null
            : SubjectText.Piece(facts.Resources[0].Name, ascii, MaxPiece)
                + (facts.Resources.Count > 1 ? $" (+{facts.Resources.Count - 1})" : string.Empty);
        var actor = SubjectText.Piece(facts.Actor.Name, ascii, MaxPiece) is { Length: > 0 } n ? n : texts.UnknownCaller;
        var account = SubjectText.Piece(facts.Event.RecipientAccount, ascii, 16) is { Length: > 0 } acct ? acct : null;
        if (account is not null && SubjectText.Piece(facts.AccountName, ascii, MaxAccountName) is { Length: > 0 } accountName)
        {
            account = texts.SubjectAccount(account, accountName);
        }

        var subject = Compose(tags, texts.Subject(action, resource, actor, account));

        // Too long: shorten the resource, then the caller, then drop the account, then tags.
        var over = subject.Length - SubjectText.MaxLength;
        if (over > 0 && resource is not null && resource.Length > MinPiece)
        {
            resource = SubjectText.Shorten(resource, Math.Max(MinPiece, resource.Length - over), ascii);
            subject = Compose(tags, texts.Subject(action, resource, actor, account));
            over = subject.Length - SubjectText.MaxLength;
        }

        if (over > 0 && actor.Length > MinPiece)
        {
            actor = SubjectText.Shorten(actor, Math.Max(MinPiece, actor.Length - over), ascii);
            subject = Compose(tags, texts.Subject(action, resource, actor, account));
            over = subject.Length - SubjectText.MaxLength;
        }

        if (over > 0 && account is not null)
        {
            subject = Compose(tags, texts.Subject(action, resource, actor, null));
        }

        while (subject.Length > SubjectText.MaxLength && tags.Count > 1)
        {
            tags.RemoveAt(tags.Count - 1);
            subject = Compose(tags, texts.Subject(action, resource, actor, null));
        }

        return SubjectText.Shorten(subject, SubjectText.MaxLength, ascii);
    }

    private static List<string> Tags(Signals signals, Texts.Texts texts)
    {
        var tags = new List<string>(4);
        foreach (var signal in SignalOrder.All)
        {
            if (signals.HasFlag(signal))
            {
                tags.Add(texts.SubjectTag(signal));
            }
        }

        return tags;
    }

    private static string Compose(List<string> tags, string core)
    {
        if (tags.Count == 0)
        {
            return core;
        }

        var builder = new StringBuilder(SubjectText.MaxLength + 16);
        foreach (var tag in tags)
        {
            builder.Append('[').Append(tag).Append(']');
        }

        return builder.Append(' ').Append(core).ToString();
    }
}
