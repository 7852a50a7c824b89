namespace CloudTrailNotifier.Describing;

/// <summary>What a suggested command does; each kind has one line of explanation in every language.</summary>
internal enum NextStepKind
{
    RestartLogging,
    RecreateTrail,
    ReviewTrail,
    RecreateDetector,
    ReviewFlowLogs,
    RestartRecorder,
    DetachPolicy,
    DeleteInlinePolicy,
    ReviewTrustPolicy,
    DeactivateNewKey,
    DeleteLoginProfile,
    UnshareSnapshot,
    UnshareImage,
    UnshareDbSnapshot,
    BlockPublicAccess,
    CancelKeyDeletion,
    RevokeIngress,
    RemoveResourcePolicy,
    RotateSecret,
    RevokeRoleSessions,
    DeactivateCallerKey,
    ReviewCaller,
    BlockAccountPublicAccess,
    RequireUrlAuth,
}
