"""Checks forwarder.yaml (the StackSet template for member accounts and Regions) and template.yaml's central
mode: the forwarder's watch pattern equals the central template's for the same parameters and passes every
case of check_event_pattern.py and check_exclusions.py under moto's EventBridge engine; decoys; the trail rule;
least privilege of the forwarding role; the organization bus and its policy; and, on moto, events forwarded
from a member account's default bus to the central bus and on to the function's target.

Run: python3 test/deployment/check_forwarder.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import json
import logging
import os

import boto3
import cfn_support as cfn
import check_event_pattern as single
import check_exclusions
from moto import mock_aws
from moto.events.models import EventPattern
from samtranslator.yaml_helper import yaml_parse

logging.getLogger("samtranslator").setLevel(logging.ERROR)

FORWARDER_PATH = cfn.REPO_ROOT / "forwarder.yaml"
FORWARDER = yaml_parse(FORWARDER_PATH.read_text(encoding="utf-8"))
CENTRAL_BUS = "arn:aws:events:ap-northeast-1:111111111111:event-bus/cloudtrail-notifier-central"
FORWARDING_ROLE = cfn.fake_attribute("ForwardingRole", "Arn")
ORGANIZATION = "o-a1b2c3d4e5"
OWN_ROLE = "<the stack's own role>"
TRAIL_EVENTS = ["StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "PutInsightSelectors"]

_patterns = {}


def forwarder_resolver(parameters):
    values = {k: v for k, v in parameters.items() if k != "NotificationEmail"}
    values.setdefault("CentralEventBusArn", CENTRAL_BUS)
    return cfn.Resolver(FORWARDER, values)


def forwarder_pattern(rule_id="WatchForwardRule", **parameters):
    key = json.dumps([rule_id, parameters], sort_keys=True)
    if key not in _patterns:
        pattern = forwarder_resolver(parameters).resolve(FORWARDER["Resources"][rule_id]["Properties"]["EventPattern"])
        _patterns[key] = pattern if isinstance(pattern, str) else json.dumps(pattern, separators=(",", ":"))
    return _patterns[key]


def forwarder_pattern_for(**parameters):
    parameters.pop("NotificationEmail", None)
    return forwarder_pattern(**parameters)


# Parameter sets covering every branch of the pattern: each watch kind alone and together, every exclusion list.
PARAMETER_SETS = [
    {"WatchedSecrets": "sample/secret"},
    {"WatchedSecrets": "prod/db,sample/secret", "SecretEventNames": "GetSecretValue,BatchGetSecretValue"},
    {"WatchedEventSources": "ssm.amazonaws.com"},
    {"WatchedEventSources": "ssm.amazonaws.com,kms.amazonaws.com", "WatchedEventNames": "GetParameter,Decrypt"},
    {"WatchedSecrets": "sample/secret", "WatchedEventSources": "ssm.amazonaws.com"},
    {"WatchedSecrets": "sample/secret", "ExcludedRoleArns": single.SEED_ROLE},
    {"WatchedSecrets": "sample/secret", "ExcludedUserArns": "arn:aws:iam::111111111111:user/ci"},
    {"WatchedSecrets": "sample/secret", "ExcludedPrincipalArns": single.SEED_ROLE + ",arn:aws:iam::111111111111:root"},
    {"WatchedSecrets": "sample/secret", "ExcludedUserArns": "arn:aws:iam::111111111111:user/ci",
     "ExcludedPrincipalArns": "arn:aws:iam::111111111111:user/old", "ExcludedRoleArns": single.SEED_ROLE,
     "ExcludedSourceIdentities": "ci-deployer,terraform"},
    {"WatchedSecrets": "sample/secret", "CustomEventPattern": '{"source":["aws.kms"]}'},
    {"DecoySecrets": "honeypot/db-admin"},
    {"WatchedSecrets": "sample/secret", "DecoySecrets": "honeypot/db-admin"},
    {"WatchedEventSources": "ssm.amazonaws.com", "DecoySecrets": "honeypot/db-admin,honeypot/api"},
    {"WatchedSecrets": "sample/secret", "WatchedEventSources": "ssm.amazonaws.com", "DecoySecrets": "honeypot/db-admin"},
]


def central_watch_parameters():
    return set(cfn.load_template()["Parameters"])


def forwarder_watch_parameters():
    return set(FORWARDER["Parameters"]) - {"CentralEventBusArn"}


def without_own_role(pattern, role_arn):
    assert pattern.count(role_arn) <= 1, pattern
    return pattern.replace(role_arn, OWN_ROLE)


# --- the pattern kept in one place ---

def forwarder_declares_every_watch_parameter_of_the_central_template():
    central = central_watch_parameters()
    watch = {name for name in central if name.startswith(("Watched", "Secret", "Excluded", "Custom", "Decoy"))}
    missing = watch - forwarder_watch_parameters()
    assert not missing, f"forwarder.yaml lacks {sorted(missing)}"
    for name in watch:
        for key in ("Type", "Default", "AllowedPattern"):
            assert FORWARDER["Parameters"][name].get(key) == cfn.load_template()["Parameters"][name].get(key), (name, key)
    extra = forwarder_watch_parameters() - central
    # DecoySecrets arrives in template.yaml from the severity branch; until then it is the only extra parameter.
    assert extra <= {"DecoySecrets"}, f"forwarder-only parameters: {sorted(extra)}"


def resolved_patterns_equal_the_central_templates_for_the_same_parameters():
    central = central_watch_parameters()
    compared = 0
    for parameters in PARAMETER_SETS:
        if not set(parameters) <= central:
            continue
        mine = without_own_role(forwarder_pattern(**parameters), FORWARDING_ROLE)
        theirs = without_own_role(single.pattern_for(**dict(parameters)), single.FUNCTION_ROLE)
        assert mine == theirs, f"{parameters}:\n forwarder {mine}\n template  {theirs}"
        compared += 1
    print(f"     {compared} of {len(PARAMETER_SETS)} parameter sets compared (the rest use parameters template.yaml lacks)")
    assert compared >= 10, compared


def forwarder_watch_rule_is_opted_in_on_the_default_bus():
    rule = FORWARDER["Resources"]["WatchForwardRule"]["Properties"]
    assert rule["State"] == "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", rule["State"]
    assert "EventBusName" not in rule and "ScheduleExpression" not in rule, rule
    assert "Transform" not in FORWARDER, "StackSets with service-managed permissions refuse transforms"


def decoys_are_forwarded_even_when_not_watched():
    decoy = "honeypot/db-admin"
    arn = single.SEED_ARN_PREFIX + decoy + "-AbCdEf"
    for parameters in ({"DecoySecrets": decoy}, {"WatchedSecrets": "sample/secret", "DecoySecrets": decoy},
                       {"WatchedEventSources": "ssm.amazonaws.com", "DecoySecrets": decoy,
                        "SecretEventNames": "GetSecretValue"}):
        pattern = EventPattern.load(forwarder_pattern(**parameters))
        for secret_id in (decoy, arn, single.SEED_ARN_PREFIX + decoy):
            for name, read_only in (("GetSecretValue", True), ("DescribeSecret", True), ("PutSecretValue", False),
                                    ("DeleteSecret", False)):
                event = single.changed(single.with_secret_id(secret_id, name), readOnly=read_only)
                assert pattern.matches_event(event), (parameters, secret_id, name)
        assert not pattern.matches_event(single.with_secret_id("honeypot/db-admin2")), parameters
        assert not pattern.matches_event(single.with_secret_id("other/secret")), parameters
    with_both = EventPattern.load(forwarder_pattern(WatchedSecrets="sample/secret", DecoySecrets=decoy))
    assert with_both.matches_event(single.seed()), "the watched secret is still forwarded beside the decoys"


# --- the trail rule ---

def trail_rule_forwards_trail_changes_like_the_tamper_watch():
    rule = FORWARDER["Resources"]["TamperForwardRule"]["Properties"]
    assert rule["State"] == "ENABLED" and "EventBusName" not in rule, rule
    forwarded = json.loads(rule["EventPattern"])
    tamper = json.loads(cfn.resolved_rule_pattern({"NotificationEmail": single.EMAIL, "WatchedSecrets": "x"},
                                                  "NotifierFunctionTamperRule"))
    trail_branch, = [b for b in tamper["detail"]["$or"] if b["eventSource"] == ["cloudtrail.amazonaws.com"]]
    assert forwarded == {"source": tamper["source"], "detail-type": tamper["detail-type"], "detail": trail_branch}, forwarded
    assert trail_branch["eventName"] == TRAIL_EVENTS, trail_branch
    central = cfn.load_template()["Resources"]["CentralTrailTamperRule"]["Properties"]
    assert json.loads(central["EventPattern"]) == forwarded, "the central bus rule must match what is forwarded"
    pattern = EventPattern.load(rule["EventPattern"])
    stop = json.loads((cfn.REPO_ROOT / "events" / "cloudtrail-stop-logging.json").read_text(encoding="utf-8"))
    assert pattern.matches_event(stop)
    for name in TRAIL_EVENTS:
        assert pattern.matches_event(single.changed(stop, eventName=name)), name
    for name in ("StartLogging", "CreateTrail", "LookupEvents"):
        assert not pattern.matches_event(single.changed(stop, eventName=name)), name


# --- least privilege ---

def forwarding_role_may_only_put_events_on_the_central_bus():
    role = FORWARDER["Resources"]["ForwardingRole"]["Properties"]
    assert "ManagedPolicyArns" not in role and "PermissionsBoundary" not in role, role
    trust, = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust == {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole",
                     "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}}, trust
    policy, = role["Policies"]
    statement, = policy["PolicyDocument"]["Statement"]
    assert statement == {"Effect": "Allow", "Action": "events:PutEvents", "Resource": {"Ref": "CentralEventBusArn"}}, statement
    roles = cfn.resources_of_type(FORWARDER, "AWS::IAM::Role")
    assert list(roles) == ["ForwardingRole"], list(roles)
    for rule_id in ("WatchForwardRule", "TamperForwardRule"):
        target, = FORWARDER["Resources"][rule_id]["Properties"]["Targets"]
        assert target["Arn"] == {"Ref": "CentralEventBusArn"}, target
        assert target["RoleArn"] == {"Fn::GetAtt": ["ForwardingRole", "Arn"]}, target
        # Input, InputPath and InputTransformer are not available for another account's bus.
        assert not {"Input", "InputPath", "InputTransformer"} & set(target), target
        assert target["DeadLetterConfig"] == {"Arn": {"Fn::GetAtt": ["ForwarderDeadLetterQueue", "Arn"]}}, target
    resolver = forwarder_resolver({"WatchedSecrets": "x"})
    queue_policy = resolver.resolve(FORWARDER["Resources"]["ForwarderDeadLetterQueuePolicy"]["Properties"])
    allow, = [s for s in queue_policy["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"]
    assert allow["Condition"]["ArnEquals"]["aws:SourceArn"] == [cfn.fake_attribute("WatchForwardRule", "Arn"),
                                                                cfn.fake_attribute("TamperForwardRule", "Arn")], allow


def central_bus_arn_parameter_refuses_what_is_not_a_bus():
    import re
    allowed = FORWARDER["Parameters"]["CentralEventBusArn"]["AllowedPattern"]
    assert re.fullmatch(allowed, CENTRAL_BUS)
    for bad in ("", "arn:aws:sns:us-east-1:111111111111:topic", "arn:aws:events:us-east-1:111111111111:rule/x",
                CENTRAL_BUS + '"', "*"):
        assert not re.fullmatch(allowed, bad), bad


# --- template.yaml, central mode ---

def central_mode_adds_the_organization_bus_and_watches_it():
    parameters = dict(single.SEED if hasattr(single, "SEED") else {}, NotificationEmail=single.EMAIL,
                      WatchedSecrets="sample/secret", OrganizationId=ORGANIZATION)
    template = cfn.transformed_template(parameters)
    resolver = cfn.Resolver(template, parameters)
    resources = template["Resources"]
    bus = resolver.resolve(resources["CentralEventBus"]["Properties"])
    statement, = bus["Policy"]["Statement"]
    assert statement["Principal"] == "*" and statement["Action"] == "events:PutEvents", statement
    assert statement["Condition"] == {"StringEquals": {"aws:PrincipalOrgID": ORGANIZATION}}, statement
    assert statement["Resource"].endswith(":event-bus/" + bus["Name"]), statement
    watch = resolver.resolve(resources["NotifierFunctionWatchRule"]["Properties"])
    assert watch["State"] == "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", watch["State"]
    assert watch["EventBusName"] == cfn.fake_ref("CentralEventBus", "AWS::Events::EventBus"), watch
    assert resources["NotifierFunctionWatchRule"]["Properties"]["EventBusName"]["Fn::If"][1] == {"Ref": "CentralEventBus"}
    trail = resources["CentralTrailTamperRule"]["Properties"]
    assert trail["EventBusName"] == {"Ref": "CentralEventBus"} and trail["State"] == "ENABLED", trail
    target, = trail["Targets"]
    assert target["Arn"] == {"Fn::GetAtt": ["NotifierFunction", "Arn"]}, target
    permission = resources["CentralTrailTamperRulePermission"]["Properties"]
    assert permission["SourceArn"] == {"Fn::GetAtt": ["CentralTrailTamperRule", "Arn"]}, permission
    queue_policy = resolver.resolve(resources["DeadLetterQueuePolicy"]["Properties"])
    allow, = [s for s in queue_policy["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"]
    assert cfn.fake_attribute("CentralTrailTamperRule", "Arn") in allow["Condition"]["ArnEquals"]["aws:SourceArn"]
    outputs = resolver.resolve(template["Outputs"])
    assert outputs["CentralEventBusArn"]["Value"] == cfn.fake_attribute("CentralEventBus", "Arn"), outputs
    for logical_id in ("CentralEventBus", "CentralTrailTamperRule", "CentralTrailTamperRulePermission"):
        assert resolver.condition(resources[logical_id]["Condition"]), logical_id
    assert resolver.condition(template["Outputs"]["CentralEventBusArn"]["Condition"])


def single_account_mode_has_no_bus_and_no_bus_output():
    parameters = {"NotificationEmail": single.EMAIL, "WatchedSecrets": "sample/secret"}
    template = cfn.transformed_template(parameters)
    resolver = cfn.Resolver(template, parameters)
    for logical_id in ("CentralEventBus", "CentralTrailTamperRule", "CentralTrailTamperRulePermission"):
        assert not resolver.condition(template["Resources"][logical_id]["Condition"]), logical_id
    assert not resolver.condition(template["Outputs"]["CentralEventBusArn"]["Condition"])
    watch = resolver.resolve(template["Resources"]["NotifierFunctionWatchRule"]["Properties"])
    assert "EventBusName" not in watch, watch


def organization_and_account_names_parameters_refuse_malformed_values():
    import re
    parameters = cfn.load_template()["Parameters"]
    organization = parameters["OrganizationId"]["AllowedPattern"]
    assert re.fullmatch(organization, "") and re.fullmatch(organization, ORGANIZATION)
    for bad in ("o-", "123456789012", 'o-abcdefghij"', "r-abcd"):
        assert not re.fullmatch(organization, bad), bad
    names = parameters["AccountNames"]["AllowedPattern"]
    assert re.fullmatch(names, "") and re.fullmatch(names, "111111111111=prod,222222222222=staging")
    assert re.fullmatch(names, "111111111111=R&D (eu)!,222222222222=チーム")
    for bad in ("prod=111111111111", "111111111111", "111111111111=a=b", "111111111111=prod,", "111111111111=[x]",
                "111111111111=" + "n" * 51):
        assert not re.fullmatch(names, bad), bad


# --- end to end on moto: member default bus -> central bus -> the function's target ---

MEMBER = "222222222222"
CENTRAL = "111111111111"


@mock_aws
def events_travel_from_a_member_account_to_the_central_bus_and_its_targets():
    """moto carries bus-to-bus delivery across accounts; it cannot check the read-only opt-in, RoleArn, the bus
    policy, nor invoke Lambda, so an SQS queue stands in for the function (see README)."""
    os.environ["MOTO_ACCOUNT_ID"] = CENTRAL
    central_events = boto3.client("events", region_name="ap-northeast-1")
    sqs = boto3.client("sqs", region_name="ap-northeast-1")
    bus_arn = central_events.create_event_bus(Name="cloudtrail-notifier-central")["EventBusArn"]
    queue_url = sqs.create_queue(QueueName="stands-in-for-the-function")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    parameters = {"NotificationEmail": single.EMAIL, "WatchedSecrets": "sample/secret", "OrganizationId": ORGANIZATION}
    central_rules = {
        "watch": (cfn.resolved_rule_pattern(parameters), "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"),
        "tamper": (cfn.load_template()["Resources"]["CentralTrailTamperRule"]["Properties"]["EventPattern"], "ENABLED"),
    }
    for name, (pattern, state) in central_rules.items():
        central_events.put_rule(Name=name, EventBusName="cloudtrail-notifier-central", EventPattern=pattern, State=state)
        central_events.put_targets(Rule=name, EventBusName="cloudtrail-notifier-central",
                                   Targets=[{"Id": "function", "Arn": queue_arn}])

    os.environ["MOTO_ACCOUNT_ID"] = MEMBER
    member = boto3.client("events", region_name="us-east-1")
    forwarder = {"WatchForwardRule": "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "TamperForwardRule": "ENABLED"}
    for rule_id, state in forwarder.items():
        pattern = forwarder_pattern(rule_id, WatchedSecrets="sample/secret", CentralEventBusArn=bus_arn)
        member.put_rule(Name=rule_id, EventPattern=pattern, State=state)
        member.put_targets(Rule=rule_id, Targets=[{"Id": "CentralEventBus", "Arn": bus_arn,
                                                   "RoleArn": f"arn:aws:iam::{MEMBER}:role/forwarding"}])

    def put(event):
        entry = {"Source": event["source"], "DetailType": event["detail-type"], "Detail": json.dumps(event["detail"])}
        result = member.put_events(Entries=[entry])
        assert result["FailedEntryCount"] == 0, result

    watched = single.seed()
    watched["detail"]["recipientAccountId"] = MEMBER
    put(watched)
    put(single.with_secret_id("other/secret"))
    stop = json.loads((cfn.REPO_ROOT / "events" / "cloudtrail-stop-logging.json").read_text(encoding="utf-8"))
    put(stop)
    put(single.changed(stop, eventName="StartLogging"))

    os.environ["MOTO_ACCOUNT_ID"] = CENTRAL
    received = []
    while True:
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            break
        received += [json.loads(m["Body"]) for m in messages]
        sqs.delete_message_batch(QueueUrl=queue_url, Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)])
    names = sorted(event["detail"]["eventName"] for event in received)
    assert names == ["GetSecretValue", "StopLogging"], names
    delivered = next(e for e in received if e["detail"]["eventName"] == "GetSecretValue")
    assert delivered["detail"] == watched["detail"], "the CloudTrail record arrives unchanged"
    assert delivered["detail"]["recipientAccountId"] == MEMBER
    print(f"     delivered through two buses: {names}; envelope fields on arrival (moto): {sorted(delivered)}")


# --- per-account routing: the README's filter policy, on the attributes the notifier really sends ---

@mock_aws
def readme_filter_policy_routes_each_accounts_notifications():
    import re
    readme = (cfn.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    attributes_json, = re.findall(r"--attributes '(\{\"FilterPolicy\".*?\})'", readme)
    policy = json.loads(json.loads(attributes_json)["FilterPolicy"])
    golden = cfn.REPO_ROOT / "test" / "CloudTrailNotifier.Tests" / "Golden" / "Approved"
    request = json.loads((golden / "sts-assume-role-cross-account.account-names.en.approved.txt")
                         .read_text(encoding="utf-8").strip().splitlines()[-1])
    attributes = request["MessageAttributes"]
    assert attributes["account"]["StringValue"] == "111111111111" and len(attributes) <= 10, attributes
    os.environ["MOTO_ACCOUNT_ID"] = CENTRAL
    sns = boto3.client("sns", region_name="us-east-1")
    sqs = boto3.client("sqs", region_name="us-east-1")
    topic = sns.create_topic(Name="notifications")["TopicArn"]
    queue_url = sqs.create_queue(QueueName="prod-team")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, Attributes={"FilterPolicy": json.dumps(policy)})
    for account in ("111111111111", "222222222222", "444444444444", "333333333333"):
        routed = dict(attributes, account={"DataType": "String", "StringValue": account})
        sns.publish(TopicArn=topic, Subject=request["Subject"], Message=account, MessageAttributes=routed)
    bodies = [json.loads(m["Body"])["Message"]
              for m in sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])]
    assert sorted(bodies) == ["222222222222", "333333333333"], bodies


# --- every case of today's pattern checks, against the forwarder's pattern ---

CASE_MODULES = (single, check_exclusions)
HELPERS = {"main", "pattern_for", "matches", "expect", "seed", "changed", "with_secret_id", "with_caller",
           "iam_user_caller", "stratus_events", "ssm_events", "federated_session_of", "with_source_identity", "check"}


def single_account_cases():
    for module in CASE_MODULES:
        for name, case in vars(module).items():
            if callable(case) and getattr(case, "__module__", None) == module.__name__ and name not in HELPERS:
                yield name, case


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and getattr(check, "__module__", None) == __name__ and name not in {
                "main", "forwarder_resolver", "forwarder_pattern", "forwarder_pattern_for", "central_watch_parameters",
                "forwarder_watch_parameters", "without_own_role", "single_account_cases"}:
            checks.run(name, check)
    # The same cases, with the forwarder's pattern in place of the template's (its own role is the forwarding role).
    single.pattern_for = forwarder_pattern_for
    single.FUNCTION_ROLE = FORWARDING_ROLE
    for name, case in single_account_cases():
        checks.run("forwarder_" + name, case)
    checks.finish()


if __name__ == "__main__":
    main()
