using CloudTrailNotifier.Describing.Resources;
using CloudTrailNotifier.Describing.Tampering;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Derives <see cref="EventFacts"/> from an event. Pure.</summary>
internal static class EventFactsBuilder
{
    private static readonly MemberNames TlsNames = new("tlsVersion", "cipherSuite", "keyExchange", "clientProvidedHostHeader");

    public static EventFacts Build(CloudTrailEvent evt) => Build(evt, TamperWatch.None, DecoySecrets.None);

    public static EventFacts Build(CloudTrailEvent evt, DecoySecrets decoys) => Build(evt, TamperWatch.None, decoys);

    public static EventFacts Build(CloudTrailEvent evt, TamperWatch tamperWatch, DecoySecrets decoys) =>
        Build(evt, tamperWatch, decoys, AccountNames.None);

    /// <summary>
    /// The facts with their <see cref="Assessment"/>; <paramref name="tamperWatch"/> names the stack's own resources,
    /// <paramref name="decoys"/> the decoy secrets, <paramref name="accountNames"/> the organization's accounts.
    /// </summary>
    public static EventFacts Build(CloudTrailEvent evt, TamperWatch tamperWatch, DecoySecrets decoys, AccountNames accountNames) =>
        Build(evt, tamperWatch, decoys, accountNames, new UserAgentMemo());

    /// <summary>
    /// As above, with the user agents' classification remembered in <paramref name="clients"/> from one event to the
    /// next (the notifier keeps one).
    /// </summary>
    public static EventFacts Build(CloudTrailEvent evt, TamperWatch tamperWatch, DecoySecrets decoys, AccountNames accountNames, UserAgentMemo clients)
    {
        var facts = Describe(evt, tamperWatch, accountNames, clients);
        return facts with { Assessment = Assessor.Assess(facts, decoys) };
    }

    private static EventFacts Describe(CloudTrailEvent evt, TamperWatch tamperWatch, AccountNames accountNames, UserAgentMemo clients)
    {
        var actor = ActorDescriber.Describe(evt.UserIdentity);
        var source = SourceClassifier.Classify(evt.SourceIpAddress);
        var client = clients.Classify(evt.UserAgent);
        var insight = InsightFacts.Read(evt);
        var eventName = evt.EventName ?? insight?.EventName;
        if (insight is not null && actor.Kind == ActorKind.Missing && actor.Name is null)
        {
            // An Insights event sums up many calls: CloudTrail Insights itself is what speaks.
            actor = actor with { Name = "CloudTrail Insights" };
        }

        var isSignIn = evt.EventType == "AwsConsoleSignIn"
            || evt.EventSource == "signin.amazonaws.com" && eventName is "ConsoleLogin" or "CheckMfa" or "SwitchRole";

        var errorCode = evt.ErrorCode;
        var errorMessage = evt.ErrorMessage;
        var responseElements = JsonFields.AsObject(evt.ResponseElements);
        if (errorCode is null && isSignIn && responseElements is { } response
            && JsonFields.String(response, "ConsoleLogin") is "Failure")
        {
            errorCode = "Failure";
        }

        var outcome = errorCode is null ? Outcome.Succeeded : IsDenial(errorCode) ? Outcome.Denied : Outcome.Failed;
        var additional = JsonFields.AsObject(evt.AdditionalEventData);
        bool? signInMfa = additional is { } extra
            ? JsonFields.String(extra, "MFAUsed") switch
            {
                "Yes" => true,
                "No" => false,
                _ => null,
            }
            : null;

        var console = IsConsole(evt, isSignIn, client, source);
        var consoleRecorded = ClientEvidence.IsConsoleRecorded(evt, isSignIn, source);
        if (client.Kind == ClientKind.ConsoleBrowser && !console)
        {
            // A browser with no console evidence is a web page calling AWS itself, not the console.
            client = client with { Kind = ClientKind.WebBrowser };
        }

        var tamper = TamperDetector.Detect(evt, tamperWatch);
        var signals = tamper is null ? Signals.None : Signals.Tampering;
        if (evt.IsForeignEnvelope)
        {
            signals |= Signals.NotFromAws;
        }

        if (outcome == Outcome.Denied)
        {
            signals |= Signals.AccessDenied;
        }
        else if (outcome == Outcome.Failed)
        {
            signals |= Signals.Error;
        }

        if (actor.IsRoot)
        {
            signals |= Signals.Root;
        }

        if (LacksMfa(actor, isSignIn, signInMfa))
        {
            signals |= Signals.NoMfa;
        }

        if (IsCrossAccount(actor, evt.RecipientAccount))
        {
            signals |= Signals.CrossAccount;
        }

        if (accountNames.IsUnknown(evt.RecipientAccount))
        {
            signals |= Signals.UnknownAccount;
        }

        if (console)
        {
            signals |= Signals.ConsoleSession;
        }

        // A console call AWS forwards for the person (sourceIPAddress "AWS Internal") is the person's own
        // call, made via the console; only calls a service makes on its own behalf carry the AWS service signal.
        var person = actor.Kind is not (ActorKind.AWSService or ActorKind.Missing or ActorKind.Anonymous);
        // So is a call the console's sign-in service invoked for the person (invokedBy signin.amazonaws.com).
        var via = console && person && (source.Kind == SourceKind.AwsInternal || actor.InvokedBy == "signin.amazonaws.com") ? Via.Console
            : person && actor.InvokedBy is not null ? actor.InvokedBy
            : null;
        if (via != Via.Console && (actor.InvokedBy is not null || actor.Kind == ActorKind.AWSService
            || source.Kind is SourceKind.AwsService or SourceKind.AwsInternal))
        {
            signals |= Signals.AwsService;
        }

        var resources = ResourceDescriber.Describe(evt);
        return new EventFacts
        {
            Event = evt,
            Actor = actor,
            Source = source,
            Client = client,
            ClientRecorded = ClientEvidence.IsRecorded(client, evt.UserAgent, actor, source, consoleRecorded),
            ConsoleByUserAgentOnly = console && !consoleRecorded,
            Resources = Shortened(resources, tamper),
            OmittedResources = resources.Omitted,
            Outcome = outcome,
            Signals = signals,
            Time = EventTimes.Parse(evt.TimeText),
            EventName = eventName,
            ServiceName = ServiceNames.Display(ResourceDescriber.ServicePrefix(evt.EventSource ?? insight?.EventSource)),
            Insight = insight,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            IsSignIn = isSignIn,
            SignInMfaUsed = signInMfa,
            Tls = Tls(evt),
            VpcEndpointAccountId = evt.VpcEndpointAccountId,
            RequestParameters = JsonFields.PresentOf(evt.RequestParameters),
            AdditionalEventData = JsonFields.PresentOf(evt.AdditionalEventData),
            ResponseElements = JsonFields.PresentOf(evt.ResponseElements),
            Tamper = tamper,
            Via = via,
            AccountName = accountNames.NameOf(evt.RecipientAccount),
            CallerAccountName = accountNames.NameOf(actor.AccountId),
        };
    }

    /// <summary>
    /// The rule for <see cref="Signals.ConsoleSession"/>: a console sign-in, any step of it (the sign-in service),
    /// a console action, console session
    /// credentials (<c>sessionCredentialFromConsole</c>), a user agent that is the console itself
    /// (<c>console.amazonaws.com</c>, <c>S3Console</c>), or a browser whose call AWS proxied (<c>AWS Internal</c>).
    /// A browser alone is not enough: web pages call AWS with the JavaScript SDK too.
    /// </summary>
    private static bool IsConsole(CloudTrailEvent evt, bool isSignIn, ClientDescription client, SourceDescription source) =>
        isSignIn
        || evt.EventType == "AwsConsoleAction"
        || evt.EventSource == "signin.amazonaws.com"
        || evt.SessionCredentialFromConsole == true
        || client.Kind == ClientKind.ConsoleBrowser
            && (client.Name == UserAgentClassifier.ConsoleName || source.Kind == SourceKind.AwsInternal);

    private static TlsFacts? Tls(CloudTrailEvent evt)
    {
        if (JsonFields.AsObject(evt.TlsDetails) is not { } tls)
        {
            return null;
        }

        var fields = default(MemberValues);
        TlsNames.Read(tls, fields);
        return new TlsFacts(JsonFields.Scalar(fields[0]), JsonFields.Scalar(fields[1]), JsonFields.Scalar(fields[2]), JsonFields.Scalar(fields[3]));
    }

    /// <summary>Errors that mean "not allowed" rather than "went wrong".</summary>
    public static bool IsDenial(string errorCode) =>
        errorCode.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase)
        || errorCode.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase)
        || errorCode.Contains("Forbidden", StringComparison.OrdinalIgnoreCase)
        || errorCode.Contains("NotAuthorized", StringComparison.OrdinalIgnoreCase)
        || errorCode.Equals("AuthorizationError", StringComparison.OrdinalIgnoreCase)
        || errorCode.Equals("AuthFailure", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// MFA is the account's own business only for IAM users and the root user. Federated people (Identity
    /// Center, SAML, web identity) authenticate at their identity provider, and CloudTrail records their
    /// sessions and sign-ins as without MFA, so flagging them would be noise that hides the real cases.
    /// </summary>
    private static bool LacksMfa(Actor actor, bool isSignIn, bool? signInMfa)
    {
        if (actor.Kind is not (ActorKind.IAMUser or ActorKind.Root))
        {
            return false;
        }

        return isSignIn ? signInMfa == false : actor.MfaAuthenticated == false;
    }

    /// <summary>The resource a tampering call changed goes by its short name (a trail, not its ARN) in the subject.</summary>
    private static IReadOnlyList<ResourceRef> Shortened(IReadOnlyList<ResourceRef> resources, TamperFinding? tamper)
    {
        if (tamper is not { Name: { } name, Identifier: { } identifier } || name == identifier
            || tamper.Target == TamperTargetKind.Subscription)
        {
            return resources;
        }

        var result = new List<ResourceRef>(resources.Count);
        foreach (var resource in resources)
        {
            result.Add(resource.Kind == ResourceKind.Other && resource.Identifier == identifier ? resource with { Name = name } : resource);
        }

        return result;
    }

    private static bool IsCrossAccount(Actor actor, string? recipient)
    {
        if (actor.Kind == ActorKind.AWSAccount)
        {
            return true;
        }

        return actor.Kind is not (ActorKind.AWSService or ActorKind.Anonymous)
            && actor.AccountId is { } caller
            && recipient is not null
            && !string.Equals(caller, recipient, StringComparison.Ordinal);
    }
}
