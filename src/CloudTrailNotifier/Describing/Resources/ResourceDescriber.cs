using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing.Resources;

/// <summary>
/// Names the resources a call touched, from requestParameters: known shapes for the services people
/// watch most, then a generic rule (a parameter named like an identifier), then the record's resources[].
/// </summary>
internal static class ResourceDescriber
{
    /// <summary>How many resources are named at most; the rest stay visible in the request parameters.</summary>
    public const int MaxResources = 10;

    public static ResourceList Describe(CloudTrailEvent evt)
    {
        var found = new ResourceList();
        var scope = new Scope(evt.Region, evt.RecipientAccount);
        var parameters = JsonFields.AsObject(evt.RequestParameters);
        if (parameters is { } p)
        {
            AddKnown(ServicePrefix(evt.EventSource), evt.EventName, p, scope, found);
            if (found.Count == 0)
            {
                AddGeneric(p, evt.EventName, scope, found);
            }
        }

        if (found.Count == 0)
        {
            AddFromResourcesArray(evt.Resources, scope, found);
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

    private static void AddKnown(string? service, string? eventName, JsonElement p, Scope scope, ResourceList found)
    {
        switch (service)
        {
            case "secretsmanager":
                AddEach(p, "secretId", ResourceKind.Secret, scope, found);
                AddEach(p, "secretIdList", ResourceKind.Secret, scope, found);
                AddEach(p, "name", ResourceKind.Secret, scope, found);
                break;
            case "ssm":
                ServiceResources.AddSsmTargets(p, (kind, id, source) => Add(kind, id, source, scope, found));
                AddEach(p, "name", ResourceKind.Parameter, scope, found);
                AddEach(p, "names", ResourceKind.Parameter, scope, found);
                AddEach(p, "path", ResourceKind.Parameter, scope, found);
                break;
            case "s3":
                AddS3(p, scope, found);
                break;
            case "iam":
                // A policy attached or detached is the call's object; the user, role or group comes second.
                if (eventName is not null && eventName.EndsWith("Policy", StringComparison.Ordinal)
                    && (eventName.StartsWith("Attach", StringComparison.Ordinal) || eventName.StartsWith("Detach", StringComparison.Ordinal)))
                {
                    AddEach(p, "policyArn", ResourceKind.Policy, scope, found);
                }

                AddEach(p, "roleName", ResourceKind.Role, scope, found);
                AddEach(p, "userName", ResourceKind.User, scope, found);
                AddEach(p, "groupName", ResourceKind.Group, scope, found);
                AddEach(p, "policyArn", ResourceKind.Policy, scope, found);
                break;
            case "kms":
                AddEach(p, "keyId", ResourceKind.Key, scope, found);
                AddEach(p, "aliasName", ResourceKind.Key, scope, found);
                AddEach(p, "targetKeyId", ResourceKind.Key, scope, found);
                break;
            case "ec2":
                Ec2Resources.Add(p, (kind, id, source) => Add(kind, id, source, scope, found));
                break;
            case "rds":
                AddEach(p, "dBInstanceIdentifier", ResourceKind.DbInstance, scope, found);
                AddEach(p, "dBSnapshotIdentifier", ResourceKind.DbSnapshot, scope, found);
                AddEach(p, "dBClusterSnapshotIdentifier", ResourceKind.DbSnapshot, scope, found);
                AddEach(p, "dBClusterIdentifier", ResourceKind.DbCluster, scope, found);
                AddEach(p, "sourceDBSnapshotIdentifier", ResourceKind.DbSnapshot, scope, found);
                AddEach(p, "targetDBSnapshotIdentifier", ResourceKind.DbSnapshot, scope, found);
                break;
            case "cloudtrail":
                AddEach(p, "name", ResourceKind.Trail, scope, found);
                AddEach(p, "trailName", ResourceKind.Trail, scope, found);
                AddEach(p, "trailNameList", ResourceKind.Trail, scope, found);
                break;
            case "guardduty":
                AddEach(p, "detectorId", ResourceKind.Detector, scope, found);
                break;
            case "sts":
                AddRoleArn(p, scope, found);
                if (eventName == "GetFederationToken" && JsonFields.String(p, "name") is { } federated)
                {
                    // The name is the federated user the credentials are for, not a token's name.
                    found.Add(new ResourceRef(ResourceKind.Other, federated, federated, "federated user", null));
                }

                break;
            case "lambda":
                AddEach(p, "functionName", ResourceKind.Function, scope, found);
                break;
            case "dynamodb":
                AddEach(p, "tableName", ResourceKind.Table, scope, found);
                break;
        }
    }

    private static void AddEach(JsonElement parameters, string name, ResourceKind kind, Scope scope, ResourceList found)
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

    private static void Add(ResourceKind kind, string identifier, string source, Scope scope, ResourceList found)
    {
        if (found.Exists(r => r.Identifier == identifier && r.Kind == kind))
        {
            return;
        }

        if (found.Count >= MaxResources)
        {
            found.Omit(kind, identifier);
            return;
        }

        var name = ResourceNames.ShortName(kind, identifier);
        var linkName = kind switch
        {
            ResourceKind.Policy or ResourceKind.Other => identifier,
            _ => name,
        };
        var link = ResourceNames.IsLinkable(kind, identifier, scope.Account)
            ? ConsoleLinks.For(kind, linkName, ResourceNames.RegionOf(identifier) ?? scope.Region)
            : null;
        found.Add(new ResourceRef(kind, name, identifier, source, link));
    }

    private static void AddS3(JsonElement p, Scope scope, ResourceList found)
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

    private static void AddRoleArn(JsonElement p, Scope scope, ResourceList found)
    {
        if (JsonFields.String(p, "roleArn") is { } roleArn)
        {
            Add(ResourceKind.Role, roleArn, "roleArn", scope, found);
        }
    }

    private static void AddGeneric(JsonElement p, string? eventName, Scope scope, ResourceList found)
    {
        if (GenericResource.Best(p, eventName) is not { } best)
        {
            return;
        }

        var label = GenericLabel.For(best.Name, eventName);
        if (label is "resource" or "resources" && ArnResource.Of(best.Value) is { } named)
        {
            // resourceArn, resource, arn: the parameter says nothing, the ARN says what it is (an SNS topic, a table).
            if (named.Kind == ResourceKind.Other)
            {
                found.Add(new ResourceRef(ResourceKind.Other, named.Name, best.Value, named.Label, null));
            }
            else
            {
                Add(named.Kind, best.Value, best.Name, scope, found);
            }

            return;
        }

        found.Add(new ResourceRef(ResourceKind.Other, best.Value, best.Value, label, null));
    }

    private static void AddFromResourcesArray(JsonElement resourcesValue, Scope scope, ResourceList found)
    {
        if (JsonFields.AsArray(resourcesValue) is not { } resources)
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
        "AWS::CloudTrail::Trail" => ResourceKind.Trail,
        "AWS::EC2::Snapshot" => ResourceKind.Snapshot,
        "AWS::EC2::Volume" => ResourceKind.Volume,
        "AWS::EC2::VPC" => ResourceKind.Vpc,
        "AWS::RDS::DBInstance" => ResourceKind.DbInstance,
        "AWS::RDS::DBSnapshot" => ResourceKind.DbSnapshot,
        "AWS::RDS::DBCluster" => ResourceKind.DbCluster,
        _ => ResourceKind.Other,
    };

    /// <summary>Where the event happened, for links: its region and the account it was delivered to.</summary>
    private readonly record struct Scope(string? Region, string? Account);
}
