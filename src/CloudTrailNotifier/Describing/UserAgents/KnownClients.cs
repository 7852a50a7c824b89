namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>The product tokens of AWS SDKs and of other tools, with the names people know them by.</summary>
internal static class KnownClients
{
    /// <summary>What aws-actions/configure-aws-credentials puts in the user agent of its own calls.</summary>
    private const string GitHubActionsToken = "configure-aws-credentials";

    /// <summary>The SDK a product token names (<c>Boto3</c>, <c>aws-sdk-go-v2</c>, ...), or null.</summary>
    public static string? Sdk(ReadOnlySpan<char> product)
    {
        Span<char> lower = stackalloc char[32];
        if (!DescriptionText.TryLower(product, lower, out var length))
        {
            return null;
        }

        return lower[..length] switch
        {
            "boto3" => "AWS SDK for Python (Boto3)",
            "boto" => "Boto 2 (Python)",
            "aws-sdk-python" => "AWS SDK for Python",
            "aws-sdk-java" => "AWS SDK for Java",
            "aws-sdk-go" => "AWS SDK for Go",
            "aws-sdk-go-v2" => "AWS SDK for Go v2",
            "aws-sdk-js" or "aws-sdk-nodejs" => "AWS SDK for JavaScript",
            "aws-sdk-dotnet-coreclr" or "aws-sdk-dotnet-45" or "aws-sdk-dotnet-35" or "aws-sdk-dotnet" or "aws-sdk-net" => "AWS SDK for .NET",
            "aws-sdk-ruby" or "aws-sdk-ruby2" or "aws-sdk-ruby3" => "AWS SDK for Ruby",
            "aws-sdk-php" => "AWS SDK for PHP",
            "aws-sdk-rust" => "AWS SDK for Rust",
            "aws-sdk-cpp" => "AWS SDK for C++",
            "aws-sdk-kotlin" => "AWS SDK for Kotlin",
            "aws-sdk-swift" => "AWS SDK for Swift",
            "aws-sdk-ios" or "aws-sdk-iphoneos" => "AWS SDK for iOS",
            "aws-sdk-android" => "AWS SDK for Android",
            "rusoto" => "Rusoto (Rust)",
            _ => null,
        };
    }

    /// <summary>
    /// A tool that is neither the AWS CLI, an SDK nor Terraform (<c>aws-cdk</c>, <c>Ansible</c>,
    /// <c>Steampipe</c>, ...), or null. Some tools put more after their name, so a few match by prefix.
    /// </summary>
    public static string? Tool(ReadOnlySpan<char> product)
    {
        Span<char> lower = stackalloc char[32];
        if (!DescriptionText.TryLower(product, lower, out var length))
        {
            // CloudCustodian(policy-name) can be long, and so is the GitHub Actions credentials action's token.
            return product.StartsWith("CloudCustodian", StringComparison.OrdinalIgnoreCase) ? "Cloud Custodian"
                : product.StartsWith(GitHubActionsToken, StringComparison.OrdinalIgnoreCase) ? "GitHub Actions"
                : null;
        }

        ReadOnlySpan<char> name = lower[..length];
        var exact = name switch
        {
            "aws-cdk" or "aws-cdk-lib" => "AWS CDK",
            "aws-sam-cli" => "AWS SAM CLI",
            "awspowershell" or "awspowershell.netcore" => "AWS Tools for PowerShell",
            "ansible" => "Ansible",
            "pacu" => "Pacu",
            "trufflehog" => "TruffleHog",
            "postmanruntime" => "Postman",
            "amazon-ssm-agent" => "Amazon SSM Agent",
            "ec2-api-tools" => "EC2 API Tools",
            "eksctl" => "eksctl",
            "datadog" => "Datadog",
            "bun" => "Bun",
            _ => null,
        };
        if (exact is not null)
        {
            return exact;
        }

        if (name.StartsWith("cloudcustodian"))
        {
            return "Cloud Custodian";
        }

        if (name.StartsWith("pulumi"))
        {
            return "Pulumi";
        }

        if (name.StartsWith("steampipe"))
        {
            return "Steampipe";
        }

        if (name.StartsWith("prowler"))
        {
            return "Prowler";
        }

        return name.StartsWith("cloudquery") ? "CloudQuery" : null;
    }

    /// <summary>
    /// An AI coding agent a product token, <c>exec-env/</c> or <c>app/</c> value names: Claude Code
    /// (<c>claude-cli/2.1.126</c>, <c>claude-code/2.1.126</c>), Amazon Q Developer CLI (<c>AmazonQ-For-CLI</c>,
    /// which its AWS CLI tool passes as <c>exec-env/AmazonQ-For-CLI-Version-1.12.0</c>), Cursor, GitHub Copilot,
    /// or null.
    /// </summary>
    public static string? Agent(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[32];
        if (name.Length > lower.Length)
        {
            name = name[..lower.Length];
        }

        if (!DescriptionText.TryLower(name, lower, out var length))
        {
            return null;
        }

        ReadOnlySpan<char> value = lower[..length];
        if (value is "claude-cli" or "claude-code" or "claudecode")
        {
            return "Claude Code";
        }

        if (value.StartsWith("amazonq-for-cli") || value is "amazon-q-developer-cli" or "q-developer-cli")
        {
            return "Amazon Q Developer CLI";
        }

        if (value is "cursor")
        {
            return "Cursor";
        }

        return value is "githubcopilotchat" or "github-copilot" or "copilot-chat" or "copilot-agent" ? "GitHub Copilot" : null;
    }

    /// <summary>
    /// An AWS service that names itself by product rather than host name (<c>AWSConfig</c>, <c>SecurityHub</c>,
    /// <c>[AWSCloudTrail, aws-internal/3 ...]</c>), or null.
    /// </summary>
    public static string? AwsService(ReadOnlySpan<char> product)
    {
        Span<char> lower = stackalloc char[32];
        if (!DescriptionText.TryLower(product, lower, out var length))
        {
            return null;
        }

        return lower[..length] switch
        {
            "awsconfig" or "aws config" => "AWS Config",
            "securityhub" or "awssecurityhub" or "aws securityhub" => "AWS Security Hub",
            "awscloudtrail" or "aws cloudtrail" => "AWS CloudTrail",
            "guardduty" or "awsguardduty" => "Amazon GuardDuty",
            "accessanalyzer" or "iamaccessanalyzer" => "IAM Access Analyzer",
            "awsorganizations" => "AWS Organizations",
            "trustedadvisor" or "awstrustedadvisor" => "AWS Trusted Advisor",
            _ => null,
        };
    }
}
