using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Reads a userIdentity into an <see cref="Actor"/> for every type, including missing and future ones.</summary>
internal static class ActorDescriber
{
    private const string SsoRolePrefix = "AWSReservedSSO_";
    private const string SsoRolePath = "/aws-reserved/sso.amazonaws.com/";
    private const string AnonymousAccount = "ANONYMOUS_PRINCIPAL";

    public static Actor Describe(JsonElement? userIdentity)
    {
        if (userIdentity is not { } id)
        {
            return new Actor { Kind = ActorKind.Missing };
        }

        var typeText = JsonFields.String(id, "type");
        var kind = ParseKind(typeText);
        if (kind == ActorKind.AWSAccount && JsonFields.String(id, "accountId") == AnonymousAccount)
        {
            kind = ActorKind.Anonymous;
        }

        var arn = JsonFields.String(id, "arn");
        var userName = JsonFields.String(id, "userName");
        var principalId = JsonFields.String(id, "principalId");
        var accountId = JsonFields.String(id, "accountId");
        var invokedBy = JsonFields.String(id, "invokedBy");

        var session = JsonFields.Object(id, "sessionContext");
        var issuer = session is { } s ? JsonFields.Object(s, "sessionIssuer") : null;
        var attributes = session is { } s2 ? JsonFields.Object(s2, "attributes") : null;
        var webId = session is { } s3 ? JsonFields.Object(s3, "webIdFederationData") : null;
        var onBehalfOf = JsonFields.Object(id, "onBehalfOf");
        var issuerType = issuer is { } i ? JsonFields.String(i, "type") : null;
        var issuerUserName = issuer is { } i2 ? JsonFields.String(i2, "userName") : null;

        var (roleName, sessionName) = kind is ActorKind.AssumedRole or ActorKind.Role
            ? SplitAssumedRole(arn, principalId, issuerUserName, userName)
            : (null, null);
        var issuerArn = issuer is { } i4 ? JsonFields.String(i4, "arn") : null;
        var permissionSet = issuerArn is null || issuerArn.Contains(SsoRolePath, StringComparison.Ordinal)
            ? PermissionSetOf(roleName ?? issuerUserName)
            : null; // a look-alike role outside Identity Center's reserved path is just a role

        var identityCenterUser = onBehalfOf is { } obo
            ? JsonFields.String(obo, "userId")
            : permissionSet is not null ? sessionName : null;

        var actor = new Actor
        {
            Kind = kind,
            TypeText = typeText,
            Arn = arn,
            AccountAlias = kind == ActorKind.Root ? userName : null,
            PrincipalId = principalId,
            AccountId = accountId,
            AccessKeyId = JsonFields.String(id, "accessKeyId"),
            RoleName = roleName,
            SessionName = sessionName,
            PermissionSet = permissionSet,
            IdentityCenterUser = identityCenterUser,
            IdentityStoreArn = onBehalfOf is { } obo2 ? JsonFields.String(obo2, "identityStoreArn") : null,
            IdentityProvider = JsonFields.String(id, "identityProvider")
                ?? (webId is { } w ? JsonFields.String(w, "federatedProvider") : null),
            SessionIssuerType = issuerType,
            SessionIssuerArn = issuerArn,
            MfaAuthenticated = attributes is { } a ? JsonFields.Boolean(a, "mfaAuthenticated") : null,
            SessionCreated = attributes is { } a2 ? JsonFields.String(a2, "creationDate") : null,
            SourceIdentity = (session is { } s4 ? JsonFields.String(s4, "sourceIdentity") : null)
                ?? JsonFields.String(id, "sourceIdentity"),
            InvokedBy = invokedBy,
            InvokedByDelegateAccount = JsonFields.Object(id, "invokedByDelegate") is { } d ? JsonFields.String(d, "accountId") : null,
            InScopeOf = JsonFields.Object(id, "inScopeOf") is { } scope
                ? JsonFields.String(scope, "sourceArn") ?? JsonFields.String(scope, "issuerType")
                : null,
            CredentialId = JsonFields.String(id, "credentialId"),
            IsRoot = kind == ActorKind.Root
                || issuerType == "Root"
                || (session is { } s5 && JsonFields.Boolean(s5, "assumedRoot") == true)
                || (arn?.EndsWith(":root", StringComparison.Ordinal) ?? false),
        };

        return actor with { Name = NameOf(actor, userName) };
    }

    private static ActorKind ParseKind(string? type) => type switch
    {
        null => ActorKind.Missing,
        "Root" => ActorKind.Root,
        "IAMUser" => ActorKind.IAMUser,
        "AssumedRole" => ActorKind.AssumedRole,
        "Role" => ActorKind.Role,
        "IdentityCenterUser" => ActorKind.IdentityCenterUser,
        "FederatedUser" => ActorKind.FederatedUser,
        "SAMLUser" => ActorKind.SAMLUser,
        "WebIdentityUser" => ActorKind.WebIdentityUser,
        "AWSAccount" => ActorKind.AWSAccount,
        "AWSService" => ActorKind.AWSService,
        "Directory" => ActorKind.Directory,
        "Unknown" => ActorKind.Unknown,
        _ => ActorKind.Other,
    };

    private static string? NameOf(Actor actor, string? userName) => KindSpecificName(actor, userName)
        ?? userName
        ?? LastSegment(actor.Arn, '/')
        ?? actor.PrincipalId
        ?? actor.InvokedBy;

    private static string? KindSpecificName(Actor actor, string? userName) => actor.Kind switch
    {
        ActorKind.Root => userName is null ? "root" : $"root ({userName})",
        // An Identity Center session is named after the person (user name or e-mail); the onBehalfOf
        // GUID is a last resort and stays in the Identity section.
        ActorKind.AssumedRole or ActorKind.Role when actor.PermissionSet is not null =>
            actor.SessionName ?? actor.SourceIdentity ?? actor.IdentityCenterUser,
        ActorKind.AssumedRole or ActorKind.Role => actor.IdentityCenterUser
            ?? (actor.RoleName is null ? actor.SessionName
                : actor.SessionName is null || actor.SessionName == actor.RoleName || SessionNames.IsMachineMade(actor.SessionName) ? actor.RoleName
                : $"{actor.RoleName}/{actor.SessionName}"),
        ActorKind.IdentityCenterUser => actor.IdentityCenterUser ?? actor.CredentialId,
        ActorKind.FederatedUser => LastSegment(actor.Arn, '/') ?? AfterColon(actor.PrincipalId),
        ActorKind.AWSAccount => actor.AccountId ?? BeforeColon(actor.PrincipalId),
        ActorKind.AWSService => actor.InvokedBy,
        ActorKind.Anonymous => "anonymous",
        _ => null,
    };

    /// <summary>Role and session from <c>arn:aws:sts::111:assumed-role/ROLE/SESSION</c>, else from principalId.</summary>
    private static (string? Role, string? Session) SplitAssumedRole(string? arn, string? principalId, string? issuerUserName, string? userName)
    {
        if (arn is not null)
        {
            var marker = arn.IndexOf(":assumed-role/", StringComparison.Ordinal);
            if (marker >= 0)
            {
                var rest = arn[(marker + ":assumed-role/".Length)..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                return slash < 0 ? (rest, null) : (rest[..slash], NullIfEmpty(rest[(slash + 1)..]));
            }

            if (arn.Contains(":role/", StringComparison.Ordinal))
            {
                return (LastSegment(arn, '/'), AfterColon(principalId));
            }
        }

        return (issuerUserName ?? userName, AfterColon(principalId));
    }

    private static string? PermissionSetOf(string? roleName)
    {
        if (roleName is null || !roleName.StartsWith(SsoRolePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // AWSReservedSSO_<PermissionSet>_<16 hex digits>
        var rest = roleName[SsoRolePrefix.Length..];
        var lastUnderscore = rest.LastIndexOf('_');
        return NullIfEmpty(lastUnderscore > 0 ? rest[..lastUnderscore] : rest);
    }

    private static string? LastSegment(string? value, char separator)
    {
        if (value is null)
        {
            return null;
        }

        var index = value.LastIndexOf(separator);
        return NullIfEmpty(index < 0 ? value : value[(index + 1)..]);
    }

    private static string? AfterColon(string? value)
    {
        var index = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return index < 0 ? null : NullIfEmpty(value![(index + 1)..]);
    }

    private static string? BeforeColon(string? value)
    {
        var index = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return index < 0 ? value : NullIfEmpty(value![..index]);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
