using System.Collections.Frozen;

namespace CloudTrailNotifier.Describing;

/// <summary>The names people use for AWS services, keyed by the eventSource prefix.</summary>
internal static class ServiceNames
{
    /// <summary>CloudFormation's service principal, as a call it makes for a stack records it (<c>invokedBy</c>).</summary>
    public const string CloudFormationPrincipal = "cloudformation.amazonaws.com";

    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["secretsmanager"] = "Secrets Manager",
        ["ssm"] = "Systems Manager",
        ["s3"] = "S3",
        ["iam"] = "IAM",
        ["kms"] = "KMS",
        ["ec2"] = "EC2",
        ["sts"] = "STS",
        ["lambda"] = "Lambda",
        ["dynamodb"] = "DynamoDB",
        ["signin"] = "Sign-In",
        ["sso"] = "IAM Identity Center",
        ["sso-oauth"] = "IAM Identity Center OIDC",
        ["identitystore"] = "Identity Store",
        ["cloudtrail"] = "CloudTrail",
        ["monitoring"] = "CloudWatch",
        ["logs"] = "CloudWatch Logs",
        ["events"] = "EventBridge",
        ["sns"] = "SNS",
        ["sqs"] = "SQS",
        ["rds"] = "RDS",
        ["ecs"] = "ECS",
        ["eks"] = "EKS",
        ["ecr"] = "ECR",
        ["cloudformation"] = "CloudFormation",
        ["organizations"] = "Organizations",
        ["guardduty"] = "GuardDuty",
        ["securityhub"] = "Security Hub",
        ["config"] = "Config",
        ["acm"] = "Certificate Manager",
        ["route53"] = "Route 53",
        ["route53resolver"] = "Route 53 Resolver",
        ["rolesanywhere"] = "IAM Roles Anywhere",
        ["ec2-instance-connect"] = "EC2 Instance Connect",
        ["cloudfront"] = "CloudFront",
        ["elasticloadbalancing"] = "Elastic Load Balancing",
        ["autoscaling"] = "Auto Scaling",
        ["apigateway"] = "API Gateway",
        ["cognito-idp"] = "Cognito User Pools",
        ["cognito-identity"] = "Cognito Identity",
        ["access-analyzer"] = "IAM Access Analyzer",
        ["health"] = "Health",
        ["support"] = "Support",
        ["ce"] = "Cost Explorer",
        ["bedrock"] = "Bedrock",
        ["sagemaker"] = "SageMaker",
        ["glue"] = "Glue",
        ["athena"] = "Athena",
        ["redshift"] = "Redshift",
        ["elasticfilesystem"] = "EFS",
        ["backup"] = "Backup",
        ["ram"] = "Resource Access Manager",
        ["waf"] = "WAF",
        ["wafv2"] = "WAF",
        ["codebuild"] = "CodeBuild",
        ["codecommit"] = "CodeCommit",
        ["states"] = "Step Functions",
        ["kinesis"] = "Kinesis",
        ["firehose"] = "Data Firehose",
        ["elasticache"] = "ElastiCache",
        ["es"] = "OpenSearch Service",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A display name for a prefix such as <c>secretsmanager</c>; unknown prefixes are returned as they are.</summary>
    public static string? Display(string? prefix) =>
        prefix is null ? null : Names.TryGetValue(prefix, out var name) ? name : prefix;
}
