using System.Text;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Events;
using CloudTrailNotifier.Rendering.Languages;

namespace CloudTrailNotifier.Rendering;

/// <summary>
/// Writes the message body: a headline sentence, a summary a reader takes in at a glance (who, what,
/// result, resource, account, from where, with what, when), signals, links, then the details.
/// </summary>
/// <remarks>
/// One per renderer: it keeps its text buffer from one body to the next (sized by the largest body so far), so a
/// body costs one string, not a buffer grown piece by piece. Not for use by two threads at once.
/// </remarks>
internal sealed class BodyWriter
{
    private const int MaxPiece = 256;
    private const int RequestParametersLines = 300;
    private const int RequestParametersChars = 32 * 1024;
    private const int ExtraSectionLines = 120;
    private const int ExtraSectionChars = 8 * 1024;

    private readonly RenderOptions _options;
    private readonly Texts _texts;
    private readonly TextLayout _layout;
    private readonly SummaryPhrases _phrases;
    private readonly DetailsWriter _details;

    /// <summary>The footer: it depends on the options only.</summary>
    private readonly string _footer;

    public BodyWriter(RenderOptions options, Texts texts)
    {
        _options = options;
        _texts = texts;
        _layout = new TextLayout(new StringBuilder(8 * 1024), texts.CharactersOmitted);
        _footer = texts.Footer(WhenPhrase.IsUtc(options.TimeZone) ? null : options.TimeZone.Id);
        _phrases = new SummaryPhrases(texts, SummaryPhrases.Email);
        _details = new DetailsWriter(_layout.Builder, texts);
    }

    public string Write(EventFacts facts)
    {
        var layout = _layout;
        var t = _texts;
        layout.Builder.Clear();
        WriteSummary(layout, facts, _options, _phrases);
        WriteSignals(layout, facts, _phrases);
        AssessmentWriter.WriteNextSteps(layout, facts, t.Assessment);
        WriteLinks(layout, facts, t);
        WriteIdentity(layout, facts, _phrases);
        WriteRequest(layout, facts, t);
        WriteJsonSection(layout, facts.RequestParameters, t.RequestParametersTitle, RequestParametersLines, RequestParametersChars);
        WriteJsonSection(layout, facts.AdditionalEventData, t.AdditionalEventDataTitle, ExtraSectionLines, ExtraSectionChars);
        WriteJsonSection(layout, facts.ResponseElements, t.ResponseElementsTitle, ExtraSectionLines, ExtraSectionChars);
        WriteIdentifiers(layout, facts.Event, t);
        layout.BlankLine();
        layout.Line("--");
        layout.Line(_footer);
        return layout.Builder.ToString();
    }

    private static void WriteSummary(TextLayout layout, EventFacts facts, RenderOptions options, SummaryPhrases phrases)
    {
        var t = phrases.Texts;
        layout.Line(phrases.Headline(facts));
        layout.BlankLine();

        AssessmentWriter.WriteSummary(layout, facts, phrases);
        layout.Field(t.Who, phrases.Who(facts));
        layout.Field(t.Action, phrases.Action(facts));
        if (facts.Insight is { } insight)
        {
            layout.Field(t.Assessment.InsightLabel, t.Assessment.InsightValue(insight, phrases.Safe(insight.ErrorCode)));
            WriteAttributions(layout, insight, phrases);
        }
        else
        {
            layout.Field(t.Result, phrases.Result(facts));
        }

        layout.UntrustedField(t.ErrorMessage, facts.ErrorMessage);

        WriteResources(layout, facts.Resources, facts.OmittedResources, phrases);
        AssessmentWriter.WriteSharing(layout, facts, phrases);

        if (phrases.Account(facts) is { } account)
        {
            layout.Field(t.Account, account);
        }

        layout.Field(t.From, phrases.From(facts));
        layout.Field(phrases.ClientLabel(facts), phrases.Client(facts));
        layout.Field(t.When, phrases.When(facts, options.TimeZone));
    }

    /// <summary>An Insights event's top callers, clients and error codes, one list each, every value with its rates.</summary>
    private static void WriteAttributions(TextLayout layout, InsightFacts insight, SummaryPhrases phrases)
    {
        var t = phrases.Texts.Assessment;
        foreach (var attribution in insight.Attributions)
        {
            layout.ListLabel(t.InsightAttributionLabel(attribution.Kind));
            foreach (var contributor in attribution.Contributors)
            {
                layout.Item(t.InsightContributor(attribution.Kind, phrases.Safe(contributor.Value) ?? phrases.Texts.Unknown, contributor));
            }
        }
    }

    private static void WriteResources(TextLayout layout, IReadOnlyList<ResourceRef> resources, int omitted, SummaryPhrases phrases)
    {
        var t = phrases.Texts;
        if (resources.Count == 1)
        {
            layout.Field(t.Resource, phrases.ResourceWithIdentifier(resources[0], TextLayout.MaxValueChars));
            return;
        }

        if (resources.Count == 0)
        {
            return;
        }

        layout.ListLabel(t.Resources);
        foreach (var resource in resources)
        {
            layout.Item(phrases.ResourceWithIdentifier(resource, TextLayout.MaxValueChars));
        }

        if (omitted > 0)
        {
            layout.Item(t.MoreResources(omitted));
        }
    }

    private static void WriteSignals(TextLayout layout, EventFacts facts, SummaryPhrases phrases)
    {
        if (facts.Signals == Signals.None)
        {
            return;
        }

        layout.Section(phrases.Texts.SignalsTitle);
        foreach (var signal in phrases.Signals(facts))
        {
            layout.Marked('!', signal);
        }
    }

    private static void WriteLinks(TextLayout layout, EventFacts facts, Texts t)
    {
        var eventLink = ConsoleLinks.CloudTrailEvent(facts.Event.Region, facts.Event.EventId);
        var any = eventLink is not null;
        foreach (var resource in facts.Resources)
        {
            any |= resource.ConsoleUrl is not null;
        }

        if (!any)
        {
            return;
        }

        layout.Section(t.LinksTitle);
        if (eventLink is not null)
        {
            layout.Field(t.CloudTrailEventLink, eventLink);
        }

        foreach (var resource in facts.Resources)
        {
            if (resource.ConsoleUrl is { } url)
            {
                layout.Field(t.ResourceLabel(resource.Kind, EmailText.Clean(resource.Source, 64)), url);
            }
        }
    }

    /// <remarks>The caller's type, account and account name as the summary escaped them (once per event).</remarks>
    private static void WriteIdentity(TextLayout layout, EventFacts facts, SummaryPhrases phrases)
    {
        var t = phrases.Texts;
        var actor = facts.Actor;
        layout.Section(t.IdentityTitle);
        layout.Field(t.IdentityType, phrases.ActorType(facts) ?? t.Unknown);
        layout.UntrustedField(t.Arn, actor.Arn);
        layout.UntrustedField(t.PrincipalId, actor.PrincipalId);
        if (phrases.CallerAccountName(facts) is { } accountName && phrases.CallerAccount(facts) is { } callerAccount)
        {
            layout.Field(t.Account, t.NamedAccount(callerAccount, accountName));
        }
        else
        {
            layout.UntrustedField(t.Account, actor.AccountId);
        }
        layout.UntrustedField(t.AccessKey, actor.AccessKeyId);
        if (actor.MfaAuthenticated is { } mfa)
        {
            layout.Field(t.Mfa, mfa ? t.Yes : t.No);
        }

        if (actor.SessionIssuerArn is not null || actor.SessionIssuerType is not null)
        {
            layout.Field(t.SessionIssuer, string.Join(' ', Safe(actor.SessionIssuerType), Safe(actor.SessionIssuerArn)).Trim());
        }

        if (actor.SessionCreated is { } created)
        {
            layout.Field(t.SessionStarted, EventTimes.Parse(created) is { } start
                ? WhenPhrase.Utc(start)
                : EmailText.Clean(created, MaxPiece));
        }

        layout.UntrustedField(t.SourceIdentity, actor.SourceIdentity);
        layout.UntrustedField(t.InvokedBy, actor.InvokedBy);
        layout.UntrustedField(t.IdentityCenterUser, actor.IdentityCenterUser);
        layout.UntrustedField(t.IdentityStore, actor.IdentityStoreArn);
        layout.UntrustedField(t.IdentityProvider, actor.IdentityProvider);
        layout.UntrustedField(t.CredentialId, actor.CredentialId);
        layout.UntrustedField(t.InScopeOf, actor.InScopeOf);
        layout.UntrustedField(t.DelegateAccount, actor.InvokedByDelegateAccount);
    }

    private static void WriteRequest(TextLayout layout, EventFacts facts, Texts t)
    {
        var evt = facts.Event;
        layout.Section(t.RequestTitle);
        layout.UntrustedField(t.Service, evt.EventSource);
        if (Safe(evt.EventType) is { } type)
        {
            layout.Field(t.EventType, Safe(evt.EventCategory) is { } category ? $"{type} ({category})" : type);
        }

        layout.UntrustedField(t.UserAgent, evt.UserAgent);
        if (facts.Tls is { } tls)
        {
            layout.JoinedField(t.Tls, ", ", Safe(tls.Version), Safe(tls.CipherSuite), Safe(tls.KeyExchange), Safe(tls.HostHeader));
        }

        if (Safe(evt.VpcEndpointId) is { } endpoint)
        {
            layout.Field(t.VpcEndpoint, Safe(facts.VpcEndpointAccountId) is { } owner ? $"{endpoint} ({owner})" : endpoint);
        }
    }

    private void WriteJsonSection(TextLayout layout, System.Text.Json.JsonElement? section, string title, int maxLines, int maxChars)
    {
        if (section is not { } value)
        {
            return;
        }

        layout.Section(title);
        _details.Write(value, maxLines, maxChars);
    }

    private static void WriteIdentifiers(TextLayout layout, CloudTrailEvent evt, Texts t)
    {
        layout.Section(t.IdentifiersTitle);
        layout.UntrustedField(t.EventId, evt.EventId);
        layout.UntrustedField(t.RequestId, evt.RequestId);
        layout.UntrustedField(t.EventBridgeId, evt.EventBridgeId);
        layout.UntrustedField(t.EventVersion, evt.EventVersion);
        layout.UntrustedField(t.DetailType, evt.DetailType);
    }

    private static string? Safe(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : EmailText.Clean(value, MaxPiece);
}
