namespace CloudTrailNotifier.Describing.Resources;

/// <summary>The kinds of resource a notification names; each has a label in every language.</summary>
internal enum ResourceKind
{
    Secret,
    Parameter,
    Bucket,
    Object,
    Role,
    User,
    Group,
    Policy,
    Key,
    Instance,
    Function,
    Table,
    Snapshot,
    Image,
    Volume,
    Vpc,
    Subnet,
    SecurityGroup,
    NetworkInterface,
    FlowLog,
    DbInstance,
    DbSnapshot,
    DbCluster,
    Trail,
    Detector,

    /// <summary>Any other resource, named by the request parameter or resources[] entry it came from.</summary>
    Other,
}
