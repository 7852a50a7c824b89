using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.UserAgents;
using CloudTrailNotifier.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Describing.UserAgents;

public class UserAgentClassifierTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36", "Chrome", "119", "macOS")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91", "Edge", "120", "Windows")]
    [InlineData("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Firefox", "121", "Linux")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15", "Safari", "17", "macOS")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36 OPR/105.0.0.0", "Opera", "105", "Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1", "Safari", "17", "iOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", "Chrome", "120", "iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36", "Chrome", "120", "Android")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", "Samsung Internet", "23", "Android")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Chrome", "120", "ChromeOS")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", "Internet Explorer", "11", "Windows")]
    [InlineData("[Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36]", "Chrome", "131", "macOS")]
    public void Browsers_give_the_browser_its_major_version_and_the_operating_system(string userAgent, string name, string version, string os)
    {
        Assert.Equal(new ClientDescription(ClientKind.ConsoleBrowser, name, version, os), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)...", "macOS")]
    [InlineData("Mozilla/5.0", null)]
    [InlineData("Mozilla", null)]
    public void A_browser_that_does_not_say_which_one_is_a_browser_without_a_name(string userAgent, string? os)
    {
        Assert.Equal(new ClientDescription(ClientKind.ConsoleBrowser, null, null, os), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData("console.amazonaws.com", null)]
    [InlineData("console.aws.amazon.com", null)]
    [InlineData("console.ec2.amazonaws.com", "ec2")]
    [InlineData("console..amazonaws.com", null)]
    [InlineData("signin.amazonaws.com", "AWS Sign-In")]
    [InlineData("AWSConsole", null)]
    [InlineData("[S3Console/0.4]", "S3")]
    [InlineData("[S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.666 Linux/4.9.184 OpenJDK_64-Bit_Server_VM/25.232-b09 java/1.8.0_232]", "S3")]
    [InlineData("EC2ConsoleBackend, aws-sdk-java/Linux/x.xx.fleetxen Java_HotSpot(TM)_64-Bit_Server_VM/xx", "EC2")]
    public void The_consoles_own_markers_name_the_AWS_Management_Console(string userAgent, string? part)
    {
        Assert.Equal(
            new ClientDescription(ClientKind.ConsoleBrowser, "AWS Management Console", null, part),
            UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData(
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.72-96.166.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/secretsmanager.get-secret-value",
        "2.15.30", "aws secretsmanager get-secret-value, Linux")]
    [InlineData(
        "aws-cli/2.13.5 Python/3.11.4 Linux/4.14.255-314-253.539.amzn2.x86_64 exec-env/CloudShell exe/x86_64.amzn.2 prompt/off command/ec2.stop-instances",
        "2.13.5", "aws ec2 stop-instances, CloudShell")]
    [InlineData(
        "aws-cli/2.15.59 md/awscrt#0.19.19 ua/2.0 os/macos#22.6.0 md/arch#arm64 lang/python#3.11.11 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#sts.get-caller-identity",
        "2.15.59", "aws sts get-caller-identity, macOS")]
    [InlineData("aws-cli/2.9.8 Python/3.9.11 Windows/10 exe/AMD64 prompt/off command/ecs.put-account-setting", "2.9.8", "aws ecs put-account-setting, Windows")]
    [InlineData("aws-cli/1.20.9 Python/3.6.14 Linux/4.9.230-0.1.ac.224.84.332.metal1.x86_64 botocore/1.21.9", "1.20.9", "Linux")]
    [InlineData("aws-cli/1.15.64 Python/2.7.16 Darwin/17.7.0 botocore/1.10.63", "1.15.64", "macOS")]
    [InlineData("aws-cli/2.13.0", "2.13.0", null)]
    public void The_AWS_CLI_gives_its_version_and_the_command_and_where_it_ran(string userAgent, string version, string? detail)
    {
        Assert.Equal(new ClientDescription(ClientKind.AwsCli, "AWS CLI", version, detail), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData(
        "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#5.10.205-216.813.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.1 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.11",
        "AWS SDK for Python (Boto3)", "1.34.11", "Python 3.12.1, Linux, Lambda")]
    [InlineData(
        "Boto3/1.26.2 Python/3.10.8 Linux/4.14.294-220.533.amzn2.x86_64 exec-env/AWS_ECS_FARGATE Botocore/1.29.2",
        "AWS SDK for Python (Boto3)", "1.26.2", "Python 3.10.8, Linux, ECS Fargate")]
    [InlineData("Botocore/1.29.2 Python/3.10.8 Linux/4.14.294", "AWS SDK for Python (Botocore)", "1.29.2", "Python 3.10.8, Linux")]
    [InlineData(
        "aws-sdk-java/1.12.79 Linux/5.4.141-78.230 OpenJDK_64-Bit_Server_VM/25.302-b08 java/1.8.0_302 vendor/Oracle_Corporation cfg/retry-mode/standard",
        "AWS SDK for Java", "1.12.79", "Java 1.8.0_302, Linux")]
    [InlineData(
        "aws-sdk-java/2.21.29 Linux/5.10.201 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS Java/17.0.9 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
        "AWS SDK for Java", "2.21.29", "Java 17.0.9, Linux")]
    [InlineData("aws-sdk-go/1.44.157 (go1.19.3; darwin; arm64)", "AWS SDK for Go", "1.44.157", "Go 1.19.3, macOS")]
    [InlineData("aws-sdk-go/1.40.21 (go1.17; linux; amd64) exec-env/AWS_Lambda_go1.x", "AWS SDK for Go", "1.40.21", "Go 1.17, Linux, Lambda")]
    [InlineData(
        "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/secretsmanager#1.26.0",
        "AWS SDK for Go v2", "1.24.0", "Go 1.21.5, Linux")]
    [InlineData("aws-sdk-go-v2/1.14.0 os/macos lang/go/1.17.6 md/GOOS/darwin md/GOARCH/arm64 api/iam/1.17.0", "AWS SDK for Go v2", "1.14.0", "Go 1.17.6, macOS")]
    [InlineData(
        "aws-sdk-js/3.758.0 ua/2.1 os/darwin#24.5.0 lang/js md/nodejs#22.14.0 api/lambda#3.758.0 m/E,T,i,o",
        "AWS SDK for JavaScript", "3.758.0", "Node.js 22.14.0, macOS")]
    [InlineData("aws-sdk-nodejs/2.1586.0 linux/v20.15.1 promise", "AWS SDK for JavaScript", "2.1586.0", "Node.js 20.15.1, Linux")]
    [InlineData(
        "aws-sdk-dotnet-coreclr/3.7.305.28 ua/2.0 os/windows#10.0.22631.0 md/ARCH#X64 lang/.NET_Core#8.0.2 md/aws-sdk-dotnet-core#3.7.302.12 api/S3#3.7.305.28 cfg/retry-mode#legacy",
        "AWS SDK for .NET", "3.7.305.28", ".NET 8.0.2, Windows")]
    [InlineData(
        "aws-sdk-dotnet-coreclr/3.7.108.0 aws-sdk-dotnet-core/3.7.108.2 .NET_Core/6.0.20 OS/Linux_5.15.0-76-generic ClientAsync",
        "AWS SDK for .NET", "3.7.108.0", ".NET 6.0.20, Linux")]
    [InlineData(
        "aws-sdk-dotnet-45/3.3.31.7 aws-sdk-dotnet-core/3.3.31.7 .NET_Runtime/4.0 .NET_Framework/4.0 OS/Microsoft_Windows_NT_10.0.17134.0",
        "AWS SDK for .NET", "3.3.31.7", ".NET 4.0, Windows")]
    [InlineData("aws-sdk-ruby3/3.190.0 ua/2.0 api/s3#1.141.0 os/linux md/x86_64 lang/ruby#3.2.2 md/3.2.2 cfg/retry-mode#legacy", "AWS SDK for Ruby", "3.190.0", "Ruby 3.2.2, Linux")]
    [InlineData("aws-sdk-php/3.295.2 ua/2.0 OS/Linux#6.2.0 lang/php#8.2.13 GuzzleHttp/7", "AWS SDK for PHP", "3.295.2", "PHP 8.2.13, Linux")]
    [InlineData("aws-sdk-rust/1.1.1 os/linux lang/rust/1.74.1", "AWS SDK for Rust", "1.1.1", "Rust 1.74.1, Linux")]
    [InlineData("aws-sdk-cpp/1.11.205 ua/2.0 md/aws-crt#0.24.0 os/Linux#5.15 md/arch#x86_64 lang/c++#C++11 md/GCC#11.4.0", "AWS SDK for C++", "1.11.205", "C++, Linux")]
    [InlineData("aws-sdk-kotlin/1.0.30 ua/2.0 api/s3#1.0.30 os/linux#5.15 lang/kotlin#1.9.21 md/javaVersion#17.0.9", "AWS SDK for Kotlin", "1.0.30", "Kotlin 1.9.21, Linux")]
    [InlineData("aws-sdk-swift/0.32.0 ua/2.0 api/s3#0.32.0 os/macos#14.2.1 lang/swift#5.9", "AWS SDK for Swift", "0.32.0", "Swift 5.9, macOS")]
    [InlineData("awslambda-worker/1.0 rusoto/0.47.0 rust/1.55.0 linux", "Rusoto (Rust)", "0.47.0", "Rust 1.55.0, Linux")]
    [InlineData("aws-sdk-java/unknown-version", "AWS SDK for Java", null, null)]
    public void SDKs_are_named_by_language_with_runtime_platform_and_environment(string userAgent, string name, string? version, string? detail)
    {
        Assert.Equal(new ClientDescription(ClientKind.AwsSdk, name, version, detail), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData(
        "APN/1.0 HashiCorp/1.0 Terraform/1.6.0 (+https://www.terraform.io) terraform-provider-aws/5.30.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.23.5 ua/2.0 os/linux lang/go#1.20.11 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.138.2",
        "Terraform", "1.6.0", "terraform-provider-aws 5.30.0, Linux")]
    [InlineData(
        "APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) terraform-provider-aws/3.76.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.44.157 (go1.19.3; darwin; arm64) HashiCorp-terraform-exec/0.17.3",
        "Terraform", "1.1.2", "terraform-provider-aws 3.76.1, macOS")]
    [InlineData(
        "aws-sdk-go/1.29.7 (go1.13.7; darwin; amd64) APN/1.0 HashiCorp/1.0 Terraform/0.12.24 (+https://www.terraform.io)",
        "Terraform", "0.12.24", "macOS")]
    [InlineData(
        "APN/1.0 HashiCorp/1.0 OpenTofu/1.6.0 (+https://opentofu.org) terraform-provider-aws/5.31.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.24.0 os/linux",
        "OpenTofu", "1.6.0", "terraform-provider-aws 5.31.0, Linux")]
    public void Terraform_gives_its_version_and_the_provider_version(string userAgent, string name, string version, string detail)
    {
        Assert.Equal(new ClientDescription(ClientKind.Terraform, name, version, detail), UserAgentClassifier.Classify(userAgent));
    }

    [Fact]
    public void CloudFormation_has_its_own_kind()
    {
        Assert.Equal(
            new ClientDescription(ClientKind.CloudFormation, "AWS CloudFormation", null, null),
            UserAgentClassifier.Classify("cloudformation.amazonaws.com"));
    }

    [Theory]
    [InlineData("lambda.amazonaws.com")]
    [InlineData("ec2.amazonaws.com")]
    [InlineData("secretsmanager.amazonaws.com")]
    [InlineData("workmail.eu-west-1.amazonaws.com")]
    [InlineData("eks-nodegroup.amazonaws.com")]
    public void Other_AWS_services_are_named_by_their_host_name(string userAgent)
    {
        Assert.Equal(new ClientDescription(ClientKind.AwsService, userAgent, null, null), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData("AWS Internal", null)]
    [InlineData("AWS Internal/3", null)]
    [InlineData("aws-internal/3", null)]
    [InlineData("Coral/Netty4", null)]
    [InlineData(
        "aws-internal/3 aws-sdk-java/1.11.1030 Linux/5.4.116-64.217.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.302-b08 java/1.8.0_302 vendor/Oracle_Corporation cfg/retry-mode/legacy",
        "AWS SDK for Java 1.11.1030")]
    public void AWS_internal_calls_are_AWS_Internal(string userAgent, string? detail)
    {
        Assert.Equal(new ClientDescription(ClientKind.AwsInternal, "AWS Internal", null, detail), UserAgentClassifier.Classify(userAgent));
    }

    [Theory]
    [InlineData("aws-sdk-nodejs/2.1586.0 linux/v20.15.1 aws-cdk/2.135.0 promise", "AWS CDK", "2.135.0")]
    [InlineData("aws-cdk/2.139.0 os/linux#6.8.9 lang/nodejs#18.19.0 api/cloudformation#1.0.11", "AWS CDK", "2.139.0")]
    [InlineData("Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.5 lang/python#3.11.6 Botocore/1.34.0 APN/1.0 Ansible/2.16.2 amazon.aws/7.1.0", "Ansible", "2.16.2")]
    [InlineData("pulumi-aws/6.18.0 aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5", "Pulumi", "6.18.0")]
    [InlineData("aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 Steampipe/0.21.1", "Steampipe", "0.21.1")]
    [InlineData("Boto3/1.34.11 Python/3.11.6 Linux/6.2.0 Botocore/1.34.11 prowler/3.12.0", "Prowler", "3.12.0")]
    [InlineData(
        "Boto3/1.35.75 md/Botocore#1.35.75 ua/2.0 os/linux#6.10.11-cloud-amd64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#legacy Scout Suite/5.14.0 (https://github.com/nccgroup/ScoutSuite)",
        "Scout Suite", "5.14.0")]
    [InlineData("CloudCustodian(net-change-encryption)/0.9.2 Python/3.8.3 Linux/4.14.165 exec-env/AWS_Lambda_python3.8 Botocore/1.15.49", "Cloud Custodian", "0.9.2")]
    [InlineData("trufflehog/3.63.0", "TruffleHog", "3.63.0")]
    [InlineData("PostmanRuntime/7.28.0", "Postman", "7.28.0")]
    [InlineData("amazon-ssm-agent/3.2.0", "Amazon SSM Agent", "3.2.0")]
    [InlineData("stratus-red-team_10e7edf3-5063-4eba-8842-68f83bb52d65", "Stratus Red Team", null)]
    [InlineData(
        "APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) terraform-provider-aws/3.76.1 aws-sdk-go/1.44.157 (go1.19.3; darwin; arm64) stratus-red-team_83c9a458-ffab-4d43-8b02-9691311e8c0a HashiCorp-terraform-exec/0.17.3",
        "Stratus Red Team", null)]
    public void Other_tools_are_named_even_when_they_run_on_an_SDK_or_Terraform(string userAgent, string name, string? version)
    {
        var client = UserAgentClassifier.Classify(userAgent);

        Assert.Equal(ClientKind.OtherTool, client.Kind);
        Assert.Equal(name, client.Name);
        Assert.Equal(version, client.Version);
    }

    [Fact]
    public void A_tool_on_an_SDK_reports_the_SDKs_platform_as_detail()
    {
        var client = UserAgentClassifier.Classify(
            "CloudCustodian(net-change-encryption)/0.9.2 Python/3.8.3 Linux/4.14.165 exec-env/AWS_Lambda_python3.8 Botocore/1.15.49");

        Assert.Equal("Python 3.8.3, Linux, Lambda", client.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("-")]
    [InlineData("USER_AGENT")]
    [InlineData("example-user-agent")]
    [InlineData("python-requests/2.28.0")]
    [InlineData("68319f60-9dec-43b2-9702-de3a08c9d8a3")]
    [InlineData("&AWS; Internal")]
    [InlineData("AWS Internal; DROP TABLE")]
    [InlineData("evil.amazonaws.com.attacker.example")]
    [InlineData("<Victim browser user agent>")]
    [InlineData("MyConsole/1.0")]
    [InlineData("Console")]
    public void Anything_else_is_unknown_with_nothing_named(string? userAgent)
    {
        Assert.Equal(new ClientDescription(ClientKind.Unknown, null, null, null), UserAgentClassifier.Classify(userAgent));
    }

    [Fact]
    public void A_long_CLI_command_is_cut_at_the_detail_limit_with_an_ellipsis()
    {
        var command = "secretsmanager." + new string('x', 40) + "-" + new string('y', 10);

        var detail = UserAgentClassifier.Classify($"aws-cli/2.15.30 Python/3.11.8 Linux/6.1 command/{command}").Detail;

        Assert.NotNull(detail);
        Assert.Equal(DescriptionText.MaxDetailLength, detail.Length);
        Assert.EndsWith("\u2026", detail, StringComparison.Ordinal);
        Assert.StartsWith("aws secretsmanager xxxx", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CLI_command_with_characters_no_command_has_is_left_out()
    {
        var client = UserAgentClassifier.Classify("aws-cli/2.15.30 Linux/6.1 command/s3.cp\u202Eevil Subject:");

        Assert.Equal(new ClientDescription(ClientKind.AwsCli, "AWS CLI", "2.15.30", "Linux"), client);
    }

    [Theory]
    [InlineData("aws-cli/2.15.30\r\nSubject: forged Python/3.11.8 Linux/6.1 command/s3.ls", "2.15.30")]
    [InlineData("aws-cli/2.15.30\u001b[31mred Linux/6.1", "2.15.30")]
    [InlineData("aws-cli/\u200b2.15.30 Linux/6.1", null)]
    public void Versions_keep_only_version_characters(string userAgent, string? version)
    {
        var client = UserAgentClassifier.Classify(userAgent);

        Assert.Equal(ClientKind.AwsCli, client.Kind);
        Assert.Equal(version, client.Version);
        AssertPrintable(client);
    }

    [Fact]
    public void A_huge_user_agent_yields_short_strings()
    {
        var userAgent = "Boto3/" + new string('1', 5000) + " Python/" + new string('3', 5000) + " " + new string('A', 100_000);

        var client = UserAgentClassifier.Classify(userAgent);

        Assert.Equal(ClientKind.AwsSdk, client.Kind);
        AssertBounded(client);
    }

    [Property(MaxTest = 2000)]
    public void Any_string_classifies_without_throwing_into_bounded_printable_parts(NonNull<string> userAgent)
    {
        var client = UserAgentClassifier.Classify(userAgent.Get);

        AssertBounded(client);
        AssertPrintable(client);
    }

    [Property(MaxTest = 1000)]
    public void Any_mix_of_known_tokens_classifies_without_throwing_into_bounded_parts(string[] words)
    {
        string[] vocabulary =
        [
            "aws-cli/2.15.30", "Boto3/1.34.0", "Terraform/1.6.0", "terraform-provider-aws/5.30.0", "md/command#s3.ls",
            "command/.", "command/a.", "os/", "lang/", "lang/#", "md/#", "(go1.", "(", ")", "[", "]", ", ", "Mozilla/5.0",
            "Chrome/", "Version/", "exec-env/", "aws-internal/3", "S3Console/", "Console", "linux/v", "Scout Suite/",
        ];
        var userAgent = string.Join(' ', (words ?? []).Select(w => vocabulary[(w ?? "").Length % vocabulary.Length] + w));

        AssertBounded(UserAgentClassifier.Classify(userAgent));
    }

    [Fact]
    public void Every_user_agent_in_the_corpus_classifies_into_bounded_printable_parts()
    {
        var values = Corpus.DetailStrings("userAgent");
        Assert.NotEmpty(values);

        foreach (var (source, value) in values)
        {
            var client = UserAgentClassifier.Classify(value);
            Assert.True(client.Name is null || client.Name.Length <= DescriptionText.MaxNameLength, source);
            AssertBounded(client);
            AssertPrintable(client);
        }
    }

    [Fact]
    public void Corpus_user_agents_of_known_shapes_are_all_recognised()
    {
        foreach (var (source, value) in Corpus.DetailStrings("userAgent"))
        {
            var client = UserAgentClassifier.Classify(value);
            if (value.StartsWith("aws-cli/", StringComparison.Ordinal))
            {
                Assert.True(client.Kind == ClientKind.AwsCli && client.Version is not null, $"{source}: {value}");
            }
            else if (value.StartsWith("Mozilla/5.0 (", StringComparison.Ordinal) && value.Contains("Chrome/", StringComparison.Ordinal))
            {
                Assert.True(client is { Kind: ClientKind.ConsoleBrowser, Name: "Chrome", Version: not null, Detail: not null }, $"{source}: {value}");
            }
            else if (value.EndsWith(".amazonaws.com", StringComparison.Ordinal))
            {
                Assert.True(client.Kind is ClientKind.AwsService or ClientKind.CloudFormation or ClientKind.ConsoleBrowser, $"{source}: {value}");
            }
            else if (value.StartsWith("aws-sdk-", StringComparison.Ordinal) || value.StartsWith("Boto3/", StringComparison.Ordinal))
            {
                // Old Terraform releases put the Go SDK first.
                Assert.True(client.Kind is ClientKind.AwsSdk or ClientKind.Terraform, $"{source}: {value}");
            }
        }
    }

    [Fact]
    public void Classifying_a_browser_allocates_only_the_version_string()
    {
        const string userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36";
        UserAgentClassifier.Classify(userAgent);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            UserAgentClassifier.Classify(userAgent);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        // "119" is a 3-character string: 28 bytes on 64-bit.
        Assert.InRange(perCall, 1, 40);
    }

    [Fact]
    public void Classifying_a_CLI_user_agent_allocates_only_the_result_strings()
    {
        const string userAgent = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.72-96.166.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/secretsmanager.get-secret-value";
        UserAgentClassifier.Classify(userAgent);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            UserAgentClassifier.Classify(userAgent);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        // Version "2.15.30" (7 chars, 40 bytes) and the 42-character detail (110 bytes).
        Assert.InRange(perCall, 1, 160);
    }

    private static void AssertBounded(ClientDescription client)
    {
        Assert.True(client.Name is null || client.Name.Length <= DescriptionText.MaxNameLength, client.Name);
        Assert.True(client.Version is null || client.Version.Length <= DescriptionText.MaxVersionLength, client.Version);
        Assert.True(client.Detail is null || client.Detail.Length <= DescriptionText.MaxDetailLength, client.Detail);
    }

    private static void AssertPrintable(ClientDescription client)
    {
        foreach (var part in new[] { client.Name, client.Version, client.Detail })
        {
            if (part is null)
            {
                continue;
            }

            Assert.NotEmpty(part);
            Assert.DoesNotContain(part, c => char.IsControl(c) || c is '\u202E' or '\u200B' || char.IsSurrogate(c));
        }
    }
}
