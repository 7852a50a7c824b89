"""Checks how the transformed template protects the stack itself: the tamper rule's wiring and the alarm names it
relies on, the alarms (including filtered-out and failed deliveries of the topic) and their separate delivery
path through the operations topic, and the topic policies (who may publish, who may change subscriptions).

Run: python3 test/deployment/check_protection.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import json
import logging

import cfn_support as cfn
from cfn_support import resource
from check_template import (KMS_KEY, OPERATIONS_TOPIC_ARN, SEED, TEMPLATE, TOPIC_ARN, ALARMS, as_list, equal, props,
                            resolved)

logging.getLogger("samtranslator").setLevel(logging.ERROR)


def tamper_rule_is_enabled_named_and_delivers_like_the_watch_rule():
    rule = resolved()["Resources"]["NotifierFunctionTamperRule"]["Properties"]
    equal(rule["State"], "ENABLED", "State")
    equal(rule["Name"], "cloudtrail-notifier-tamper", "Name")
    equal(resolved()["Resources"]["NotifierFunctionWatchRule"]["Properties"]["Name"], "cloudtrail-notifier-watch",
          "watch rule Name")
    target, = props("NotifierFunctionTamperRule")["Targets"]
    equal(target["Arn"], {"Fn::GetAtt": ["NotifierFunction", "Arn"]}, "target Arn")
    equal(target["DeadLetterConfig"], {"Arn": {"Fn::GetAtt": ["DeadLetterQueue", "Arn"]}}, "target DeadLetterConfig")
    pattern = json.loads(cfn.resolved_rule_pattern(SEED, "NotifierFunctionTamperRule"))
    equal(pattern["detail-type"], ["AWS API Call via CloudTrail"], "detail-type")
    size = len(cfn.resolved_rule_pattern(SEED, "NotifierFunctionTamperRule"))
    print(f"     tamper pattern for stack name cloudtrail-notifier: {size} characters")
    assert size < 2048, size


def every_alarm_is_named_for_the_tamper_watch():
    resources = resolved()["Resources"]
    for logical_id in ALARMS:
        name = resources[logical_id]["Properties"]["AlarmName"]
        assert name.startswith("cloudtrail-notifier-alarm-"), f"{logical_id}: {name}"


def alarms_watch_function_errors_and_the_dead_letter_queue_and_notify_the_operations_topic():
    alarms = cfn.resources_of_type(TEMPLATE, "AWS::CloudWatch::Alarm")
    equal(sorted(alarms), ALARMS, "alarms")
    errors, dlq = props("FunctionErrorsAlarm"), props("DeadLetterQueueAlarm")
    delivery, dropped = props("FailedEventDeliveryAlarm"), props("DroppedEventsAlarm")
    equal((delivery["Namespace"], delivery["MetricName"]), ("AWS/Lambda", "DestinationDeliveryFailures"), "delivery metric")
    equal((dropped["Namespace"], dropped["MetricName"]), ("AWS/Lambda", "AsyncEventsDropped"), "dropped metric")
    for alarm in (delivery, dropped):
        equal(alarm["Dimensions"], [{"Name": "FunctionName", "Value": {"Ref": "NotifierFunction"}}], "lambda dimensions")
    equal((errors["Namespace"], errors["MetricName"]), ("AWS/Lambda", "Errors"), "errors metric")
    equal(errors["Dimensions"], [{"Name": "FunctionName", "Value": {"Ref": "NotifierFunction"}}], "errors dimensions")
    equal((dlq["Namespace"], dlq["MetricName"]), ("AWS/SQS", "ApproximateNumberOfMessagesVisible"), "DLQ metric")
    equal(dlq["Dimensions"], [{"Name": "QueueName", "Value": {"Fn::GetAtt": ["DeadLetterQueue", "QueueName"]}}],
          "DLQ dimensions")
    for logical_id in ALARMS:
        alarm = props(logical_id)
        equal((alarm["Threshold"], alarm["ComparisonOperator"]), (0, "GreaterThanThreshold"), "threshold")
        equal(alarm["AlarmActions"], [{"Ref": "OperationsTopic"}], f"{logical_id} AlarmActions")
        equal(alarm["TreatMissingData"], "notBreaching", "TreatMissingData")


def filtered_out_and_failed_deliveries_of_the_topic_raise_alarms():
    expected = {
        "FilteredOutAlarm": "NumberOfNotificationsFilteredOut",
        "FilteredOutInvalidAttributesAlarm": "NumberOfNotificationsFilteredOut-InvalidAttributes",
        "FilteredOutNoMessageAttributesAlarm": "NumberOfNotificationsFilteredOut-NoMessageAttributes",
        "DeliveryFailuresAlarm": "NumberOfNotificationsFailed",
    }
    for logical_id, metric in expected.items():
        alarm = props(logical_id)
        equal((alarm["Namespace"], alarm["MetricName"], alarm["Statistic"]), ("AWS/SNS", metric, "Sum"), logical_id)
        equal(alarm["Dimensions"], [{"Name": "TopicName", "Value": {"Fn::GetAtt": ["NotificationTopic", "TopicName"]}}],
              f"{logical_id} dimensions")
        assert alarm["Period"] <= 300 and alarm["EvaluationPeriods"] == 1, alarm


def operations_topic_is_a_separate_delivery_path_to_the_same_address():
    subscription = props("OperationsSubscription")
    equal(subscription, {"TopicArn": {"Ref": "OperationsTopic"}, "Protocol": "email",
                         "Endpoint": {"Ref": "NotificationEmail"}}, "operations subscription")
    equal(props("OperationsTopicPolicy")["Topics"], [{"Ref": "OperationsTopic"}], "operations policy topics")
    names = [s["Endpoint"] for s in (props("NotificationSubscription"), subscription)]
    equal(names, [{"Ref": "NotificationEmail"}] * 2, "both topics reach the same address")
    equal(resource(TEMPLATE, "OperationsTopic")["Type"], "AWS::SNS::Topic", "operations topic type")
    equal(resolved({"KmsKeyArn": KMS_KEY})["Resources"]["OperationsTopic"]["Properties"]["KmsMasterKeyId"], KMS_KEY,
          "operations topic key")
    outputs = {name: value["Value"] for name, value in TEMPLATE["Outputs"].items()}
    assert {"Ref": "OperationsTopic"} in outputs.values(), outputs


def topic_statements(logical_id, parameters=None):
    return {s["Sid"]: s for s in resolved(parameters)["Resources"][logical_id]["Properties"]["PolicyDocument"]["Statement"]}


ALARM_ARNS = sorted(cfn.fake_attribute(a, "Arn") for a in ALARMS)
FUNCTION_ROLE_ARN = cfn.fake_attribute("NotifierFunctionRole", "Arn")


def topic_policy_refuses_publishing_without_tls_and_admits_only_this_stacks_alarms():
    for logical_id, topic in (("NotificationTopicPolicy", TOPIC_ARN), ("OperationsTopicPolicy", OPERATIONS_TOPIC_ARN)):
        statements = topic_statements(logical_id)
        tls = statements["RefusePublishingWithoutTls"]
        equal((tls["Effect"], tls["Principal"], tls["Action"], tls["Resource"], tls["Condition"]),
              ("Deny", "*", "sns:Publish", topic, {"Bool": {"aws:SecureTransport": "false"}}), "TLS deny")
        allow = statements["AllowThisStacksAlarms"]
        equal((allow["Effect"], allow["Principal"], allow["Action"]),
              ("Allow", {"Service": "cloudwatch.amazonaws.com"}, "sns:Publish"), "alarm allow")
        equal(sorted(allow["Condition"]["ArnEquals"]["aws:SourceArn"]), ALARM_ARNS, "alarm source ARNs")
        equal(allow["Condition"]["StringEquals"], {"aws:SourceAccount": "111111111111"}, "source account")
        other = statements["RefuseOtherAlarms"]
        equal((other["Effect"], other["Principal"], other["Action"]),
              ("Deny", {"Service": "cloudwatch.amazonaws.com"}, "sns:Publish"), "other alarms deny")
        equal(sorted(other["Condition"]["ArnNotEquals"]["aws:SourceArn"]), ALARM_ARNS, "other alarms condition")
        allows = [s for s in statements.values() if s["Effect"] == "Allow"]
        equal(len(allows), 1, f"{logical_id}: only the alarm grant allows anything")


def publish_policy_decision(statements, principal_arn=None, service=None, source_arn=None):
    """Evaluates the deny statements on sns:Publish the way IAM does (negated operators on an absent key hold)."""
    context = {"aws:PrincipalArn": principal_arn, "aws:PrincipalServiceName": service, "aws:SourceArn": source_arn,
               "aws:SecureTransport": "true"}
    for statement in statements.values():
        if statement["Effect"] != "Deny" or "sns:Publish" not in as_list(statement["Action"]):
            continue
        if statement["Principal"] != "*" and statement["Principal"] != {"Service": service}:
            continue
        holds = True
        for operator, keys in statement["Condition"].items():
            for key, values in keys.items():
                actual = context[key]
                if operator in ("ArnNotEquals", "StringNotEquals"):
                    holds &= actual is None or actual not in as_list(values)
                elif operator == "Bool":
                    holds &= actual == values
                else:
                    raise AssertionError(f"unexpected operator {operator}")
        if holds:
            return "denied"
    return "not denied"


def only_the_function_and_this_stacks_alarms_may_publish():
    main = topic_statements("NotificationTopicPolicy")
    alarm = cfn.fake_attribute("FilteredOutAlarm", "Arn")
    equal(publish_policy_decision(main, principal_arn=FUNCTION_ROLE_ARN), "not denied", "function role")
    equal(publish_policy_decision(main, service="cloudwatch.amazonaws.com", source_arn=alarm), "not denied", "our alarm")
    for caller in ("arn:aws:iam::111111111111:role/Admin", "arn:aws:iam::111111111111:user/alice",
                   "arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:role/cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6"):
        equal(publish_policy_decision(main, principal_arn=caller), "denied", caller)
    equal(publish_policy_decision(main, service="cloudwatch.amazonaws.com",
                                  source_arn="arn:aws:cloudwatch:ap-northeast-1:111111111111:alarm:someone-elses"),
          "denied", "another alarm")
    equal(publish_policy_decision(main, service="events.amazonaws.com"), "denied", "another service")
    oncall = "arn:aws:iam::111111111111:role/oncall"
    equal(publish_policy_decision(main, principal_arn=oncall), "denied", "redrive role without RedrivePublisherArns")
    redrive = topic_statements("NotificationTopicPolicy", {"RedrivePublisherArns": oncall})
    equal(publish_policy_decision(redrive, principal_arn=oncall), "not denied", "redrive role named in RedrivePublisherArns")
    equal(publish_policy_decision(redrive, principal_arn=FUNCTION_ROLE_ARN), "not denied", "function role beside a redrive role")
    equal(publish_policy_decision(redrive, principal_arn="arn:aws:iam::111111111111:role/Admin"), "denied", "anyone else")
    operations = topic_statements("OperationsTopicPolicy")
    equal(publish_policy_decision(operations, principal_arn=FUNCTION_ROLE_ARN), "denied", "function on operations topic")
    equal(publish_policy_decision(topic_statements("OperationsTopicPolicy", {"RedrivePublisherArns": oncall}), principal_arn=oncall),
          "denied", "a redrive role on the operations topic")
    equal(publish_policy_decision(operations, service="cloudwatch.amazonaws.com", source_arn=alarm), "not denied",
          "our alarm on operations topic")


def subscription_changes_are_left_to_cloudformation_and_named_administrators():
    actions = ["sns:Subscribe", "sns:SetSubscriptionAttributes", "sns:DeleteTopic", "sns:AddPermission",
               "sns:RemovePermission", "sns:PutDataProtectionPolicy"]
    admin = "arn:aws:iam::111111111111:role/cfn-deployer"
    for logical_id in ("NotificationTopicPolicy", "OperationsTopicPolicy"):
        for parameters, admins in (({}, ["arn:aws:iam::000000000000:role/none"]), ({"TopicAdministratorArns": admin}, [admin])):
            deny = topic_statements(logical_id, parameters)["RefuseSubscriptionChangesOutsideTheDeployment"]
            equal((deny["Effect"], deny["Principal"], sorted(deny["Action"])), ("Deny", "*", sorted(actions)), "actions")
            condition = deny["Condition"]
            equal(condition["ForAllValues:StringNotEquals"], {"aws:CalledVia": "cloudformation.amazonaws.com"},
                  f"{logical_id} CalledVia")
            equal(as_list(condition["ArnNotEquals"]["aws:PrincipalArn"]), admins, f"{logical_id} administrators")
            equal(sorted(condition), ["ArnNotEquals", "ForAllValues:StringNotEquals"], f"{logical_id} operators")
            assert "sns:SetTopicAttributes" not in deny["Action"], "the policy itself must stay changeable"


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name not in {
                "main", "topic_statements", "publish_policy_decision"}:
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
