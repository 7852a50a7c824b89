namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_exclusions.py: each exclusion parameter judged by moto's engine.</summary>
public sealed class ExclusionsCheckScript() : CheckScriptRun("check_exclusions.py", TimeSpan.FromMinutes(5));
