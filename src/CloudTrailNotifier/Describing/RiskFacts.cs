using C = CloudTrailNotifier.Describing.RuleConditions;
using CloudTrailNotifier.Describing.Resources;

namespace CloudTrailNotifier.Describing;

/// <summary>Fills in what a risk sentence names, from the event the winning rule matched. Pure.</summary>
internal static class RiskFacts
{
    public static Risk Build(RiskKind kind, RuleInput i)
    {
        var sharing = SharingChanges.Read(i.Parameters);
        var target = kind switch
        {
            RiskKind.DecoyTouched => C.DecoyNamed(i),
            RiskKind.LoggingStopped or RiskKind.TrailDeleted or RiskKind.TrailSelectorsChanged or RiskKind.TrailChanged =>
                ShortName(C.Parameter(i, "name") ?? C.Parameter(i, "trailName")),
            RiskKind.DetectorDeleted => C.Parameter(i, "detectorId"),
            RiskKind.AdminPolicyAttached or RiskKind.PolicyAttached => C.Parameter(i, "policyArn"),
            RiskKind.InlinePolicyAllowsAll or RiskKind.InlinePolicyPut => C.Parameter(i, "policyName"),
            RiskKind.TrustPolicyOpenToAll or RiskKind.TrustPolicyChanged => C.Parameter(i, "roleName"),
            RiskKind.SnapshotPublic or RiskKind.SnapshotShared => C.Parameter(i, "snapshotId"),
            RiskKind.ImagePublic or RiskKind.ImageShared => C.Parameter(i, "imageId"),
            RiskKind.DbSnapshotPublic or RiskKind.DbSnapshotShared =>
                C.Parameter(i, "dBSnapshotIdentifier") ?? C.Parameter(i, "dBClusterSnapshotIdentifier"),
            RiskKind.BucketPolicyPublic or RiskKind.BucketAclPublic or RiskKind.PublicAccessBlockRemoved => C.Parameter(i, "bucketName"),
            RiskKind.KeyDeletion => C.Parameter(i, "keyId"),
            RiskKind.IngressFromAnywhere => C.Parameter(i, "groupId"),
            RiskKind.QueryLoggingDeleted => C.Parameter(i, "resolverQueryLogConfigId"),
            RiskKind.RoleTrustsOutside => C.Parameter(i, "roleName"),
            RiskKind.ParameterValueRead => ParameterNames(i),
            RiskKind.UnusualActivity or RiskKind.ControlOffRefused => i.EventName,
            RiskKind.UserDataChanged => C.Parameter(i, "instanceId"),
            RiskKind.ObjectAclPublic => C.Parameter(i, "bucketName") is { } bucket && C.Parameter(i, "key") is { Length: > 0 } key ? bucket + "/" + key : C.Parameter(i, "bucketName"),
            RiskKind.PublicAccessBlockOff => C.Parameter(i, "bucketName"),
            RiskKind.AccountPublicAccessBlockOff => C.Parameter(i, "x-amz-account-id") ?? i.Recipient,
            RiskKind.FunctionUrlPublic => C.Parameter(i, "functionName"),
            RiskKind.ResourcePolicyPublic => PolicyOwner(i),
            _ => null,
        } ?? FirstResource(i);

        // A batch read by filter names no secret: say what was read instead of naming none.
        if (kind == RiskKind.SecretValueRead && target is null)
        {
            kind = RiskKind.SecretValuesReadByFilter;
        }

        var principal = kind switch
        {
            RiskKind.AccessKeyForOtherUser or RiskKind.LoginProfileForOtherUser or RiskKind.AccessKeyCreated => C.Parameter(i, "userName"),
            _ => C.Parameter(i, "userName") ?? C.Parameter(i, "roleName") ?? C.Parameter(i, "groupName"),
        };

        var outside = kind switch
        {
            RiskKind.SnapshotShared or RiskKind.ImageShared or RiskKind.DbSnapshotShared => sharing.AddedOutside(i.Recipient),
            RiskKind.TrustPolicyChanged or RiskKind.TrustPolicyOpenToAll => TrustedOutside(i, "policyDocument"),
            RiskKind.RoleTrustsOutside => TrustedOutside(i, "assumeRolePolicyDocument"),
            RiskKind.SecretValueRead or RiskKind.SecretReadDenied or RiskKind.DecoyTouched => SecretOutside(i),
            _ => null,
        };

        return new Risk(kind, target, principal, outside, i.Facts.Event.Region);
    }

    /// <summary>Whether the principal is a user, role or group; decides the wording "user X" or "role X".</summary>
    public static ResourceKind PrincipalKind(RuleInput i) =>
        C.Parameter(i, "userName") is not null ? ResourceKind.User
        : C.Parameter(i, "roleName") is not null ? ResourceKind.Role
        : ResourceKind.Group;

    private static string? TrustedOutside(RuleInput i, string parameter)
    {
        var document = i.Parameters is { } p && Events.JsonFields.TryGet(p, parameter, out var value) ? value : (System.Text.Json.JsonElement?)null;
        return PolicyDocuments.PrincipalAccounts(document).FirstOrDefault(account => AccountIds.IsOutside(account, i.Recipient));
    }

    /// <summary>The account a secret named by ARN belongs to, when that is not the event's account.</summary>
    private static string? SecretOutside(RuleInput i)
    {
        var owners = i.Facts.Resources.Where(r => r.Kind == ResourceKind.Secret).Select(r => AccountIds.Of(r.Identifier))
            .Prepend(AccountIds.Of(C.Parameter(i, "secretId")));
        return owners.FirstOrDefault(account => AccountIds.IsOutside(account, i.Recipient));
    }

    /// <summary>The first parameter read, and how many more the same call read: <c>/db/password (+9)</c>.</summary>
    private static string? ParameterNames(RuleInput i)
    {
        var names = i.Facts.Resources.Where(r => r.Kind == ResourceKind.Parameter).Select(r => r.Name).ToList();
        var more = names.Count - 1 + i.Facts.OmittedResources;
        return names.Count == 0 ? null : more > 0 ? $"{names[0]} (+{more})" : names[0];
    }

    /// <summary>The key, queue, topic, repository or file system whose policy was set; null (the first resource) for the others.</summary>
    private static string? PolicyOwner(RuleInput i) => i.Service switch
    {
        "kms" => C.Parameter(i, "keyId"),
        "sqs" => C.Parameter(i, "queueUrl") is { } url ? url[(url.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/') : C.Parameter(i, "queueName"),
        "sns" => C.Parameter(i, "topicArn") ?? C.Parameter(i, "name"),
        "ecr" => C.Parameter(i, "repositoryName"),
        "elasticfilesystem" => C.Parameter(i, "fileSystemId"),
        _ => null,
    };

    private static string? FirstResource(RuleInput i) => i.Facts.Resources.Count > 0 ? i.Facts.Resources[0].Name : null;

    /// <summary>A trail named by ARN (<c>arn:aws:cloudtrail:...:trail/NAME</c>) is shown by its name.</summary>
    private static string? ShortName(string? value)
    {
        if (value is null || !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return value;
        }

        var slash = value.LastIndexOf('/');
        return slash < 0 || slash == value.Length - 1 ? value : value[(slash + 1)..];
    }
}
