namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_sources.py: every deployed rule pattern takes only sources starting with aws.</summary>
public sealed class SourcesCheckScript() : CheckScriptRun("check_sources.py", TimeSpan.FromMinutes(5));
