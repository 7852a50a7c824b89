namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// A user agent, understood. <see cref="Name"/> and <see cref="Detail"/> are proper names that read the
/// same in every language (for example <c>Chrome</c> and <c>macOS</c>, or <c>AWS CLI</c> and
/// <c>aws s3 ls, Linux</c>); sentences around them are the renderer's job.
/// </summary>
/// <param name="Kind">The kind of program.</param>
/// <param name="Name">Browser, tool, SDK or service name; null when unknown.</param>
/// <param name="Version">The program's version when the user agent gives one.</param>
/// <param name="Detail">Platform or other short context (operating system, language runtime).</param>
internal readonly record struct ClientDescription(ClientKind Kind, string? Name, string? Version, string? Detail);
