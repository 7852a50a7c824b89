namespace CloudTrailNotifier.Describing.Resources;

/// <summary>A resource a call touched.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Name">The short name for headlines (a secret's name without the random suffix).</param>
/// <param name="Identifier">The identifier exactly as the caller passed it (name, ARN, id).</param>
/// <param name="Source">Where it was read from (request parameter name or resources[] type); shown for <see cref="ResourceKind.Other"/>.</param>
/// <param name="ConsoleUrl">The resource's page in the AWS console, when there is one.</param>
internal sealed record ResourceRef(ResourceKind Kind, string Name, string Identifier, string Source, string? ConsoleUrl);
