using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// What an ARN names, read from the ARN itself: used when a call names its object by a parameter that says nothing
/// about it (<c>resourceArn</c>, <c>resource</c>, <c>arn</c>, as SNS <c>PutDataProtectionPolicy</c>, tagging calls and
/// WAF associations do). A kind the notifier knows (an IAM role, a Lambda function, a DynamoDB table, an RDS cluster)
/// comes back as that kind; any other as <see cref="ResourceKind.Other"/> with words for it (<c>SNS topic</c>,
/// <c>CloudFront distribution</c>). Pure.
/// </summary>
internal static class ArnResource
{
    /// <summary>The kind, the words for an <see cref="ResourceKind.Other"/> and its short name; null when no ARN.</summary>
    public static (ResourceKind Kind, string Label, string Name)? Of(string value)
    {
        if (!ArnText.TryParse(value, out var arn) || arn.Service.Length == 0 || arn.Resource.Length == 0
            || !IsWord(arn.Service))
        {
            return null;
        }

        // An S3 ARN has no type: arn:aws:s3:::bucket, or arn:aws:s3:::bucket/key for an object.
        var resource = arn.Resource.TrimStart('/');
        var cut = arn.Service == "s3" ? -1 : resource.IndexOfAny(['/', ':']);
        var type = cut < 0 ? string.Empty : resource[..cut];
        var id = (cut < 0 ? resource : resource[(cut + 1)..]).TrimEnd('/');
        if (cut >= 0 && !IsWord(type))
        {
            type = string.Empty;
            id = resource.TrimEnd('/');
        }

        if (arn.Service == "apigateway" && resource.TrimEnd('/').Split('/') is { Length: >= 2 } path && path.Length % 2 == 0
            && IsWord(path[^2]))
        {
            // /restapis/ID/stages/NAME: type/ID pairs, the last pair is the thing (a stage of REST API ID).
            type = path[^2];
            id = string.Join('/', path.Where((_, at) => at % 2 == 1));
        }

        var kind = KindOf(arn.Service, type, id);
        if (kind != ResourceKind.Other)
        {
            return (kind, string.Empty, ResourceNames.ShortName(kind, value));
        }

        var service = ServiceNames.Display(arn.Service);
        return (ResourceKind.Other, $"{service} {Noun(arn.Service, type)}", id.Length == 0 ? value : id);
    }

    private static ResourceKind KindOf(string service, string type, string id) => (service, type) switch
    {
        ("s3", "") when !id.Contains('/', StringComparison.Ordinal) => ResourceKind.Bucket,
        ("iam", "role") => ResourceKind.Role,
        ("iam", "user") => ResourceKind.User,
        ("iam", "group") => ResourceKind.Group,
        ("iam", "policy") => ResourceKind.Policy,
        ("kms", "key") => ResourceKind.Key,
        ("lambda", "function") => ResourceKind.Function,
        ("dynamodb", "table") when !id.Contains('/', StringComparison.Ordinal) => ResourceKind.Table,
        ("secretsmanager", "secret") => ResourceKind.Secret,
        ("ssm", "parameter") => ResourceKind.Parameter,
        ("rds", "db") => ResourceKind.DbInstance,
        ("rds", "cluster") => ResourceKind.DbCluster,
        ("rds", "snapshot" or "cluster-snapshot") => ResourceKind.DbSnapshot,
        ("ec2", "instance") => ResourceKind.Instance,
        ("ec2", "snapshot") => ResourceKind.Snapshot,
        ("ec2", "image") => ResourceKind.Image,
        ("ec2", "volume") => ResourceKind.Volume,
        ("ec2", "vpc") => ResourceKind.Vpc,
        ("ec2", "subnet") => ResourceKind.Subnet,
        ("ec2", "security-group") => ResourceKind.SecurityGroup,
        ("cloudtrail", "trail") => ResourceKind.Trail,
        _ => ResourceKind.Other,
    };

    /// <summary>The resource type in words: an SNS ARN without a type is a topic, an SQS one a queue.</summary>
    private static string Noun(string service, string type)
    {
        if (type.Length == 0)
        {
            return service switch
            {
                "sns" => "topic",
                "sqs" => "queue",
                "s3" => "object",
                _ => "resource",
            };
        }

        return type switch
        {
            "restapis" => "REST API",
            "apis" => "API",
            "stages" => "stage",
            "loadbalancer" => "load balancer",
            "targetgroup" => "target group",
            _ => type.Replace('-', ' ').ToLowerInvariant(),
        };
    }

    /// <summary>Letters, digits and hyphens, at most 40: a service or type name, never free text.</summary>
    private static bool IsWord(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 40)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
