namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_template.py: the transformed template, samconfig.toml, env file.</summary>
public sealed class TemplateCheckScript() : CheckScriptRun("check_template.py", TimeSpan.FromMinutes(5));
