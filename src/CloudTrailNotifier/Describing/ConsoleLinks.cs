using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Builds AWS console addresses. Every piece taken from an event is percent-encoded, and a region that
/// is not shaped like a region yields no link at all, so an event cannot point a reader somewhere else.
/// </summary>
internal static class ConsoleLinks
{
    public static string? CloudTrailEvent(string? region, string? eventId) =>
        IsRegion(region) && !string.IsNullOrEmpty(eventId)
            ? $"https://{region}.console.aws.amazon.com/cloudtrailv2/home?region={region}#/events/{Escape(eventId)}"
            : null;

    public static string? For(ResourceKind kind, string name, string? region) => kind switch
    {
        ResourceKind.Role => $"https://console.aws.amazon.com/iam/home#/roles/details/{Escape(name)}",
        ResourceKind.User => $"https://console.aws.amazon.com/iam/home#/users/details/{Escape(name)}",
        ResourceKind.Group => $"https://console.aws.amazon.com/iam/home#/groups/details/{Escape(name)}",
        ResourceKind.Policy when name.StartsWith("arn:", StringComparison.Ordinal) =>
            $"https://console.aws.amazon.com/iam/home#/policies/details/{Escape(name)}",
        ResourceKind.Bucket => $"https://s3.console.aws.amazon.com/s3/buckets/{Escape(name)}",
        _ when !IsRegion(region) => null,
        ResourceKind.Secret => $"https://{region}.console.aws.amazon.com/secretsmanager/secret?name={Escape(name)}&region={region}",
        ResourceKind.Parameter => $"https://{region}.console.aws.amazon.com/systems-manager/parameters/{Escape(name)}/description?region={region}",
        ResourceKind.Key => $"https://{region}.console.aws.amazon.com/kms/home?region={region}#/kms/keys/{Escape(name)}",
        ResourceKind.Instance => $"https://{region}.console.aws.amazon.com/ec2/home?region={region}#InstanceDetails:instanceId={Escape(name)}",
        ResourceKind.Function => $"https://{region}.console.aws.amazon.com/lambda/home?region={region}#/functions/{Escape(name)}",
        ResourceKind.Table => $"https://{region}.console.aws.amazon.com/dynamodbv2/home?region={region}#table?name={Escape(name)}",
        _ => null,
    };

    public static string? ForObject(string bucket, string key) =>
        $"https://s3.console.aws.amazon.com/s3/object/{Escape(bucket)}?prefix={Escape(key)}";

    /// <summary>Lowercase letters, digits and hyphens, like <c>ap-northeast-1</c> or <c>us-gov-west-1</c>.</summary>
    public static bool IsRegion(string? region)
    {
        if (region is not { Length: >= 4 and <= 32 })
        {
            return false;
        }

        foreach (var c in region)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return region.Contains('-', StringComparison.Ordinal) && char.IsAsciiDigit(region[^1]);
    }

    private static string Escape(string value) =>
        Uri.EscapeDataString(value.Length > 512 ? value[..512] : value);
}
