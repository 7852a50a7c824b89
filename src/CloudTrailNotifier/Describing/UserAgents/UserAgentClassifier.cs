using System.Buffers;

namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// Tells from a CloudTrail <c>userAgent</c> which program made a call. Pure and allocation-light: only the
/// returned strings are allocated, and each is capped (see <see cref="DescriptionText"/>), because the
/// value is untrusted and may be up to 1 KB of anything.
/// </summary>
/// <remarks>
/// How the parts read, per kind:
/// <list type="bullet">
/// <item>Browser: Name <c>Chrome</c>, Version <c>119</c> (major only), Detail <c>macOS</c>. A browser that cannot be named has Name null.</item>
/// <item>AWS Management Console markers (<c>console.amazonaws.com</c>, <c>signin.amazonaws.com</c>, <c>S3Console/0.4</c>):
/// kind <see cref="ClientKind.ConsoleBrowser"/>, Name <c>AWS Management Console</c>, Detail the console's part when known (<c>ec2</c>, <c>S3</c>, <c>AWS Sign-In</c>).</item>
/// <item>AWS CLI: Name <c>AWS CLI</c>, Version <c>2.15.30</c>, Detail the command then where it ran: <c>aws secretsmanager get-secret-value, Linux</c> (or <c>CloudShell</c>, <c>Lambda</c>...).</item>
/// <item>SDKs and other tools: Name <c>AWS SDK for Python (Boto3)</c>, Version <c>1.34.0</c>, Detail runtime, OS and environment: <c>Python 3.11.6, Linux, Lambda</c>.</item>
/// <item>Terraform / OpenTofu: Version the Terraform version, Detail <c>terraform-provider-aws 5.30.0, macOS</c>.</item>
/// <item>AWS services: Name the host name (<c>lambda.amazonaws.com</c>); CloudFormation has its own kind and Name <c>AWS CloudFormation</c>.</item>
/// <item>AWS Internal: Name <c>AWS Internal</c>, Detail the SDK when one is named.</item>
/// <item>Unknown: everything null; the renderer shows the raw value, escaped and shortened.</item>
/// </list>
/// </remarks>
internal static class UserAgentClassifier
{
    /// <summary>The name used for calls made through the AWS Management Console itself.</summary>
    public const string ConsoleName = "AWS Management Console";

    private const string AwsInternalName = "AWS Internal";

    // CloudTrail truncates user agents at 1 KB; anything past that is not worth reading.
    private const int MaxScannedLength = 1024;

    private const string ScoutSuiteToken = "Scout Suite/";

    // A vectorised search for the one token every unrecognised agent is searched for, ignoring case as IndexOf does.
    private static readonly SearchValues<string> ScoutSuite = SearchValues.Create([ScoutSuiteToken], StringComparison.OrdinalIgnoreCase);

    private static readonly ClientDescription UnknownClient = new(ClientKind.Unknown, null, null, null);

    public static ClientDescription Classify(string? userAgent)
    {
        if (userAgent is null)
        {
            return UnknownClient;
        }

        var text = userAgent.AsSpan();
        if (text.Length > MaxScannedLength)
        {
            text = text[..MaxScannedLength];
        }

        text = FirstListedProduct(text.Trim());
        if (text.IsEmpty)
        {
            return UnknownClient;
        }

        if (IsAwsInternalLiteral(text))
        {
            return new ClientDescription(ClientKind.AwsInternal, AwsInternalName, null, null);
        }

        if (AwsClientMarkers.IsHostName(text))
        {
            return AwsClientMarkers.ClassifyHost(text);
        }

        if (AwsClientMarkers.ConsoleMarker(text) is { } console)
        {
            return console;
        }

        if (KnownClients.AwsService(FirstProductName(text)) is { } service)
        {
            return new ClientDescription(ClientKind.AwsService, service, null, null);
        }

        var facts = UserAgentFacts.Scan(text);
        return Decide(text, in facts);
    }

    private static ClientDescription Decide(ReadOnlySpan<char> text, in UserAgentFacts facts)
    {
        Span<char> buffer = stackalloc char[DescriptionText.MaxDetailLength];
        var detail = new DetailBuilder(buffer);

        if (facts.Agent is not null)
        {
            return Agent(in facts, ref detail);
        }

        if (facts.AwsInternal)
        {
            if (facts.Sdk is not null)
            {
                detail.Add(facts.Sdk, DescriptionText.VersionSpan(facts.SdkVersion));
            }

            return new ClientDescription(ClientKind.AwsInternal, AwsInternalName, null, detail.Build());
        }

        if (facts.StratusRedTeam)
        {
            return new ClientDescription(ClientKind.OtherTool, "Stratus Red Team", null, null);
        }

        if (text.IndexOfAny(ScoutSuite) is var scout and >= 0)
        {
            var version = text[(scout + ScoutSuiteToken.Length)..];
            return Tool(ClientKind.OtherTool, "Scout Suite", version, in facts, ref detail);
        }

        if (facts.Tool is not null)
        {
            return Tool(ClientKind.OtherTool, facts.Tool, facts.ToolVersion, in facts, ref detail);
        }

        if (facts.InfrastructureTool is not null)
        {
            var provider = DescriptionText.VersionSpan(facts.ProviderVersion);
            if (!provider.IsEmpty)
            {
                detail.Add("terraform-provider-aws", provider);
            }

            detail.Add(facts.OperatingSystem);
            return new ClientDescription(
                ClientKind.Terraform, facts.InfrastructureTool, DescriptionText.Version(facts.InfrastructureToolVersion), detail.Build());
        }

        if (facts.Cli)
        {
            AddCommand(facts.Command, ref detail);
            detail.Add(facts.Environment ?? facts.OperatingSystem);
            return new ClientDescription(ClientKind.AwsCli, "AWS CLI", DescriptionText.Version(facts.CliVersion), detail.Build());
        }

        if (facts.Sdk is not null)
        {
            return Tool(ClientKind.AwsSdk, facts.Sdk, facts.SdkVersion, in facts, ref detail);
        }

        if (facts.Botocore)
        {
            return Tool(ClientKind.AwsSdk, "AWS SDK for Python (Botocore)", facts.BotocoreVersion, in facts, ref detail);
        }

        return BrowserUserAgent.IsBrowser(text) ? BrowserUserAgent.Classify(text) : UnknownClient;
    }

    /// <summary>An AI coding agent, with what it drove (the AWS CLI and its command, or an SDK) as detail.</summary>
    private static ClientDescription Agent(in UserAgentFacts facts, ref DetailBuilder detail)
    {
        if (facts.Cli)
        {
            detail.Add("AWS CLI", DescriptionText.VersionSpan(facts.CliVersion));
            AddCommand(facts.Command, ref detail);
        }
        else if (facts.Sdk is not null)
        {
            detail.Add(facts.Sdk, DescriptionText.VersionSpan(facts.SdkVersion));
        }

        detail.Add(facts.OperatingSystem);
        return new ClientDescription(ClientKind.AiAgent, facts.Agent, DescriptionText.Version(facts.AgentVersion), detail.Build());
    }

    /// <summary>The first product's name: <c>AWSConfig</c> in <c>AWSConfig</c>, <c>SecurityHub</c> in <c>SecurityHub/1.0 ...</c>.</summary>
    private static ReadOnlySpan<char> FirstProductName(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(" /,");
        return end < 0 ? text : text[..end];
    }

    private static ClientDescription Tool(
        ClientKind kind, string name, ReadOnlySpan<char> version, in UserAgentFacts facts, ref DetailBuilder detail)
    {
        if (facts.Runtime is not null)
        {
            detail.Add(facts.Runtime, DescriptionText.VersionSpan(facts.RuntimeVersion));
        }

        detail.Add(facts.OperatingSystem);
        detail.Add(facts.Environment);
        return new ClientDescription(kind, name, DescriptionText.Version(version), detail.Build());
    }

    /// <summary>Writes <c>command/secretsmanager.get-secret-value</c> as <c>aws secretsmanager get-secret-value</c>.</summary>
    private static void AddCommand(ReadOnlySpan<char> command, ref DetailBuilder detail)
    {
        var dot = command.IndexOf('.');
        if (dot <= 0 || dot == command.Length - 1 || command.Length > 100 || !DescriptionText.IsAsciiWord(command, "-."))
        {
            return;
        }

        detail.Add("aws", command[..dot], command[(dot + 1)..]);
    }

    /// <summary>
    /// S3 console events wrap the user agent in brackets and list several products:
    /// <c>[S3Console/0.4, aws-internal/3 aws-sdk-java/...]</c>. The first one says who called.
    /// </summary>
    private static ReadOnlySpan<char> FirstListedProduct(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']')
        {
            return text;
        }

        text = text[1..^1].Trim();
        var depth = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0 && text[i + 1] == ' ':
                    return text[..i];
            }
        }

        return text;
    }

    private static bool IsAwsInternalLiteral(ReadOnlySpan<char> text)
    {
        if (!DescriptionText.StartsWithAwsInternal(text, out var rest))
        {
            return false;
        }

        return rest.IsEmpty || (rest[0] == '/' && rest.Length <= 8 && DescriptionText.IsAsciiWord(rest[1..], "."));
    }
}
