using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering.Chat;

/// <summary>
/// The chat card for an event's facts, pure: the title is the subject's gist (severity, signals, call, resource,
/// caller, account), the description the email's summary, signals and next steps in chat markdown, with links to
/// the event and the resource. The words are the email's (<see cref="SummaryPhrases"/>); every value from the event
/// stands in a code span (<see cref="ChatMarkdown.Code"/>), and the links are the console addresses the program built.
/// </summary>
internal static class ChatCardRenderer
{
    /// <summary>Well inside what a chat title shows; a subject is under 100.</summary>
    public const int MaxTitleChars = 250;

    private const int MaxIdentifier = 256;
    private const int MaxErrorMessage = 300;
    private const int MaxCommand = 1000;
    private const int MaxSummary = 300;
    private const int MaxResourceLinks = 3;

    /// <summary>The chat escaping: a code span; a blank value shows as a dash.</summary>
    public static Func<string, int, string> Escape { get; } = (value, max) => ChatMarkdown.Code(value, max) ?? "-";

    private static readonly Func<string, int, string> PlainEscape = ChatMarkdown.Plain;

    /// <param name="id">The card's id (the email's FIFO id, so both carry the same).</param>
    public static ChatCard Render(EventFacts facts, RenderOptions options, string id)
    {
        var t = Texts.For(options.Language);
        var chat = ChatTexts.For(options.Language);
        var phrases = new SummaryPhrases(t, Escape);
        var evt = facts.Event;

        var layout = new ChatLayout(Closing(facts, phrases, chat));
        layout.Line(phrases.Headline(facts));
        layout.Field(t.Assessment.SeverityLabel, t.Assessment.SeverityValue(facts.Assessment.Severity));
        layout.Field(t.Assessment.RiskLabel, phrases.Risk(facts));
        layout.Field(t.Who, phrases.Who(facts));
        layout.Field(t.Action, phrases.Action(facts));
        layout.Field(facts.Insight is null ? t.Result : t.Assessment.InsightLabel, facts.Insight is { } insight ? t.Assessment.InsightValue(insight, phrases.Safe(insight.ErrorCode)) : phrases.Result(facts));
        WriteAttributions(layout, facts.Insight, phrases);
        layout.Field(t.ErrorMessage, phrases.Safe(facts.ErrorMessage, MaxErrorMessage));
        WriteResources(layout, facts.Resources, phrases);
        layout.Field(t.Assessment.SharingLabel, phrases.Sharing(facts));
        layout.Field(t.Account, phrases.Account(facts));
        layout.Field(t.From, phrases.From(facts));
        layout.Field(phrases.ClientLabel(facts), phrases.Client(facts));
        layout.Field(t.When, phrases.When(facts, options.TimeZone));
        WriteSignals(layout, facts, phrases);
        WriteNextSteps(layout, facts, t.Assessment);

        var identity = Folding.FoldEventReader.Identity(evt.Envelope ?? evt.Record);
        var severity = facts.Assessment.Severity.ToString().ToLowerInvariant();
        return new ChatCard(
            id,
            Title(facts, t),
            layout.Finish(chat.LinesOmitted),
            Keywords(severity, evt.RecipientAccount, evt.Region, facts.ServiceName ?? evt.EventSource),
            ChatThread.Id(identity.Account, identity.Principal, identity.Resource),
            ChatMarkdown.Plain(new SummaryPhrases(t, PlainEscape).Headline(facts), MaxSummary),
            ChatMarkdown.Plain($"{evt.EventSource ?? "-"} {facts.EventName ?? t.UnknownEvent}", 160),
            facts.Resources.Select(r => ChatMarkdown.Plain(r.Identifier, MaxIdentifier)).Where(r => r.Length > 0).ToList());
    }

    /// <summary>The keywords Amazon Q shows as tags: severity, account, region, service (the blank ones left out).</summary>
    public static IReadOnlyList<string> Keywords(params ReadOnlySpan<string?> values)
    {
        var keywords = new List<string>(values.Length);
        foreach (var value in values)
        {
            if (ChatMarkdown.Plain(value, 64) is { Length: > 0 } keyword && !keywords.Contains(keyword))
            {
                keywords.Add(keyword);
            }
        }

        return keywords;
    }

    /// <summary>
    /// ":red_circle: [CRITICAL][CONSOLE] `AttachUserPolicy` on `AdministratorAccess` (+1) by `alice` (`111111111111`)", at most
    /// <see cref="MaxTitleChars"/>: escapes can make a value up to ten times longer, so the pieces get less room until it fits.
    /// </summary>
    private static string Title(EventFacts facts, Texts t)
    {
        var tags = string.Concat(SubjectBuilder.Tags(facts, t).Select(tag => $"[{tag}]"));
        var prefix = $"{ChatTexts.SeverityEmoji(facts.Assessment.Severity)} {tags}{(tags.Length > 0 ? " " : string.Empty)}";
        foreach (var room in (ReadOnlySpan<int>)[64, 32, 16, 8, 2])
        {
            var title = ChatMarkdown.SpaceCodeSpans(prefix + Core(facts, t, room));
            if (title.Length <= MaxTitleChars)
            {
                return title;
            }
        }

        return prefix + t.UnknownEvent;
    }

    private static string Core(EventFacts facts, Texts t, int room)
    {
        var action = ChatMarkdown.Code(facts.EventName, room) ?? t.UnknownEvent;
        var resource = facts.Resources.Count == 0
            ? null
            : (ChatMarkdown.Code(facts.Resources[0].Name, room) ?? "-") + (facts.Resources.Count > 1 ? $" (+{facts.Resources.Count - 1})" : string.Empty);
        var actor = ChatMarkdown.Code(facts.Actor.Name, room * 3 / 4) ?? t.UnknownCaller;
        var account = ChatMarkdown.Code(facts.Event.RecipientAccount, 16) is { } id
            ? ChatMarkdown.Code(facts.AccountName, Math.Min(room, 24)) is { } name ? t.SubjectAccount(id, name) : id
            : null;
        return t.Subject(action, resource, actor, account);
    }

    private static void WriteResources(ChatLayout layout, IReadOnlyList<ResourceRef> resources, SummaryPhrases phrases)
    {
        var t = phrases.Texts;
        if (resources.Count == 1)
        {
            layout.Field(t.Resource, phrases.ResourceWithIdentifier(resources[0], MaxIdentifier));
            return;
        }

        if (resources.Count > 1)
        {
            layout.Line(ChatMarkdown.Bold(t.Resources + ":"));
            foreach (var resource in resources)
            {
                layout.Item(phrases.ResourceWithIdentifier(resource, MaxIdentifier));
            }
        }
    }

    /// <summary>An Insights event's top callers, clients and error codes, as in the email.</summary>
    private static void WriteAttributions(ChatLayout layout, InsightFacts? insight, SummaryPhrases phrases)
    {
        var t = phrases.Texts.Assessment;
        foreach (var attribution in insight?.Attributions ?? [])
        {
            layout.Line(ChatMarkdown.Bold(t.InsightAttributionLabel(attribution.Kind) + ":"));
            foreach (var contributor in attribution.Contributors)
            {
                layout.Item(t.InsightContributor(attribution.Kind, phrases.Safe(contributor.Value) ?? phrases.Texts.Unknown, contributor));
            }
        }
    }

    private static void WriteSignals(ChatLayout layout, EventFacts facts, SummaryPhrases phrases)
    {
        if (facts.Signals == Signals.None)
        {
            return;
        }

        layout.Heading(phrases.Texts.SignalsTitle);
        foreach (var signal in phrases.Signals(facts))
        {
            layout.Item(signal);
        }
    }

    private static void WriteNextSteps(ChatLayout layout, EventFacts facts, AssessmentTexts t)
    {
        if (ForgedEventCheck.Applies(facts))
        {
            // As in the email: not the sender's commands, only how to check whether CloudTrail recorded the call.
            layout.Heading(t.NextStepsTitle);
            layout.Line(t.ForgedStepsNote);
            layout.Item(ForgedEventCheck.Command(facts) is { } lookup
                ? $"{t.ForgedLookup} {ChatMarkdown.Code(CommandText.Clean(lookup, MaxCommand), 5 * MaxCommand)}"
                : t.ForgedIdNotCloudTrails);
            return;
        }

        if (facts.Assessment.NextSteps.Count == 0)
        {
            return;
        }

        layout.Heading(t.NextStepsTitle);
        layout.Line(t.NextStepsNote);
        foreach (var step in facts.Assessment.NextSteps)
        {
            layout.Item($"{t.NextStep(step.Kind)} {ChatMarkdown.Code(CommandText.Clean(step.Command, MaxCommand), 5 * MaxCommand) ?? "-"}");
        }
    }

    /// <summary>The links (the event, then the first resources' console pages) and where the rest is.</summary>
    private static IEnumerable<string> Closing(EventFacts facts, SummaryPhrases phrases, ChatTexts chat)
    {
        var t = phrases.Texts;
        var links = new List<string>(1 + MaxResourceLinks);
        if (ChatMarkdown.Link(ConsoleLinks.CloudTrailEvent(facts.Event.Region, facts.Event.EventId), t.CloudTrailEventLink) is { } eventLink)
        {
            links.Add(eventLink);
        }

        foreach (var resource in facts.Resources)
        {
            if (links.Count <= MaxResourceLinks
                && ChatMarkdown.Link(resource.ConsoleUrl, t.ResourceLabel(resource.Kind, ChatMarkdown.Plain(resource.Source, 64))) is { } link)
            {
                links.Add(link);
            }
        }

        if (links.Count > 0)
        {
            yield return string.Join(" \u00B7 ", links);
        }

        yield return chat.DetailsInEmail;
    }
}
