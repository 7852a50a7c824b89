namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_noise.py: state table, sweep schedule, least-privilege grants, fail-open alarm.</summary>
public sealed class NoiseCheckScript() : CheckScriptRun("check_noise.py", TimeSpan.FromMinutes(5));
