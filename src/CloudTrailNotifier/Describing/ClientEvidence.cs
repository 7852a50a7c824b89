using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Whether what CloudTrail itself records backs the client a user agent names. The caller chooses its user agent, so
/// <c>cloudformation.amazonaws.com</c>, <c>console.amazonaws.com</c> or <c>aws-cli/2.15.30</c> on its own is only a
/// claim; <c>invokedBy</c>, a service principal, a <c>sourceIPAddress</c> that is an AWS service name or
/// <c>AWS Internal</c>, and console session credentials are not the caller's to write. Pure.
/// </summary>
internal static class ClientEvidence
{
    /// <summary>
    /// True when the record confirms the named client: an AWS service the user agent names is the one CloudTrail
    /// records as making the call (<c>invokedBy</c>, an <c>AWSService</c> identity, or <c>sourceIPAddress</c>);
    /// <c>AWS Internal</c> is also the recorded source; the console's own user agent comes with
    /// <paramref name="consoleRecorded"/>. Browsers, the AWS CLI, SDKs and tools are never confirmed by the record.
    /// </summary>
    public static bool IsRecorded(ClientDescription client, string? userAgent, Actor actor, SourceDescription source, bool consoleRecorded) =>
        client.Kind switch
        {
            ClientKind.AwsService or ClientKind.CloudFormation => IsRecordedService(userAgent, actor, source),
            ClientKind.AwsInternal => source.Kind == SourceKind.AwsInternal,
            ClientKind.ConsoleBrowser => client.Name == UserAgentClassifier.ConsoleName && consoleRecorded,
            _ => false,
        };

    /// <summary>
    /// A console session CloudTrail records without help from the user agent: a sign-in (any step of it), a console
    /// action, console session credentials, or a console call AWS proxied (<c>sourceIPAddress</c> <c>AWS Internal</c>).
    /// </summary>
    public static bool IsConsoleRecorded(CloudTrailEvent evt, bool isSignIn, SourceDescription source) =>
        isSignIn
        || evt.EventType == "AwsConsoleAction"
        || evt.EventSource == "signin.amazonaws.com"
        || evt.SessionCredentialFromConsole == true
        || source.Kind == SourceKind.AwsInternal;

    private static bool IsRecordedService(string? userAgent, Actor actor, SourceDescription source)
    {
        var host = userAgent.AsSpan().Trim();
        return !host.IsEmpty
            && (Same(host, actor.InvokedBy)
                || (actor.Kind == ActorKind.AWSService && Same(host, actor.Name))
                || (source.Kind == SourceKind.AwsService && Same(host, source.Address)));
    }

    private static bool Same(ReadOnlySpan<char> host, string? recorded) =>
        recorded is not null && host.Equals(recorded.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
