using BenchmarkDotNet.Attributes;
using CloudTrailNotifier.Describing;
using CloudTrailNotifier.Describing.UserAgents;

namespace CloudTrailNotifier.Benchmarks.Describing;

/// <summary>Cost of classifying the user agents and source addresses seen most often.</summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.72-96.166.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/secretsmanager.get-secret-value",
        "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#5.10.205 md/arch#x86_64 lang/python#3.12.1 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.11",
        "APN/1.0 HashiCorp/1.0 Terraform/1.6.0 (+https://www.terraform.io) terraform-provider-aws/5.30.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.23.5 ua/2.0 os/linux lang/go#1.20.11",
        "AWS Internal",
        "lambda.amazonaws.com",
    ];

    private static readonly string[] Sources = ["203.0.113.7", "2001:db8::1", "AWS Internal", "secretsmanager.amazonaws.com"];

    [Benchmark]
    public int UserAgentsOfEachKind()
    {
        var total = 0;
        foreach (var userAgent in UserAgents)
        {
            total += (int)UserAgentClassifier.Classify(userAgent).Kind;
        }

        return total;
    }

    [Benchmark]
    public int SourcesOfEachKind()
    {
        var total = 0;
        foreach (var source in Sources)
        {
            total += (int)SourceClassifier.Classify(source).Kind;
        }

        return total;
    }
}
