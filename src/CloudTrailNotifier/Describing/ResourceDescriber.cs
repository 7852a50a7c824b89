using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// Names the resources a call touched, from requestParameters: known shapes for the services people
/// watch most, then a generic rule (a parameter named like an identifier), then the record's resources[].
/// </summary>
internal static class ResourceDescriber
{
    /// <summary>How many resources are named at most; the rest stay visible in the request parameters.</summary>
    public const int MaxResources = 10;

    public static IReadOnlyList<ResourceRef> Describe(CloudTrailEvent evt)
    {
        var found = new List<ResourceRef>(2);
        var scope = new Scope(evt.Region, evt.RecipientAccount);
        var parameters = JsonFields.Object(evt.Record, "requestParameters");
        if (parameters is { } p)
        {
            AddKnown(ServicePrefix(evt.EventSource), p, scope, found);
            if (found.Count == 0)
            {
                AddGeneric(p, found);
            }
        }

        if (found.Count == 0)
        {
            AddFromResourcesArray(evt.Record, scope, found);
        }

        return found;
    }

    /// <summary><c>secretsmanager</c> from <c>secretsmanager.amazonaws.com</c>.</summary>
    public static string? ServicePrefix(string? eventSource)
    {
        if (eventSource is null)
        {
            return null;
        }

        var dot = eventSource.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? eventSource : eventSource[..dot];
    }

    private static void AddKnown(string? service, JsonElement p, Scope scope, List<ResourceRef> found)
    {
        switch (service)
        {
            case "secretsmanager":
                AddEach(p, "secretId", ResourceKind.Secret, scope, found);
                AddEach(p, "secretIdList", ResourceKind.Secret, scope, found);
                AddEach(p, "name", ResourceKind.Secret, scope, found);
                break;
            case "ssm":
                AddEach(p, "name", ResourceKind.Parameter, scope, found);
                AddEach(p, "names", ResourceKind.Parameter, scope, found);
                AddEach(p, "path", ResourceKind.Parameter, scope, found);
                break;
            case "s3":
                AddS3(p, scope, found);
                break;
            case "iam":
                AddEach(p, "roleName", ResourceKind.Role, scope, found);
                AddEach(p, "userName", ResourceKind.User, scope, found);
                AddEach(p, "groupName", ResourceKind.Group, scope, found);
                AddEach(p, "policyArn", ResourceKind.Policy, scope, found);
                break;
            case "kms":
                AddEach(p, "keyId", ResourceKind.Key, scope, found);
                break;
            case "ec2":
                AddEc2Instances(p, scope, found);
                break;
            case "sts":
                AddRoleArn(p, scope, found);
                break;
            case "lambda":
                AddEach(p, "functionName", ResourceKind.Function, scope, found);
                break;
            case "dynamodb":
                AddEach(p, "tableName", ResourceKind.Table, scope, found);
                break;
        }
    }

    private static void AddEach(JsonElement parameters, string name, ResourceKind kind, Scope scope, List<ResourceRef> found)
    {
        if (!JsonFields.TryGet(parameters, name, out var value))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (JsonFields.Scalar(item) is { } text)
                {
                    Add(kind, text, name, scope, found);
                }
            }
        }
        else if (JsonFields.Scalar(value) is { } text)
        {
            Add(kind, text, name, scope, found);
        }
    }

    private static void Add(ResourceKind kind, string identifier, string source, Scope scope, List<ResourceRef> found)
    {
        if (found.Count >= MaxResources)
        {
            return;
        }

        var name = ShortName(kind, identifier);
        var linkName = kind switch
        {
            ResourceKind.Policy or ResourceKind.Other => identifier,
            _ => name,
        };
        var link = IsLinkable(kind, identifier, scope.Account)
            ? ConsoleLinks.For(kind, linkName, RegionOf(identifier) ?? scope.Region)
            : null;
        found.Add(new ResourceRef(kind, name, identifier, source, link));
    }

    private static void AddS3(JsonElement p, Scope scope, List<ResourceRef> found)
    {
        var bucket = JsonFields.String(p, "bucketName") ?? JsonFields.String(p, "Bucket");
        var key = JsonFields.String(p, "key") ?? JsonFields.String(p, "Key");
        if (bucket is null)
        {
            return;
        }

        if (key is null)
        {
            Add(ResourceKind.Bucket, bucket, "bucketName", scope, found);
            return;
        }

        var uri = $"s3://{bucket}/{key}";
        found.Add(new ResourceRef(ResourceKind.Object, uri, uri, "key", ConsoleLinks.ForObject(bucket, key)));
    }

    private static void AddEc2Instances(JsonElement p, Scope scope, List<ResourceRef> found)
    {
        AddEach(p, "instanceId", ResourceKind.Instance, scope, found);
        if (JsonFields.Object(p, "instancesSet") is { } set && JsonFields.Array(set, "items") is { } items)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (JsonFields.String(item, "instanceId") is { } id)
                {
                    Add(ResourceKind.Instance, id, "instancesSet", scope, found);
                }
            }
        }
    }

    private static void AddRoleArn(JsonElement p, Scope scope, List<ResourceRef> found)
    {
        if (JsonFields.String(p, "roleArn") is { } roleArn)
        {
            Add(ResourceKind.Role, roleArn, "roleArn", scope, found);
        }
    }

    private static void AddGeneric(JsonElement p, List<ResourceRef> found)
    {
        foreach (var property in p.EnumerateObject())
        {
            if (LooksLikeIdentifier(JsonFields.Name(property)) && JsonFields.Scalar(property.Value) is { } text)
            {
                found.Add(new ResourceRef(ResourceKind.Other, text, text, JsonFields.Name(property), null));
                return;
            }
        }
    }

    private static void AddFromResourcesArray(JsonElement record, Scope scope, List<ResourceRef> found)
    {
        if (JsonFields.Array(record, "resources") is not { } resources)
        {
            return;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            var arn = JsonFields.String(resource, "ARN") ?? JsonFields.String(resource, "arn");
            if (arn is not null)
            {
                var type = JsonFields.String(resource, "type") ?? "resources";
                Add(KindOfResourceType(type), arn, type, scope, found);
            }
        }
    }

    /// <summary>The kinds a notification names, by CloudFormation-style type in resources[].</summary>
    private static ResourceKind KindOfResourceType(string type) => type switch
    {
        "AWS::SecretsManager::Secret" => ResourceKind.Secret,
        "AWS::SSM::Parameter" => ResourceKind.Parameter,
        "AWS::S3::Bucket" => ResourceKind.Bucket,
        "AWS::IAM::Role" => ResourceKind.Role,
        "AWS::IAM::User" => ResourceKind.User,
        "AWS::IAM::Group" => ResourceKind.Group,
        "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => ResourceKind.Policy,
        "AWS::KMS::Key" => ResourceKind.Key,
        "AWS::EC2::Instance" => ResourceKind.Instance,
        "AWS::Lambda::Function" => ResourceKind.Function,
        "AWS::DynamoDB::Table" => ResourceKind.Table,
        _ => ResourceKind.Other,
    };

    private static bool LooksLikeIdentifier(string name) =>
        name.EndsWith("Name", StringComparison.Ordinal)
        || name.EndsWith("Id", StringComparison.Ordinal)
        || name.EndsWith("Arn", StringComparison.Ordinal)
        || name.EndsWith("ARN", StringComparison.Ordinal)
        || name is "name" or "arn" or "id" or "bucket" or "key" or "resource" or "resourceArn";

    /// <summary>The name a person uses: the last ARN segment, without a secret's random suffix.</summary>
    private static string ShortName(ResourceKind kind, string identifier)
    {
        if (!identifier.StartsWith("arn:", StringComparison.Ordinal))
        {
            return identifier;
        }

        switch (kind)
        {
            case ResourceKind.Secret:
                var marker = identifier.IndexOf(":secret:", StringComparison.Ordinal);
                if (marker < 0)
                {
                    return identifier;
                }

                var name = identifier[(marker + ":secret:".Length)..];
                return StripSecretSuffix(name);
            case ResourceKind.Parameter:
                var parameter = identifier.IndexOf(":parameter", StringComparison.Ordinal);
                return parameter < 0 ? identifier : identifier[(parameter + ":parameter".Length)..];
            case ResourceKind.Function:
                var function = identifier.IndexOf(":function:", StringComparison.Ordinal);
                if (function < 0)
                {
                    return identifier;
                }

                var rest = identifier[(function + ":function:".Length)..];
                var qualifier = rest.IndexOf(':', StringComparison.Ordinal);
                return qualifier < 0 ? rest : rest[..qualifier];
            case ResourceKind.Bucket:
                var bucket = identifier.IndexOf(":::", StringComparison.Ordinal);
                return bucket < 0 || bucket + 3 >= identifier.Length ? identifier : identifier[(bucket + 3)..];
            default:
                // The last path segment (role/NAME, key/ID, table/NAME, instance/ID), else the last field.
                var slash = identifier.LastIndexOf('/');
                var colon = identifier.LastIndexOf(':');
                var cut = Math.Max(slash, colon);
                return cut < 0 || cut == identifier.Length - 1 ? identifier : identifier[(cut + 1)..];
        }
    }

    /// <summary>
    /// A full secret ARN ends in a hyphen and six random characters that are not part of the name. A partial
    /// ARN can end the same way (<c>prod/db-backup</c>), so only a suffix that looks random (lowercase mixed
    /// with uppercase or digits) is cut; when unsure, the name is shown as the caller wrote it.
    /// </summary>
    private static string StripSecretSuffix(string name)
    {
        if (name.Length <= 7 || name[^7] != '-')
        {
            return name;
        }

        bool lower = false, upperOrDigit = false;
        foreach (var c in name.AsSpan(name.Length - 6))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return name;
            }

            lower |= char.IsAsciiLetterLower(c);
            upperOrDigit |= !char.IsAsciiLetterLower(c);
        }

        return lower && upperOrDigit ? name[..^7] : name;
    }

    /// <summary>
    /// The console opens pages in the reader's own account: a resource whose ARN names another account gets
    /// no link (it would show a same-named resource of the wrong account), nor does a KMS alias.
    /// </summary>
    private static bool IsLinkable(ResourceKind kind, string identifier, string? recipientAccount)
    {
        if (kind == ResourceKind.Key && identifier.Contains("alias/", StringComparison.Ordinal))
        {
            return false;
        }

        if (!identifier.StartsWith("arn:", StringComparison.Ordinal) || recipientAccount is null)
        {
            return true;
        }

        var parts = identifier.Split(':', 6);
        return parts.Length < 5 || parts[4].Length == 0 || parts[4] == "aws" || parts[4] == recipientAccount;
    }

    /// <summary>The region inside an ARN (<c>arn:aws:service:REGION:...</c>), when it has one.</summary>
    private static string? RegionOf(string identifier)
    {
        if (!identifier.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = identifier.Split(':', 5);
        return parts.Length >= 5 && ConsoleLinks.IsRegion(parts[3]) ? parts[3] : null;
    }

    /// <summary>Where the event happened, for links: its region and the account it was delivered to.</summary>
    private readonly record struct Scope(string? Region, string? Account);
}
