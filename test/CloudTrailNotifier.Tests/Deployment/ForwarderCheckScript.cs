namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_forwarder.py: forwarder.yaml and template.yaml's central mode.</summary>
public sealed class ForwarderCheckScript() : CheckScriptRun("check_forwarder.py", TimeSpan.FromMinutes(5));
