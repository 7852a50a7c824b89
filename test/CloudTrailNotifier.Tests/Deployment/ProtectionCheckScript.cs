namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_protection.py: tamper rule wiring, self-alarms and their delivery path, topic policies.</summary>
public sealed class ProtectionCheckScript() : CheckScriptRun("check_protection.py", TimeSpan.FromMinutes(5));
