namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_event_pattern.py: the resolved rule pattern judged by moto's engine.</summary>
public sealed class EventPatternCheckScript() : CheckScriptRun("check_event_pattern.py", TimeSpan.FromMinutes(5));
