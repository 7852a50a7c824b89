using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// The <see cref="SeverityTable"/>'s conditions for calls that make something public however the request spells it:
/// canned S3 ACLs, S3 public access blocks switched off, resource policies of any service open to everyone, Lambda
/// function URLs without authentication and security groups opened through several ranges. Each is pure.
/// </summary>
internal static class ExposureConditions
{
    /// <summary>Canned ACLs that let anyone (or any AWS account) read, or write, the bucket or object.</summary>
    private static readonly string[] PublicCannedAcls = ["public-read", "public-read-write", "authenticated-read"];

    /// <summary>The four settings of a public access block; each one false (or left out, which S3 reads as false) lets something public through.</summary>
    private static readonly string[] BlockSettings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

    /// <summary>The request parameters that carry an ingress range, in every shape EC2 records.</summary>
    private static readonly string[] RangeKeys = ["cidrIp", "cidrIpv6", "CidrIp", "CidrIpv6"];

    private const int MaxDepth = 12;

    /// <summary>An S3 request sets a canned ACL (<c>x-amz-acl</c>, a string or a list) of <c>public-read</c>, <c>public-read-write</c> or <c>authenticated-read</c>.</summary>
    public static bool SetsPublicCannedAcl(RuleInput i)
    {
        if (i.Parameters is not { } p || !JsonFields.TryGet(p, "x-amz-acl", out var acl))
        {
            return false;
        }

        return acl.ValueKind == JsonValueKind.Array
            ? acl.EnumerateArray().Any(IsPublicCannedAcl)
            : IsPublicCannedAcl(acl);
    }

    /// <summary>
    /// A bucket or account public access block was put with at least one setting off (false, or left out: S3 replaces the
    /// whole configuration), so policies or ACLs can make data public again.
    /// </summary>
    public static bool TurnsPublicAccessBlockOff(RuleInput i)
    {
        if (!i.Succeeded || i.Parameters is not { } p || JsonFields.Object(p, "PublicAccessBlockConfiguration") is not { } configuration)
        {
            return false;
        }

        foreach (var setting in BlockSettings)
        {
            if (JsonFields.Boolean(configuration, setting) != true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A resource policy of another service (KMS key, SQS queue, SNS topic, ECR repository, EFS file system), in any parameter
    /// those calls send it in, lets everyone in (<see cref="PolicyDocuments.OpensToEveryone"/>).
    /// </summary>
    public static bool ResourcePolicyOpensToEveryone(RuleInput i)
    {
        if (!i.Succeeded || i.Parameters is not { } p)
        {
            return false;
        }

        if (JsonFields.TryGet(p, "policy", out var policy) && PolicyDocuments.OpensToEveryone(policy))
        {
            return true;
        }

        if (JsonFields.TryGet(p, "policyText", out var text) && PolicyDocuments.OpensToEveryone(text))
        {
            return true;
        }

        // SQS and SNS: an attribute map (SetQueueAttributes, CreateQueue, CreateTopic), or SNS's one attribute by name.
        if (JsonFields.Object(p, "attributes") is { } attributes && JsonFields.TryGet(attributes, "Policy", out var inMap)
            && PolicyDocuments.OpensToEveryone(inMap))
        {
            return true;
        }

        return string.Equals(JsonFields.String(p, "attributeName"), "Policy", StringComparison.OrdinalIgnoreCase)
            && JsonFields.TryGet(p, "attributeValue", out var value) && PolicyDocuments.OpensToEveryone(value);
    }

    /// <summary>
    /// A Lambda permission (<c>AddPermission</c> in any API version) for <c>*</c> without a source account, source ARN or
    /// organization to limit it: anyone may invoke the function.
    /// </summary>
    public static bool LambdaPermissionForEveryone(RuleInput i) =>
        i.EventName is { } name && name.StartsWith("AddPermission", StringComparison.Ordinal) && RuleConditions.PolicyOpensToEveryone(i);

    /// <summary>A Lambda function URL created or changed (any API version) with <c>authType: NONE</c>: anyone may call it without signing.</summary>
    public static bool FunctionUrlWithoutAuth(RuleInput i) =>
        i.Succeeded && i.EventName is { } name
        && (name.StartsWith("CreateFunctionUrlConfig", StringComparison.Ordinal) || name.StartsWith("UpdateFunctionUrlConfig", StringComparison.Ordinal))
        && string.Equals(RuleConditions.Parameter(i, "authType"), "NONE", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ingress ranges of the request, taken together, admit the internet (<see cref="InternetRanges.AdmitTheInternet"/>).</summary>
    public static bool RangesAdmitTheInternet(RuleInput i)
    {
        if (!i.Succeeded || i.Parameters is not { } p)
        {
            return false;
        }

        var ranges = new List<string>();
        CollectRanges(p, ranges, 0);
        return InternetRanges.AdmitTheInternet(ranges);
    }

    private static bool IsPublicCannedAcl(JsonElement value) =>
        JsonFields.Scalar(value) is { } text && PublicCannedAcls.Any(acl => string.Equals(acl, text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static void CollectRanges(JsonElement value, List<string> into, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                CollectRanges(item, into, depth + 1);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && RangeKeys.Contains(JsonFields.Name(property)) && JsonFields.Scalar(property.Value) is { } range)
                {
                    into.Add(range);
                }
                else
                {
                    CollectRanges(property.Value, into, depth + 1);
                }
            }
        }
    }
}
