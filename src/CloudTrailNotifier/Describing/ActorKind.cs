namespace CloudTrailNotifier.Describing;

/// <summary>The userIdentity types CloudTrail writes, plus the cases where it writes none or a new one.</summary>
internal enum ActorKind
{
    Root,
    IAMUser,
    AssumedRole,
    Role,
    IdentityCenterUser,
    FederatedUser,
    SAMLUser,
    WebIdentityUser,
    AWSAccount,
    AWSService,
    Directory,
    Unknown,

    /// <summary>Unauthenticated public access (S3 records it as account <c>ANONYMOUS_PRINCIPAL</c>).</summary>
    Anonymous,

    /// <summary>The record has no userIdentity, or one without a type.</summary>
    Missing,

    /// <summary>A type this version does not know; <see cref="Actor.TypeText"/> holds it.</summary>
    Other,
}
