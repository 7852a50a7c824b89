namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_build.py: the Makefile's Native AOT publish into ARTIFACTS_DIR.</summary>
public sealed class BuildCheckScript() : CheckScriptRun("check_build.py", TimeSpan.FromMinutes(15));
