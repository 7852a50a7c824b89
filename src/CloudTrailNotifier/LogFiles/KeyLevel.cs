namespace CloudTrailNotifier.LogFiles;

/// <summary>Where a folder prefix sits in CloudTrail's key layout <c>[TRAIL-PREFIX/]AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>.</summary>
internal enum KeyLevel
{
    /// <summary>Not a folder of the layout (a partial name, a day folder or below, another service's folder): listed whole.</summary>
    Outside,

    /// <summary>Above <c>AWSLogs/</c>: the bucket's root or a trail's own key prefix.</summary>
    AboveAwsLogs,

    /// <summary><c>AWSLogs/</c>: accounts and organizations below.</summary>
    AwsLogs,

    /// <summary><c>AWSLogs/o-ORG/</c>: an organization trail's accounts below.</summary>
    Organization,

    /// <summary><c>.../ACCOUNT/</c>: <c>CloudTrail/</c>, <c>CloudTrail-Digest/</c> and others below.</summary>
    Account,

    /// <summary><c>.../ACCOUNT/CloudTrail/</c>: Regions below.</summary>
    CloudTrail,

    /// <summary><c>.../CloudTrail/REGION/</c>: years, months and days below.</summary>
    Region,
}
