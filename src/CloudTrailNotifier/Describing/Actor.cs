namespace CloudTrailNotifier.Describing;

/// <summary>Who made a call, read from <c>userIdentity</c>. Every string is untrusted and unescaped.</summary>
internal sealed record Actor
{
    public required ActorKind Kind { get; init; }

    /// <summary>The userIdentity type as written (null when absent).</summary>
    public string? TypeText { get; init; }

    /// <summary>The short name a person knows the caller by; null when nothing names it.</summary>
    public string? Name { get; init; }

    /// <summary>For the root user: the account alias CloudTrail puts in userName.</summary>
    public string? AccountAlias { get; init; }

    public string? Arn { get; init; }
    public string? PrincipalId { get; init; }
    public string? AccountId { get; init; }
    public string? AccessKeyId { get; init; }

    /// <summary>For role sessions: the role's name.</summary>
    public string? RoleName { get; init; }

    /// <summary>For role sessions: the session name.</summary>
    public string? SessionName { get; init; }

    /// <summary>The permission set behind an <c>AWSReservedSSO_*</c> role.</summary>
    public string? PermissionSet { get; init; }

    /// <summary>The Identity Center user behind the call (session name of an SSO role, or onBehalfOf).</summary>
    public string? IdentityCenterUser { get; init; }

    public string? IdentityStoreArn { get; init; }

    /// <summary>SAML or web identity provider.</summary>
    public string? IdentityProvider { get; init; }

    public string? SessionIssuerType { get; init; }
    public string? SessionIssuerArn { get; init; }

    /// <summary>True, false, or unknown (null) from sessionContext.attributes.mfaAuthenticated.</summary>
    public bool? MfaAuthenticated { get; init; }

    public string? SessionCreated { get; init; }
    public string? SourceIdentity { get; init; }
    public string? InvokedBy { get; init; }
    public string? InvokedByDelegateAccount { get; init; }
    public string? InScopeOf { get; init; }
    public string? CredentialId { get; init; }

    /// <summary>The root user, a session the root user issued, or an STS AssumeRoot session.</summary>
    public bool IsRoot { get; init; }
}
