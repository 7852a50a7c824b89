"""Checks the tamper rule's event pattern, resolved as CloudFormation would, with moto's EventBridge engine:
changes that blind CloudTrail (any trail) or touch this stack's own rules, function, topics, subscriptions,
alarms and queue notify; the same calls on another stack's resources, and unrelated writes, do not.

Run: python3 test/deployment/check_tamper_pattern.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import copy
import json
import logging

import cfn_support as cfn
from moto.events.models import EventPattern

logging.getLogger("samtranslator").setLevel(logging.ERROR)

PARAMETERS = {"NotificationEmail": "security@example.com", "WatchedSecrets": "sample/secret"}
PATTERN = EventPattern.load(cfn.resolved_rule_pattern(PARAMETERS, "NotifierFunctionTamperRule"))
PREFIX = "arn:aws:sns:ap-northeast-1:111111111111:"
TOPIC = PREFIX + "cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6"
OPERATIONS_TOPIC = PREFIX + "cloudtrail-notifier-OperationsTopic-A1B2C3D4E5F6"
OTHER_TOPIC = PREFIX + "cloudtrail-notifier-dev-NotificationTopic-Z9Y8X7W6V5U4"
FUNCTION = "cloudtrail-notifier-NotifierFunction-A1B2C3D4E5F6"
FUNCTION_ARN = "arn:aws:lambda:ap-northeast-1:111111111111:function:" + FUNCTION
QUEUE = "cloudtrail-notifier-DeadLetterQueue-A1B2C3D4E5F6"


def sample(name):
    return json.loads((cfn.REPO_ROOT / "events" / f"{name}.json").read_text(encoding="utf-8"))


def call(source, event_name, request_parameters, base="events-disable-rule-tamper-watch"):
    event = copy.deepcopy(sample(base))
    event["detail"].update(eventSource=source, eventName=event_name, requestParameters=request_parameters)
    return event


def expect(event, expected):
    if PATTERN.matches_event(event) != expected:
        detail = event["detail"]
        raise AssertionError(f"expected {'a match' if expected else 'no match'} for {detail['eventSource']} "
                             f"{detail['eventName']} {json.dumps(detail.get('requestParameters'))}")


# --- CloudTrail: any trail ---

def stopping_or_weakening_any_trail_notifies():
    expect(sample("cloudtrail-stop-logging"), True)
    for name in ("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "PutInsightSelectors"):
        for trail in ("management-events", "arn:aws:cloudtrail:ap-northeast-1:111111111111:trail/other-team"):
            expect(call("cloudtrail.amazonaws.com", name, {"trailName" if "Selectors" in name else "name": trail}), True)


def starting_or_creating_a_trail_does_not_notify():
    for name in ("StartLogging", "CreateTrail", "AddTags", "LookupEvents"):
        expect(call("cloudtrail.amazonaws.com", name, {"name": "management-events"}), False)


def a_denied_attempt_to_stop_logging_notifies_too():
    event = sample("cloudtrail-stop-logging")
    event["detail"]["errorCode"] = "AccessDenied"
    expect(event, True)


# --- this stack's rules ---

def changes_to_this_stacks_rules_notify():
    expect(sample("events-disable-rule-tamper-watch"), True)
    for rule in ("cloudtrail-notifier-watch", "cloudtrail-notifier-tamper"):
        for name in ("DisableRule", "DeleteRule", "PutRule"):
            expect(call("events.amazonaws.com", name, {"name": rule}), True)
        for name in ("RemoveTargets", "PutTargets"):
            expect(call("events.amazonaws.com", name, {"rule": rule, "ids": ["NotifierFunction"]}), True)


def another_stacks_rule_does_not_notify():
    for rule in ("cloudtrail-notifier-dev-watch", "other-watch", "cloudtrail-notifier-watch2", "cloudtrail-notifier"):
        expect(call("events.amazonaws.com", "DisableRule", {"name": rule}), False)
        expect(call("events.amazonaws.com", "RemoveTargets", {"rule": rule, "ids": ["x"]}), False)
    expect(call("events.amazonaws.com", "EnableRule", {"name": "cloudtrail-notifier-watch"}), False)


# --- this stack's function ---

def changes_to_this_stacks_function_notify_in_every_naming_form():
    names = ("UpdateFunctionConfiguration20150331v2", "UpdateFunctionCode20150331v2", "DeleteFunction20150331",
             "DeleteFunction", "PutFunctionConcurrency20171031", "DeleteFunctionConcurrency20171031",
             "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig",
             "RemovePermission20150331v2", "AddPermission20150331v2")
    forms = (FUNCTION, FUNCTION_ARN, FUNCTION_ARN + ":$LATEST", "111111111111:function:" + FUNCTION)
    for name in names:
        for form in forms:
            expect(call("lambda.amazonaws.com", name, {"functionName": form}), True)
    expect(sample("lambda-update-function-configuration-sam-deploy"), True)


def another_function_or_a_read_does_not_notify():
    other = "cloudtrail-notifier-dev-NotifierFunction-Z9Y8X7W6V5U4"
    expect(call("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", {"functionName": other}), False)
    expect(call("lambda.amazonaws.com", "DeleteFunction20150331",
                {"functionName": "arn:aws:lambda:ap-northeast-1:111111111111:function:" + other}), False)
    expect(call("lambda.amazonaws.com", "GetFunction20150331v2", {"functionName": FUNCTION}), False)
    expect(call("lambda.amazonaws.com", "Invoke", {"functionName": FUNCTION}), False)


# --- this stack's topics and subscriptions ---

def changes_to_this_stacks_topics_and_subscriptions_notify():
    expect(sample("sns-unsubscribe-notification-topic"), True)
    for topic in (TOPIC, OPERATIONS_TOPIC):
        for name in ("SetTopicAttributes", "DeleteTopic", "RemovePermission", "AddPermission", "Subscribe"):
            expect(call("sns.amazonaws.com", name, {"topicArn": topic}), True)
        for name in ("SetSubscriptionAttributes", "Unsubscribe"):
            expect(call("sns.amazonaws.com", name, {"subscriptionArn": topic + ":0b6f2a1e-3c4d-4e5f-8a9b-c0d1e2f3a4b5"}),
                   True)


def another_stacks_topic_does_not_notify():
    expect(call("sns.amazonaws.com", "SetTopicAttributes", {"topicArn": OTHER_TOPIC}), False)
    expect(call("sns.amazonaws.com", "Unsubscribe", {"subscriptionArn": OTHER_TOPIC + ":0b6f2a1e"}), False)
    expect(call("sns.amazonaws.com", "Publish", {"topicArn": TOPIC}), False)


# --- this stack's alarms and queue ---

def changes_to_this_stacks_alarms_and_queue_notify():
    alarm = "cloudtrail-notifier-alarm-topic-filtered-out"
    for name in ("DisableAlarmActions", "DeleteAlarms"):
        expect(call("monitoring.amazonaws.com", name, {"alarmNames": ["unrelated", alarm]}), True)
    for name in ("PutMetricAlarm", "SetAlarmState"):
        expect(call("monitoring.amazonaws.com", name, {"alarmName": alarm}), True)
    url = "https://sqs.ap-northeast-1.amazonaws.com/111111111111/" + QUEUE
    for name in ("SetQueueAttributes", "PurgeQueue", "DeleteQueue"):
        expect(call("sqs.amazonaws.com", name, {"queueUrl": url}), True)
    expect(call("sqs.amazonaws.com", "PurgeQueue", {"queueUrl": "https://ap-northeast-1.queue.amazonaws.com/111111111111/" + QUEUE}), True)


def another_stacks_alarms_and_queues_do_not_notify():
    for name in ("DisableAlarmActions", "DeleteAlarms"):
        expect(call("monitoring.amazonaws.com", name, {"alarmNames": ["other-stack-alarm-errors"]}), False)
    expect(call("monitoring.amazonaws.com", "SetAlarmState", {"alarmName": "cloudtrail-notifier-dev-alarm-x"}), False)
    expect(call("sqs.amazonaws.com", "PurgeQueue",
                {"queueUrl": "https://sqs.ap-northeast-1.amazonaws.com/111111111111/other-DeadLetterQueue-A1B2"}), False)
    expect(call("sqs.amazonaws.com", "PurgeQueue",
                {"queueUrl": "https://sqs.ap-northeast-1.amazonaws.com/222222222222/" + QUEUE}), False)


# --- unrelated ---

def unrelated_writes_and_reads_do_not_notify():
    expect(call("s3.amazonaws.com", "PutBucketPolicy", {"bucketName": "cloudtrail-notifier-watch"}), False)
    expect(call("iam.amazonaws.com", "DeleteRole", {"roleName": FUNCTION}), False)
    expect(call("secretsmanager.amazonaws.com", "GetSecretValue", {"secretId": "sample/secret"}), False)
    expect(cfn.load_fixture("seed-get-secret-value.json"), False)
    other = sample("cloudtrail-stop-logging")
    other["detail-type"] = "AWS Service Event via CloudTrail"
    expect(other, False)


def the_functions_own_role_is_not_excluded_from_the_tamper_watch():
    event = sample("events-disable-rule-tamper-watch")
    identity = event["detail"]["userIdentity"]
    identity["sessionContext"]["sessionIssuer"]["arn"] = cfn.fake_attribute("NotifierFunctionRole", "Arn")
    expect(event, True)
    excluded = cfn.resolved_rule_pattern(dict(PARAMETERS, ExcludedRoleArns="arn:aws:iam::111111111111:role/Admin"),
                                         "NotifierFunctionTamperRule")
    assert EventPattern.load(excluded).matches_event(sample("events-disable-rule-tamper-watch")), \
        "exclusions of the read-only rule must not silence the tamper watch"


# --- what the function relies on: its role, the topics' key and data protection policy (the access rule) ---

KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
KEY = "arn:aws:kms:ap-northeast-1:111111111111:key/" + KEY_ID
ROLE = "cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6"
ACCESS_RULE = "NotifierFunctionAccessRule"
ACCESS = EventPattern.load(cfn.resolved_rule_pattern(PARAMETERS, ACCESS_RULE))
KEYED_ACCESS = EventPattern.load(cfn.resolved_rule_pattern(dict(PARAMETERS, KmsKeyArn=KEY), ACCESS_RULE))
ROLE_CALLS = ("PutRolePolicy", "DeleteRolePolicy", "AttachRolePolicy", "DetachRolePolicy", "PutRolePermissionsBoundary",
              "UpdateAssumeRolePolicy", "DeleteRole")
KEY_CALLS = ("DisableKey", "ScheduleKeyDeletion", "DeleteImportedKeyMaterial", "PutKeyPolicy", "RevokeGrant")


def expect_access(pattern, event, expected):
    if pattern.matches_event(event) != expected:
        detail = event["detail"]
        raise AssertionError(f"access rule: expected {'a match' if expected else 'no match'} for {detail['eventSource']} "
                             f"{detail['eventName']} {json.dumps(detail.get('requestParameters'))}")


def changes_to_the_functions_role_notify():
    expect_access(ACCESS, sample("iam-put-role-policy-deny-function-role"), True)
    for name in ROLE_CALLS:
        expect_access(ACCESS, call("iam.amazonaws.com", name, {"roleName": ROLE, "policyName": "x"}), True)
    expect(sample("iam-put-role-policy-deny-function-role"), False)  # the main tamper pattern stays as it was


def the_functions_role_is_matched_in_any_letter_case_as_iam_does():
    # IAM names are not distinguished by case: a Deny on ROLE.upper() lands on the function's role.
    for role in (ROLE.upper(), ROLE.lower(), ROLE.swapcase()):
        expect_access(ACCESS, call("iam.amazonaws.com", "PutRolePolicy", {"roleName": role, "policyName": "x"}), True)
    expect_access(ACCESS, call("iam.amazonaws.com", "PutRolePolicy", {"roleName": ROLE.upper() + "2", "policyName": "x"}),
                  False)


def another_role_or_a_call_that_takes_nothing_from_the_role_does_not_notify():
    for role in ("ci-deployer", "cloudtrail-notifier-dev-NotifierFunctionRole-Z9Y8X7W6V5U4"):
        expect_access(ACCESS, call("iam.amazonaws.com", "PutRolePolicy", {"roleName": role, "policyName": "x"}), False)
    for name in ("TagRole", "UpdateRoleDescription", "DeleteRolePermissionsBoundary", "PutUserPolicy"):
        expect_access(ACCESS, call("iam.amazonaws.com", name, {"roleName": ROLE}), False)


def the_topics_key_is_watched_by_arn_or_id_when_the_stack_uses_one():
    expect_access(KEYED_ACCESS, sample("kms-disable-key-topic-key"), True)
    expect_access(KEYED_ACCESS, sample("kms-put-key-policy-topic-key"), True)
    for name in KEY_CALLS:
        for key in (KEY, KEY_ID):
            expect_access(KEYED_ACCESS, call("kms.amazonaws.com", name, {"keyId": key}), True)
            expect_access(ACCESS, call("kms.amazonaws.com", name, {"keyId": key}), False)
    assert "kms.amazonaws.com" not in cfn.resolved_rule_pattern(PARAMETERS, ACCESS_RULE), "no key, no key branch"


def another_key_or_a_grant_does_not_notify():
    other = "arn:aws:kms:ap-northeast-1:111111111111:key/0987dcba-09fe-87dc-65ba-ab0987654321"
    expect_access(KEYED_ACCESS, call("kms.amazonaws.com", "DisableKey", {"keyId": other}), False)
    for name in ("CreateGrant", "EnableKey", "CancelKeyDeletion", "TagResource"):
        expect_access(KEYED_ACCESS, call("kms.amazonaws.com", name, {"keyId": KEY}), False)


def a_data_protection_policy_on_this_stacks_topics_notifies():
    expect_access(ACCESS, sample("sns-put-data-protection-policy-topic"), True)
    for topic in (TOPIC, OPERATIONS_TOPIC):
        expect_access(ACCESS, call("sns.amazonaws.com", "PutDataProtectionPolicy", {"resourceArn": topic}), True)
    expect_access(ACCESS, call("sns.amazonaws.com", "PutDataProtectionPolicy", {"resourceArn": OTHER_TOPIC}), False)
    expect_access(ACCESS, call("sns.amazonaws.com", "PutDataProtectionPolicy", {"resourceArn": TOPIC + "-dev"}), False)


def the_access_rule_watches_itself_and_the_tamper_rule_and_fits_the_default_limit():
    for rule in ("cloudtrail-notifier-tamper", "cloudtrail-notifier-access"):
        for name in ("DisableRule", "DeleteRule", "PutRule"):
            expect_access(ACCESS, call("events.amazonaws.com", name, {"name": rule}), True)
        expect_access(ACCESS, call("events.amazonaws.com", "RemoveTargets", {"rule": rule, "ids": ["x"]}), True)
    expect_access(ACCESS, call("events.amazonaws.com", "DisableRule", {"name": "cloudtrail-notifier-access2"}), False)
    keyed = cfn.resolved_rule_pattern(dict(PARAMETERS, KmsKeyArn=KEY), ACCESS_RULE)
    print(f"     access pattern with a key, stack name cloudtrail-notifier: {len(keyed)} characters")
    assert len(keyed) < 2048, len(keyed)
    rule = cfn.transformed_template(PARAMETERS)["Resources"][ACCESS_RULE]["Properties"]
    assert rule["State"] == "ENABLED" and rule["Name"] == {"Fn::Sub": "${AWS::StackName}-access"}, rule


# --- noise control and central mode: the digest sweep rule, the state table, the central tamper rule (the access rule) ---

TABLE = "cloudtrail-notifier-StateTable-A1B2C3D4E5F6"
TABLE_ARN = cfn.fake_attribute("StateTable", "Arn")


def the_access_rule_watches_the_sweep_and_central_tamper_rules_and_the_state_table():
    for rule in ("cloudtrail-notifier-sweep", "cloudtrail-notifier-central-tamper"):
        for name in ("DisableRule", "DeleteRule", "PutRule"):
            expect_access(ACCESS, call("events.amazonaws.com", name, {"name": rule}), True)
        for name in ("RemoveTargets", "PutTargets"):
            expect_access(ACCESS, call("events.amazonaws.com", name, {"rule": rule, "ids": ["notifier"]}), True)
    expect_access(ACCESS, call("events.amazonaws.com", "DisableRule",
                               {"name": "cloudtrail-notifier-central-tamper", "eventBusName": "cloudtrail-notifier-central"}), True)
    expect_access(ACCESS, call("events.amazonaws.com", "DisableRule", {"name": "cloudtrail-notifier-dev-sweep"}), False)
    for name in ("DeleteTable", "UpdateTable", "UpdateTimeToLive"):
        for table in (TABLE, TABLE_ARN):
            expect_access(ACCESS, call("dynamodb.amazonaws.com", name, {"tableName": table}), True)
        expect_access(ACCESS, call("dynamodb.amazonaws.com", name, {"tableName": "Music"}), False)
    for name in ("PutItem", "DescribeTable", "TagResource"):
        expect_access(ACCESS, call("dynamodb.amazonaws.com", name, {"tableName": TABLE}), False)
    stateless = cfn.resolved_rule_pattern(dict(PARAMETERS, NoiseControl="Disabled"), ACCESS_RULE)
    assert "dynamodb.amazonaws.com" not in stateless, "no state table, no table branch"
    expect(call("events.amazonaws.com", "DisableRule", {"name": "cloudtrail-notifier-sweep"}), False)  # the main pattern stays as it was


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name not in {"main", "sample", "call", "expect", "expect_access"}:
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
