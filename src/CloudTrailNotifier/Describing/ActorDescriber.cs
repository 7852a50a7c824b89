using System.Text.Json;
using CloudTrailNotifier.Events;

namespace CloudTrailNotifier.Describing;

/// <summary>Reads a userIdentity into an <see cref="Actor"/> for every type, including missing and future ones.</summary>
internal static class ActorDescriber
{
    private const string SsoRolePrefix = "AWSReservedSSO_";
    private const string SsoRolePath = "/aws-reserved/sso.amazonaws.com/";
    private const string AnonymousAccount = "ANONYMOUS_PRINCIPAL";

    private const int TypeAt = 0, AccountIdAt = 1, ArnAt = 2, UserNameAt = 3, PrincipalIdAt = 4, InvokedByAt = 5,
        SessionContextAt = 6, OnBehalfOfAt = 7, AccessKeyIdAt = 8, IdentityProviderAt = 9, SourceIdentityAt = 10,
        InvokedByDelegateAt = 11, InScopeOfAt = 12, CredentialIdAt = 13;

    private const int SessionIssuerAt = 0, AttributesAt = 1, WebIdFederationDataAt = 2, SessionSourceIdentityAt = 3, AssumedRootAt = 4;

    private const int IssuerTypeAt = 0, IssuerUserNameAt = 1, IssuerArnAt = 2;

    private static readonly MemberNames IdentityNames = new(
        "type", "accountId", "arn", "userName", "principalId", "invokedBy", "sessionContext", "onBehalfOf", "accessKeyId",
        "identityProvider", "sourceIdentity", "invokedByDelegate", "inScopeOf", "credentialId");

    private static readonly MemberNames SessionContextNames = new("sessionIssuer", "attributes", "webIdFederationData", "sourceIdentity", "assumedRoot");

    private static readonly MemberNames IssuerNames = new("type", "userName", "arn");

    public static Actor Describe(JsonElement? userIdentity)
    {
        if (userIdentity is not { } id)
        {
            return new Actor { Kind = ActorKind.Missing };
        }

        // Each object is enumerated once for every name read from it (MemberNames), not searched once per name.
        var fields = default(MemberValues);
        IdentityNames.Read(id, fields);
        var typeText = JsonFields.Scalar(fields[TypeAt]);
        var kind = ParseKind(typeText);
        var accountId = JsonFields.Scalar(fields[AccountIdAt]);
        if (kind == ActorKind.AWSAccount && accountId == AnonymousAccount)
        {
            kind = ActorKind.Anonymous;
        }

        var arn = JsonFields.Scalar(fields[ArnAt]);
        var userName = JsonFields.Scalar(fields[UserNameAt]);
        var principalId = JsonFields.Scalar(fields[PrincipalIdAt]);
        var invokedBy = JsonFields.Scalar(fields[InvokedByAt]);

        var session = JsonFields.AsObject(fields[SessionContextAt]);
        var sessionFields = default(MemberValues);
        SessionContextNames.Read(session ?? default, sessionFields);
        var issuer = JsonFields.AsObject(sessionFields[SessionIssuerAt]);
        var attributes = JsonFields.AsObject(sessionFields[AttributesAt]);
        var webId = JsonFields.AsObject(sessionFields[WebIdFederationDataAt]);
        var onBehalfOf = JsonFields.AsObject(fields[OnBehalfOfAt]);
        var issuerFields = default(MemberValues);
        IssuerNames.Read(issuer ?? default, issuerFields);
        var issuerType = JsonFields.Scalar(issuerFields[IssuerTypeAt]);
        var issuerUserName = JsonFields.Scalar(issuerFields[IssuerUserNameAt]);

        var (roleName, sessionName) = kind is ActorKind.AssumedRole or ActorKind.Role
            ? SplitAssumedRole(arn, principalId, issuerUserName, userName)
            : (null, null);
        var issuerArn = JsonFields.Scalar(issuerFields[IssuerArnAt]);
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
            AccessKeyId = JsonFields.Scalar(fields[AccessKeyIdAt]),
            RoleName = roleName,
            SessionName = sessionName,
            PermissionSet = permissionSet,
            IdentityCenterUser = identityCenterUser,
            IdentityStoreArn = onBehalfOf is { } obo2 ? JsonFields.String(obo2, "identityStoreArn") : null,
            IdentityProvider = JsonFields.Scalar(fields[IdentityProviderAt])
                ?? (webId is { } w ? JsonFields.String(w, "federatedProvider") : null),
            SessionIssuerType = issuerType,
            SessionIssuerArn = issuerArn,
            MfaAuthenticated = attributes is { } a ? JsonFields.Boolean(a, "mfaAuthenticated") : null,
            SessionCreated = attributes is { } a2 ? JsonFields.String(a2, "creationDate") : null,
            SourceIdentity = JsonFields.Scalar(sessionFields[SessionSourceIdentityAt]) ?? JsonFields.Scalar(fields[SourceIdentityAt]),
            InvokedBy = invokedBy,
            InvokedByDelegateAccount = JsonFields.AsObject(fields[InvokedByDelegateAt]) is { } d ? JsonFields.String(d, "accountId") : null,
            InScopeOf = JsonFields.AsObject(fields[InScopeOfAt]) is { } scope
                ? JsonFields.String(scope, "sourceArn") ?? JsonFields.String(scope, "issuerType")
                : null,
            CredentialId = JsonFields.Scalar(fields[CredentialIdAt]),
            IsRoot = kind == ActorKind.Root
                || issuerType == "Root"
                || JsonFields.BooleanOf(sessionFields[AssumedRootAt]) == true
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
