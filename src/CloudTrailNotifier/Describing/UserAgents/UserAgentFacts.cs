namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// What one pass over a non-browser user agent's tokens found: the programs it names and the platform it
/// runs on. For each fact the first token that gives it wins. Spans point into the user agent.
/// </summary>
internal ref struct UserAgentFacts
{
    public bool AwsInternal;
    public bool StratusRedTeam;
    public bool Cli;
    public ReadOnlySpan<char> CliVersion;
    public string? InfrastructureTool;
    public ReadOnlySpan<char> InfrastructureToolVersion;
    public ReadOnlySpan<char> ProviderVersion;
    public string? Tool;
    public ReadOnlySpan<char> ToolVersion;
    public string? Sdk;
    public ReadOnlySpan<char> SdkVersion;
    public bool Botocore;
    public ReadOnlySpan<char> BotocoreVersion;
    public string? OperatingSystem;
    public string? Runtime;
    public ReadOnlySpan<char> RuntimeVersion;
    public string? Environment;
    public ReadOnlySpan<char> Command;
    public string? Agent;
    public ReadOnlySpan<char> AgentVersion;

    public static UserAgentFacts Scan(ReadOnlySpan<char> userAgent)
    {
        var facts = default(UserAgentFacts);
        foreach (var token in new UserAgentTokenizer(userAgent))
        {
            if (token.IsComment)
            {
                facts.ReadComment(token.Value);
            }
            else
            {
                facts.ReadProduct(token.Name, token.Value);
            }
        }

        return facts;
    }

    private void ReadProduct(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (name.IsEmpty)
        {
            return;
        }

        if (Agent is null && KnownClients.Agent(name) is { } agent)
        {
            Agent = agent;
            AgentVersion = value;
        }
        else if (Is(name, "app") || (Is(name, "exec-env") && KnownClients.Agent(value) is not null))
        {
            // app/AmazonQ-For-CLI, exec-env/AmazonQ-For-CLI-Version-1.12.0 (an agent driving the AWS CLI or an SDK).
            ReadAgentValue(value);
        }
        else if (Is(name, "Version") && Agent is not null && AgentVersion.IsEmpty)
        {
            // The raw form of the same: "exec-env/AmazonQ-For-CLI Version/1.12.0".
            AgentVersion = value;
        }
        else if (Is(name, "aws-cli"))
        {
            SetOnce(ref Cli, ref CliVersion, value);
        }
        else if (Is(name, "Terraform") || Is(name, "OpenTofu"))
        {
            if (InfrastructureTool is null)
            {
                InfrastructureTool = Is(name, "Terraform") ? "Terraform" : "OpenTofu";
                InfrastructureToolVersion = value;
            }
        }
        else if (Is(name, "terraform-provider-aws"))
        {
            ProviderVersion = ProviderVersion.IsEmpty ? value : ProviderVersion;
        }
        else if (Is(name, "aws-internal") || Is(name, "Coral"))
        {
            AwsInternal = true;
        }
        else if (name.StartsWith("stratus-red-team", StringComparison.OrdinalIgnoreCase))
        {
            StratusRedTeam = true;
        }
        else if (Is(name, "botocore"))
        {
            SetOnce(ref Botocore, ref BotocoreVersion, value);
        }
        else if (Is(name, "os"))
        {
            OperatingSystem ??= PlatformNames.OperatingSystem(value);
        }
        else if (Is(name, "lang"))
        {
            // lang/python#3.11.6, lang/go/1.17.6, lang/js
            var separator = value.IndexOfAny('#', '/');
            SetRuntime(separator < 0 ? value : value[..separator], separator < 0 ? default : value[(separator + 1)..]);
        }
        else if (Is(name, "md"))
        {
            ReadMetadata(value);
        }
        else if (Is(name, "command"))
        {
            Command = Command.IsEmpty ? value : Command;
        }
        else if (Is(name, "exec-env"))
        {
            Environment ??= PlatformNames.Environment(value);
        }
        else
        {
            ReadOther(name, value);
        }
    }

    private void ReadOther(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (Sdk is null && KnownClients.Sdk(name) is { } sdk)
        {
            Sdk = sdk;
            SdkVersion = value;
            return;
        }

        if (Tool is null && KnownClients.Tool(name) is { } tool)
        {
            Tool = tool;
            ToolVersion = value;
            return;
        }

        if (PlatformNames.Runtime(name) is { } runtime)
        {
            SetRuntime(runtime, value);
            return;
        }

        if (PlatformNames.OperatingSystem(name) is { } os)
        {
            OperatingSystem ??= os;

            // The JavaScript SDK v2 writes the Node.js version after the platform: "linux/v20.15.1".
            if (value.Length > 1 && value[0] == 'v' && char.IsAsciiDigit(value[1]))
            {
                SetRuntime("nodejs", value);
            }
        }
    }

    private void ReadAgentValue(ReadOnlySpan<char> value)
    {
        if (Agent is not null || KnownClients.Agent(value) is not { } agent)
        {
            return;
        }

        Agent = agent;
        var at = value.IndexOf("Version", StringComparison.OrdinalIgnoreCase);
        AgentVersion = at < 0 || at + 8 > value.Length ? default : value[(at + 8)..];
    }

    private void ReadMetadata(ReadOnlySpan<char> value)
    {
        // md/command#sts.get-caller-identity, md/nodejs#18.19.0
        var hash = value.IndexOf('#');
        if (hash < 0)
        {
            return;
        }

        var key = value[..hash];
        var data = value[(hash + 1)..];
        if (Is(key, "command"))
        {
            Command = Command.IsEmpty ? data : Command;
        }
        else if (Is(key, "bun"))
        {
            // The JavaScript SDK v3 running on Bun: "md/bun#1.1.0".
            Runtime = "Bun";
            RuntimeVersion = data;
        }
        else if (Is(key, "nodejs"))
        {
            // More precise than "lang/js", which comes first.
            Runtime = "Node.js";
            RuntimeVersion = data;
        }
    }

    private void ReadComment(ReadOnlySpan<char> comment)
    {
        // The Go SDK: "(go1.19.3; darwin; arm64)".
        foreach (var range in comment.Split(';'))
        {
            var part = comment[range].Trim();
            if (part.Length > 2 && part.StartsWith("go", StringComparison.Ordinal) && char.IsAsciiDigit(part[2]))
            {
                SetRuntime("go", part[2..]);
            }
            else if (PlatformNames.OperatingSystem(part) is { } os && part.Length <= 16)
            {
                OperatingSystem ??= os;
            }
        }
    }

    private void SetRuntime(ReadOnlySpan<char> name, ReadOnlySpan<char> version)
    {
        if (Runtime is null && PlatformNames.Runtime(name) is { } runtime)
        {
            Runtime = runtime;
            RuntimeVersion = version;
        }
    }

    private static void SetOnce(ref bool seen, ref ReadOnlySpan<char> version, ReadOnlySpan<char> value)
    {
        if (!seen)
        {
            seen = true;
            version = value;
        }
    }

    private static bool Is(ReadOnlySpan<char> name, string expected) =>
        name.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
