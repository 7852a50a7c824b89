namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>What kind of program made a call, judged from its user agent.</summary>
internal enum ClientKind
{
    /// <summary>No user agent, or one nothing is known about.</summary>
    Unknown,

    /// <summary>
    /// A web browser, usually the AWS Management Console; also the console's own markers
    /// (<c>console.amazonaws.com</c>, <c>S3Console</c>), named <c>AWS Management Console</c>.
    /// </summary>
    ConsoleBrowser,

    AwsCli,
    AwsSdk,
    Terraform,
    CloudFormation,

    /// <summary>Another AWS service acting on the caller's behalf (the user agent is its host name).</summary>
    AwsService,

    /// <summary>The literal <c>AWS Internal</c> user agent.</summary>
    AwsInternal,

    /// <summary>A recognised tool that is none of the above (Pulumi, CDK, Steampipe, ...).</summary>
    OtherTool,
}
