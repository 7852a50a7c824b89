namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_tamper_pattern.py: the tamper rule's resolved pattern judged by moto's engine.</summary>
public sealed class TamperPatternCheckScript() : CheckScriptRun("check_tamper_pattern.py", TimeSpan.FromMinutes(5));
