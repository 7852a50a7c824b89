"""Checks chat delivery in the transformed template: the chat topic (created by the stack or given by ARN) and
CHAT_TOPIC_ARN, the function's publish grant (the email and chat topics only), the chat topic's policy and tamper
watch, the Amazon Q Developer channel configurations for Slack and Microsoft Teams (only when their ids are given;
a channel role that grants nothing and a guardrail that denies everything), the rules that refuse inconsistent
parameters, and cfn-lint with chat on.

Run: python3 test/deployment/check_chat.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import json
import logging
import re

import cfn_support as cfn
from check_protection import FUNCTION_ROLE_ARN, publish_policy_decision, topic_statements
from check_template import KMS_KEY, SEED, TOPIC_ARN, as_list, equal, resolved, role_statements
from moto.events.models import EventPattern

logging.getLogger("samtranslator").setLevel(logging.ERROR)

CHAT_TOPIC = "arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-ChatNotificationTopic-A1B2C3D4E5F6"
GIVEN_TOPIC = "arn:aws:sns:ap-northeast-1:111111111111:security-chat"
CREATE = {"ChatTopic": "Create"}
GIVEN = {"ChatTopicArn": GIVEN_TOPIC}
SLACK = {"SlackWorkspaceId": "T0123ABCDEF", "SlackChannelId": "C0123ABCDEF"}
TEAMS = {"TeamsTenantId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "TeamsTeamId": "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e",
         "TeamsChannelId": "19%3a0123456789abcdef0123456789abcdef%40thread.tacv2"}
CHANNELS = {"SlackChannelConfiguration", "TeamsChannelConfiguration"}
CHAT_RESOURCES = CHANNELS | {"ChatNotificationTopic", "ChatNotificationTopicPolicy", "ChatChannelRole", "ChatGuardrailPolicy",
                             "ChatTamperRule", "ChatTamperRulePermission"}
CHAT_RULE = "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-tamper-chat"
AMAZON_Q_ROLE = ("arn:aws:iam::111111111111:role/aws-service-role/management.chatbot.amazonaws.com/"
                 "AWSServiceRoleForAWSChatbot")
ADMIN = "arn:aws:iam::111111111111:role/cfn-deployer"
ROLE_ARN = cfn.fake_attribute("ChatChannelRole", "Arn")
GUARDRAIL_ARN = cfn.fake_ref("ChatGuardrailPolicy", "AWS::IAM::ManagedPolicy")


def variables(parameters=None):
    return resolved(parameters)["Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]


def outputs(parameters):
    values = dict(SEED, **parameters)
    template = cfn.transformed_template(values)
    resolver = cfn.Resolver(template, values)
    return {name: resolver.resolve(output["Value"]) for name, output in template["Outputs"].items()
            if "Condition" not in output or resolver.condition(output["Condition"])}


def publish_grants(parameters):
    grants = {}
    for statement in role_statements(resolved(parameters)):
        for action in as_list(statement["Action"]):
            if action.startswith("sns:") or action == "*":
                grants.setdefault(action, set()).update(as_list(statement["Resource"]))
    return grants


def violations(parameters):
    values = dict(SEED, **parameters)
    return cfn.Resolver(cfn.transformed_template(values), values).rule_violations()


# --- the chat topic and CHAT_TOPIC_ARN ---

def chat_is_off_by_default_and_changes_nothing():
    off = resolved()
    assert not CHAT_RESOURCES & set(off["Resources"]), CHAT_RESOURCES & set(off["Resources"])
    equal(variables()["CHAT_TOPIC_ARN"], "", "CHAT_TOPIC_ARN when off")
    assert "Chat" not in variables()["TAMPER_WATCH_RESOURCES"], variables()["TAMPER_WATCH_RESOURCES"]
    assert not {"ChatNotificationTopicArn", "SlackChannelConfigurationArn", "TeamsChannelConfigurationArn"} & set(
        outputs({})), outputs({})


def a_created_chat_topic_reaches_the_function_the_tamper_list_and_the_outputs():
    created = resolved(CREATE)["Resources"]
    equal(created["ChatNotificationTopic"]["Type"], "AWS::SNS::Topic", "type")
    equal(created["ChatNotificationTopic"]["Properties"], {"DisplayName": "CloudTrail Notifier chat"}, "topic")
    encrypted = resolved(dict(CREATE, KmsKeyArn=KMS_KEY))["Resources"]["ChatNotificationTopic"]["Properties"]
    equal(encrypted.get("KmsMasterKeyId"), KMS_KEY, "KmsMasterKeyId")
    equal(variables(CREATE)["CHAT_TOPIC_ARN"], CHAT_TOPIC, "CHAT_TOPIC_ARN")
    equal(variables(CREATE)["TAMPER_WATCH_RESOURCES"].split(",")[-2:], [CHAT_RULE, CHAT_TOPIC], "last tamper-watch entries")
    equal(variables(CREATE)["TAMPER_WATCH_RESOURCES"].split(",")[:-2], variables()["TAMPER_WATCH_RESOURCES"].split(","),
          "other tamper-watch entries")
    equal(outputs(CREATE).get("ChatNotificationTopicArn"), CHAT_TOPIC, "output")
    assert not CHANNELS & set(created), "no channel without ids"
    assert "ChatChannelRole" not in created and "ChatGuardrailPolicy" not in created, "no role without a channel"


def a_given_chat_topic_is_used_as_it_is_and_nothing_is_created():
    given = resolved(GIVEN)["Resources"]
    assert "ChatNotificationTopic" not in given and "ChatNotificationTopicPolicy" not in given, sorted(given)
    equal(variables(GIVEN)["CHAT_TOPIC_ARN"], GIVEN_TOPIC, "CHAT_TOPIC_ARN")
    equal(variables(GIVEN)["TAMPER_WATCH_RESOURCES"].split(",")[-2:], [CHAT_RULE, GIVEN_TOPIC], "last tamper-watch entries")
    equal(outputs(GIVEN).get("ChatNotificationTopicArn"), GIVEN_TOPIC, "output")


def the_function_may_publish_to_the_email_and_chat_topics_only():
    cases = (({}, {TOPIC_ARN}), (CREATE, {TOPIC_ARN, CHAT_TOPIC}), (GIVEN, {TOPIC_ARN, GIVEN_TOPIC}),
             (dict(CREATE, **SLACK, **TEAMS, KmsKeyArn=KMS_KEY), {TOPIC_ARN, CHAT_TOPIC}),
             (dict(GIVEN, **SLACK), {TOPIC_ARN, GIVEN_TOPIC}))
    for parameters, topics in cases:
        equal(publish_grants(parameters), {"sns:Publish": topics}, f"SNS grants with {parameters or 'chat off'}")


# --- the created topic's policy and the tamper watch ---

def only_the_function_may_publish_to_the_created_chat_topic():
    statements = topic_statements("ChatNotificationTopicPolicy", CREATE)
    equal(resolved(CREATE)["Resources"]["ChatNotificationTopicPolicy"]["Properties"]["Topics"], [CHAT_TOPIC], "Topics")
    assert all(s["Effect"] == "Deny" for s in statements.values()), "the chat topic policy allows nothing"
    tls = statements["RefusePublishingWithoutTls"]
    equal((tls["Principal"], tls["Action"], tls["Resource"], tls["Condition"]),
          ("*", "sns:Publish", CHAT_TOPIC, {"Bool": {"aws:SecureTransport": "false"}}), "TLS deny")
    equal(publish_policy_decision(statements, principal_arn=FUNCTION_ROLE_ARN), "not denied", "function role")
    for caller in (ADMIN, "arn:aws:iam::111111111111:root", "arn:aws:iam::111111111111:user/alice",
                   "arn:aws:iam::222222222222:role/cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6"):
        equal(publish_policy_decision(statements, principal_arn=caller), "denied", caller)
    alarm = cfn.fake_attribute("FunctionErrorsAlarm", "Arn")
    for service in ("cloudwatch.amazonaws.com", "events.amazonaws.com", "chatbot.amazonaws.com"):
        equal(publish_policy_decision(statements, service=service, source_arn=alarm), "denied", service)


def chat_topic_subscriptions_are_left_to_cloudformation_administrators_and_amazon_q():
    email = topic_statements("NotificationTopicPolicy")["RefuseSubscriptionChangesOutsideTheDeployment"]
    for parameters, exempt in ((CREATE, [AMAZON_Q_ROLE]), (dict(CREATE, TopicAdministratorArns=ADMIN), [AMAZON_Q_ROLE, ADMIN])):
        deny = topic_statements("ChatNotificationTopicPolicy", parameters)["RefuseSubscriptionChangesOutsideTheDeployment"]
        equal((deny["Effect"], deny["Principal"], deny["Resource"]), ("Deny", "*", CHAT_TOPIC), "deny")
        equal(sorted(deny["Action"]), sorted(email["Action"]), "the email topic's guarded actions")
        equal(deny["Condition"]["ForAllValues:StringNotEquals"], {"aws:CalledVia": "cloudformation.amazonaws.com"},
              "CalledVia")
        equal(as_list(deny["Condition"]["ArnNotEquals"]["aws:PrincipalArn"]), exempt, "exempt principals")
        equal(sorted(deny["Condition"]), ["ArnNotEquals", "ForAllValues:StringNotEquals"], "operators")


def tamper_event(source, name, request):
    event = json.loads((cfn.REPO_ROOT / "events" / "events-disable-rule-tamper-watch.json").read_text("utf-8"))
    event["detail"].update(eventSource=source, eventName=name, requestParameters=request)
    return event


def a_tamper_rule_of_its_own_watches_the_chat_topic_exactly():
    for parameters, topic in ((CREATE, CHAT_TOPIC), (GIVEN, GIVEN_TOPIC)):
        values = dict(SEED, **parameters)
        rule = resolved(parameters)["Resources"]["ChatTamperRule"]["Properties"]
        equal((rule["Name"], rule["State"]), ("cloudtrail-notifier-tamper-chat", "ENABLED"), "name and state")
        target, = rule["Targets"]
        equal((target["Arn"], target["DeadLetterConfig"]["Arn"]),
              (cfn.fake_attribute("NotifierFunction", "Arn"), cfn.fake_attribute("DeadLetterQueue", "Arn")), "target")
        permission = resolved(parameters)["Resources"]["ChatTamperRulePermission"]["Properties"]
        equal((permission["Principal"], permission["SourceArn"]), ("events.amazonaws.com", cfn.fake_attribute(
            "ChatTamperRule", "Arn")), "permission")
        queue = resolved(parameters)["Resources"]["DeadLetterQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
        assert cfn.fake_attribute("ChatTamperRule", "Arn") in queue[1]["Condition"]["ArnEquals"]["aws:SourceArn"], queue
        chat = EventPattern.load(cfn.resolved_rule_pattern(values, "ChatTamperRule"))
        for name in ("Subscribe", "SetTopicAttributes", "DeleteTopic", "AddPermission"):
            assert chat.matches_event(tamper_event("sns.amazonaws.com", name, {"topicArn": topic})), f"{name} on {topic}"
        for name in ("Unsubscribe", "SetSubscriptionAttributes"):
            assert chat.matches_event(tamper_event("sns.amazonaws.com", name, {"subscriptionArn": topic + ":0b6f2a1e"})), name
        assert chat.matches_event(tamper_event("sns.amazonaws.com", "PutDataProtectionPolicy", {"resourceArn": topic})), \
            "PutDataProtectionPolicy"
        assert not chat.matches_event(tamper_event("sns.amazonaws.com", "PutDataProtectionPolicy", {"resourceArn": topic + "-dev"}))
        assert not chat.matches_event(tamper_event("sns.amazonaws.com", "Subscribe", {"topicArn": topic + "-dev"})), "-dev"
        assert not chat.matches_event(tamper_event("sns.amazonaws.com", "Publish", {"topicArn": topic})), "Publish"
        assert not chat.matches_event(tamper_event("sns.amazonaws.com", "Subscribe", {"topicArn": TOPIC_ARN})), \
            "the email topic is the main tamper rule's"
        # The chat rule watches the main tamper rule (which watches the watch rule) and itself.
        for rule_name in ("cloudtrail-notifier-tamper", "cloudtrail-notifier-tamper-chat"):
            assert chat.matches_event(tamper_event("events.amazonaws.com", "DisableRule", {"name": rule_name})), rule_name
        assert not chat.matches_event(tamper_event("events.amazonaws.com", "DisableRule", {"name": "cloudtrail-notifier-tamper-chat2"}))
        size = len(cfn.resolved_rule_pattern(values, "ChatTamperRule"))
        print(f"     chat tamper pattern for topic {topic.rsplit(':', 1)[1]}: {size} characters")
        assert size < 2048, f"{size} characters (EventBridge's default limit is 2,048)"
        equal(cfn.resolved_rule_pattern(values, "NotifierFunctionTamperRule"),
              cfn.resolved_rule_pattern(SEED, "NotifierFunctionTamperRule"), "the main tamper pattern does not grow")


# --- Slack and Microsoft Teams ---

def chat_channels_exist_only_when_their_ids_are_given():
    cases = ((CREATE, set()), (dict(CREATE, **SLACK), {"SlackChannelConfiguration"}),
             (dict(CREATE, **TEAMS), {"TeamsChannelConfiguration"}), (dict(CREATE, **SLACK, **TEAMS), CHANNELS),
             (dict(GIVEN, **SLACK), {"SlackChannelConfiguration"}), (dict(GIVEN, **TEAMS), {"TeamsChannelConfiguration"}))
    for parameters, expected in cases:
        present = set(resolved(parameters)["Resources"])
        equal(present & CHANNELS, expected, f"channels with {sorted(parameters)}")
        shared = {"ChatChannelRole", "ChatGuardrailPolicy"}
        equal(present & shared, shared if expected else set(), f"role and guardrail with {sorted(parameters)}")
        arns = {name for name in outputs(parameters) if name.endswith("ChannelConfigurationArn")}
        equal(arns, {name + "Arn" for name in expected}, "channel outputs")


def channels_read_the_chat_topic_with_a_role_that_grants_nothing_and_a_deny_all_guardrail():
    for topic_parameters, topic in ((CREATE, CHAT_TOPIC), (GIVEN, GIVEN_TOPIC)):
        resources = resolved(dict(topic_parameters, **SLACK, **TEAMS))["Resources"]
        for logical_id, kind in (("SlackChannelConfiguration", "slack"), ("TeamsChannelConfiguration", "teams")):
            p = resources[logical_id]["Properties"]
            equal(p["SnsTopicArns"], [topic], f"{logical_id} SnsTopicArns")
            equal((p["IamRoleArn"], p["GuardrailPolicies"]), (ROLE_ARN, [GUARDRAIL_ARN]), f"{logical_id} role, guardrail")
            equal((p["UserRoleRequired"], p["LoggingLevel"]), (False, "ERROR"), f"{logical_id} user role, logging")
            equal(p["ConfigurationName"], f"cloudtrail-notifier-ap-northeast-1-{kind}", f"{logical_id} name")
            assert re.fullmatch(r"[A-Za-z0-9_-]{1,128}", p["ConfigurationName"]), p["ConfigurationName"]
        slack, teams = resources["SlackChannelConfiguration"]["Properties"], resources["TeamsChannelConfiguration"]["Properties"]
        equal((slack["SlackWorkspaceId"], slack["SlackChannelId"]), tuple(SLACK.values()), "Slack ids")
        equal((teams["TeamsTenantId"], teams["TeamId"], teams["TeamsChannelId"]), tuple(TEAMS.values()), "Teams ids")
        role = resources["ChatChannelRole"]["Properties"]
        statement, = role["AssumeRolePolicyDocument"]["Statement"]
        equal((statement["Effect"], statement["Principal"], statement["Action"]),
              ("Allow", {"Service": "chatbot.amazonaws.com"}, "sts:AssumeRole"), "channel role trust")
        assert not {"Policies", "ManagedPolicyArns"} & set(role), f"the channel role grants nothing: {sorted(role)}"
        guardrail = resources["ChatGuardrailPolicy"]
        equal(guardrail["Type"], "AWS::IAM::ManagedPolicy", "guardrail type")
        deny, = guardrail["Properties"]["PolicyDocument"]["Statement"]
        equal({k: v for k, v in deny.items() if k != "Sid"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}, "guardrail")
        assert not {"Roles", "Users", "Groups"} & set(guardrail["Properties"]), "the guardrail is attached to nobody"
    logged = resolved(dict(GIVEN, **SLACK, ChatLoggingLevel="INFO"))["Resources"]["SlackChannelConfiguration"]
    equal(logged["Properties"]["LoggingLevel"], "INFO", "ChatLoggingLevel")


def deployment_refuses_inconsistent_chat_parameters():
    refused = {
        "both topics": dict(CREATE, **GIVEN),
        "Slack without a topic": SLACK,
        "Teams without a topic": TEAMS,
        "workspace without channel": dict(CREATE, SlackWorkspaceId="T0123ABCDEF"),
        "channel without workspace": dict(CREATE, SlackChannelId="C0123ABCDEF"),
        "Teams without a team": dict(CREATE, TeamsTenantId=TEAMS["TeamsTenantId"], TeamsChannelId=TEAMS["TeamsChannelId"]),
        "Teams channel alone": dict(CREATE, TeamsChannelId=TEAMS["TeamsChannelId"]),
    }
    for what, parameters in refused.items():
        assert violations(parameters), f"{what} must be refused"
    for parameters in ({}, CREATE, GIVEN, dict(CREATE, **SLACK, **TEAMS), dict(GIVEN, **TEAMS)):
        equal(violations(parameters), [], f"violations with {sorted(parameters)}")


def chat_parameter_patterns_accept_real_ids_and_refuse_others():
    parameters = cfn.load_template()["Parameters"]
    good = {"ChatTopicArn": [GIVEN_TOPIC, "arn:aws-cn:sns:cn-north-1:111111111111:a_b-c", ""],
            "SlackWorkspaceId": ["T0123ABCDEF", ""], "SlackChannelId": ["C0123ABCDEF", "G01ABC", ""],
            "TeamsTenantId": [TEAMS["TeamsTenantId"], ""], "TeamsTeamId": [TEAMS["TeamsTeamId"].upper(), ""],
            "TeamsChannelId": [TEAMS["TeamsChannelId"], "19%3Aabc%40thread.skype", ""]}
    bad = {"ChatTopicArn": [GIVEN_TOPIC + ".fifo", "security-chat", "arn:aws:sqs:ap-northeast-1:111111111111:q", "*"],
           "SlackWorkspaceId": ["t0123abc", "T0123 ABC", "https://example.slack.com"], "SlackChannelId": ["#security", "C01-2"],
           "TeamsTenantId": ["0a1b2c3d", TEAMS["TeamsTenantId"] + "0"], "TeamsTeamId": ["not-a-guid"],
           "TeamsChannelId": ["19:abc@thread.tacv2", "19%3aabc", "%3a%40<b>"]}
    for name, values in good.items():
        for value in values:
            assert re.fullmatch(parameters[name]["AllowedPattern"], value), f"{name}={value!r} should be allowed"
    for name, values in bad.items():
        for value in values:
            assert not re.fullmatch(parameters[name]["AllowedPattern"], value), f"{name}={value!r} should be refused"
    equal((parameters["ChatTopic"]["Default"], parameters["ChatTopic"]["AllowedValues"]), ("None", ["None", "Create"]),
          "ChatTopic")
    equal(parameters["ChatLoggingLevel"]["AllowedValues"], ["ERROR", "INFO", "NONE"], "ChatLoggingLevel")


# --- the SAM transform and cfn-lint ---

def sam_transform_passes_the_chat_resources_through_with_their_conditions():
    template = cfn.transformed_template(dict(SEED, **CREATE, **SLACK, **TEAMS))
    for logical_id, condition in (("SlackChannelConfiguration", "HasSlackChannel"),
                                  ("TeamsChannelConfiguration", "HasTeamsChannel"),
                                  ("ChatNotificationTopic", "CreatesChatTopic"), ("ChatGuardrailPolicy", "HasChatChannel")):
        equal(cfn.resource(template, logical_id).get("Condition"), condition, f"{logical_id} condition")
    equal(template["Resources"]["SlackChannelConfiguration"]["Type"], "AWS::Chatbot::SlackChannelConfiguration", "type")


def lint(defaults, loosen=()):
    """cfn-lint on template.yaml with these parameter defaults; `loosen` drops a parameter's AllowedPattern first."""
    template = cfn.load_template()
    for name, value in defaults.items():
        template["Parameters"][name]["Default"] = value
    for name in loosen:
        del template["Parameters"][name]["AllowedPattern"]
    return cfn.lint(template)


def cfn_lint_is_clean_with_chat_on_for_a_created_and_a_given_topic():
    for defaults in (dict(CREATE, **SLACK, **TEAMS), dict(GIVEN, **SLACK, **TEAMS, ChatLoggingLevel="INFO")):
        result = lint(defaults)
        equal((result.returncode, result.stdout.strip()), (0, ""), f"cfn-lint with {sorted(defaults)}")


def cfn_lint_resolves_the_chat_parameters_so_a_clean_run_means_something():
    result = lint(dict(CREATE, **dict(SLACK, SlackWorkspaceId="lowercase-workspace")), loosen=["SlackWorkspaceId"])
    assert result.returncode != 0, result.stdout or result.stderr
    assert "resolved at 'Resources/SlackChannelConfiguration/Properties/SlackWorkspaceId'" in result.stdout, result.stdout


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name not in {
                "main", "variables", "outputs", "publish_grants", "violations", "lint", "tamper_event"}:
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
