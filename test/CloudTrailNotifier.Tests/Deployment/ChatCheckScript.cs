namespace CloudTrailNotifier.Tests.Deployment;

/// <summary>test/deployment/check_chat.py: chat topic, CHAT_TOPIC_ARN, publish grants, Slack and Teams channels, cfn-lint.</summary>
public sealed class ChatCheckScript() : CheckScriptRun("check_chat.py", TimeSpan.FromMinutes(5));
