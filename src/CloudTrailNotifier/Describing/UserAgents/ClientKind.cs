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

    /// <summary>A recognised tool that is none of the above (Pulumi, CDK, Steampipe, GitHub Actions, Bun, ...).</summary>
    OtherTool,

    /// <summary>An AI coding agent (Claude Code, Amazon Q Developer CLI, Cursor, GitHub Copilot) made the call.</summary>
    AiAgent,

    /// <summary>
    /// A web browser with no sign that the call came from the AWS Management Console: no console session
    /// credentials and no AWS Internal proxying (a web page calling AWS itself). Set when the event is read,
    /// never by the user agent alone.
    /// </summary>
    WebBrowser,
}
