"""Checks the CloudFormation template the SAM transform makes of template.yaml: the function, the
opted-in rule and its invoke permission, least-privilege IAM, the dead-letter wiring, the alarms, the
topic, the parameters, and samconfig.toml.

Run: python3 test/deployment/check_template.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import json
import logging
import re
import tomllib

import cfn_support as cfn
from cfn_support import resource

logging.getLogger("samtranslator").setLevel(logging.ERROR)

SEED = {"NotificationEmail": "security@example.com", "WatchedSecrets": "sample/secret"}
KMS_KEY = "arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"
TEMPLATE = cfn.transformed_template(SEED)
TOPIC_ARN = "arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-NotificationTopic-A1B2C3D4E5F6"
OPERATIONS_TOPIC_ARN = "arn:aws:sns:ap-northeast-1:111111111111:cloudtrail-notifier-OperationsTopic-A1B2C3D4E5F6"
QUEUE_URL = "https://sqs.ap-northeast-1.amazonaws.com/111111111111/cloudtrail-notifier-DeadLetterQueue-A1B2C3D4E5F6"
ALARMS = ["DeadLetterQueueAlarm", "DeliveryFailuresAlarm", "DroppedEventsAlarm", "FailedEventDeliveryAlarm",
          "FilteredOutAlarm", "FilteredOutInvalidAttributesAlarm", "FilteredOutNoMessageAttributesAlarm",
          "FunctionErrorsAlarm", "StateStoreSkippedAlarm"]


def resolved(parameters=None):
    """The transformed template with every intrinsic function evaluated for the parameters."""
    values = dict(SEED, **(parameters or {}))
    template = cfn.transformed_template(values)
    resolver = cfn.Resolver(template, values)
    return {"Resources": {
        logical_id: dict(definition, Properties=resolver.resolve(definition.get("Properties", {})))
        for logical_id, definition in template["Resources"].items()
        if "Condition" not in definition or resolver.condition(definition["Condition"])
    }, "Outputs": resolver.resolve(template["Outputs"])}


def props(logical_id, template=TEMPLATE):
    return resource(template, logical_id)["Properties"]


def equal(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def as_list(value):
    return value if isinstance(value, list) else [value]


def role_statements(template):
    statements = []
    for policy in props("NotifierFunctionRole", template)["Policies"]:
        statements += policy["PolicyDocument"]["Statement"]
    return statements


# --- function ---

def function_is_a_native_aot_bootstrap_on_provided_al2023():
    function = props("NotifierFunction")
    equal(function["Runtime"], "provided.al2023", "Runtime")
    equal(function["Handler"], "bootstrap", "Handler")
    equal(function["Architectures"], ["x86_64"], "Architectures")
    equal(cfn.load_template()["Resources"]["NotifierFunction"]["Metadata"], {"BuildMethod": "makefile"}, "Metadata")


def function_has_128_mb_and_a_timeout_that_covers_publish_retries():
    function = props("NotifierFunction")
    equal(function["MemorySize"], 128, "MemorySize")
    assert 15 <= function["Timeout"] <= 60, f"Timeout {function['Timeout']} should be 15-60 s"


def function_logs_json_to_its_own_group_with_a_retention_period():
    function = props("NotifierFunction")
    equal(function["LoggingConfig"]["LogFormat"], "JSON", "LogFormat")
    equal(function["LoggingConfig"]["LogGroup"], {"Ref": "NotifierLogGroup"}, "LogGroup")
    equal(resource(TEMPLATE, "NotifierLogGroup")["Type"], "AWS::Logs::LogGroup", "log group type")
    equal(resolved()["Resources"]["NotifierLogGroup"]["Properties"]["RetentionInDays"], 30, "RetentionInDays")


def function_gets_the_environment_the_executable_reads():
    variables = resolved({"NotificationLanguage": "ja", "NotificationTimeZone": "Asia/Tokyo"})[
        "Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]
    # CHAT_TOPIC_ARN with chat on is checked in check_chat.py.
    equal(variables, {"TOPIC_ARN": TOPIC_ARN, "CHAT_TOPIC_ARN": "", "DRY_RUN": "false",
                      "NOTIFICATION_LANGUAGE": "ja", "NOTIFICATION_TIME_ZONE": "Asia/Tokyo", "DECOY_SECRETS": "", "ACCOUNT_NAMES": "",
                      "STATE_TABLE_NAME": "cloudtrail-notifier-StateTable-A1B2C3D4E5F6",
                      "DIGEST_WINDOW_SECONDS": 900, "RATE_GUARD_PER_MINUTE": 30,
                      "TAMPER_WATCH_RESOURCES": ",".join([
                          "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-watch",
                          "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-tamper",
                          TOPIC_ARN, OPERATIONS_TOPIC_ARN, QUEUE_URL,
                          "arn:aws:cloudwatch:ap-northeast-1:111111111111:alarm:cloudtrail-notifier-alarm-*",
                          cfn.fake_attribute("NotifierFunctionRole", "Arn"),
                          "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-access",
                          # Noise control (on by default): the digest sweep rule and the state table.
                          "arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-sweep",
                          cfn.fake_attribute("StateTable", "Arn")])},
          "Variables")
    # With KmsKeyArn the topics' key is watched too, after the stack's own resources.
    keyed = resolved({"KmsKeyArn": KMS_KEY})["Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]
    equal(keyed["TAMPER_WATCH_RESOURCES"], variables["TAMPER_WATCH_RESOURCES"] + "," + KMS_KEY, "TAMPER_WATCH_RESOURCES with a key")
    # Without noise control there is no sweep rule or table to watch; central mode adds the rule on the organization's bus.
    stateless = resolved({"NoiseControl": "Disabled"})["Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]
    equal(stateless["TAMPER_WATCH_RESOURCES"].split(","), variables["TAMPER_WATCH_RESOURCES"].split(",")[:-2], "TAMPER_WATCH_RESOURCES without noise control")
    central = resolved({"OrganizationId": "o-a1b2c3d4e5"})["Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]
    equal(central["TAMPER_WATCH_RESOURCES"], variables["TAMPER_WATCH_RESOURCES"]
          + ",arn:aws:events:ap-northeast-1:111111111111:rule/cloudtrail-notifier-central/cloudtrail-notifier-central-tamper",
          "TAMPER_WATCH_RESOURCES in central mode")
    decoys = resolved({"DecoySecrets": "honeypot/db-admin,honeypot/api"})[
        "Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]["DECOY_SECRETS"]
    equal(decoys, "honeypot/db-admin,honeypot/api", "DECOY_SECRETS")
    equal(props("NotifierFunction")["Environment"]["Variables"]["TOPIC_ARN"], {"Ref": "NotificationTopic"}, "TOPIC_ARN")


# --- rule and permission ---

def rule_is_opted_in_to_read_only_management_events_on_the_default_bus():
    rule = resource(TEMPLATE, "NotifierFunctionWatchRule")
    equal(rule["Type"], "AWS::Events::Rule", "rule type")
    equal(rule["Properties"]["State"], "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "State")
    # Without OrganizationId (single-account mode) the rule has no EventBusName: the default bus.
    bus = resolved()["Resources"]["NotifierFunctionWatchRule"]["Properties"].get("EventBusName", "default")
    assert bus == "default", bus
    assert "ScheduleExpression" not in rule["Properties"]
    pattern = json.loads(cfn.resolved_rule_pattern(SEED))
    equal(pattern["detail-type"], ["AWS API Call via CloudTrail"], "detail-type")


def rule_targets_the_function_with_retries_and_the_dead_letter_queue():
    targets = props("NotifierFunctionWatchRule")["Targets"]
    equal(len(targets), 1, "number of targets")
    target = targets[0]
    equal(target["Arn"], {"Fn::GetAtt": ["NotifierFunction", "Arn"]}, "target Arn")
    equal(target["DeadLetterConfig"], {"Arn": {"Fn::GetAtt": ["DeadLetterQueue", "Arn"]}}, "target DeadLetterConfig")
    retry = target["RetryPolicy"]
    assert 60 <= retry["MaximumEventAgeInSeconds"] <= 86400 and 0 <= retry["MaximumRetryAttempts"] <= 185, retry


def rule_may_invoke_the_function_and_nothing_else_may():
    permissions = cfn.resources_of_type(resolved(), "AWS::Lambda::Permission")
    # DigestSweepPermission (the noise-control schedule) is checked in check_noise.py.
    equal(sorted(permissions), ["DigestSweepPermission", "NotifierFunctionAccessRulePermission",
                                "NotifierFunctionTamperRulePermission", "NotifierFunctionWatchRulePermission"], "permissions")
    for rule in ("NotifierFunctionWatchRule", "NotifierFunctionTamperRule", "NotifierFunctionAccessRule"):
        permission = props(rule + "Permission")
        equal(permission["Action"], "lambda:InvokeFunction", "Action")
        equal(permission["Principal"], "events.amazonaws.com", "Principal")
        equal(permission["FunctionName"], {"Ref": "NotifierFunction"}, "FunctionName")
        equal(permission["SourceArn"], {"Fn::GetAtt": [rule, "Arn"]}, "SourceArn")


# --- least privilege ---

def role_publishes_only_to_this_topic_and_writes_only_its_own_logs():
    for parameters in ({}, {"KmsKeyArn": KMS_KEY}):
        template = resolved(parameters)
        role = template["Resources"]["NotifierFunctionRole"]["Properties"]
        assert "ManagedPolicyArns" not in role, role.get("ManagedPolicyArns")
        grants = {}
        for statement in role_statements(template):
            equal(statement["Effect"], "Allow", "Effect")
            assert "NotAction" not in statement and "NotResource" not in statement, statement
            for action in as_list(statement["Action"]):
                grants.setdefault(action, set()).update(as_list(statement["Resource"]))
        topic = TOPIC_ARN
        expected = {
            "sns:Publish": {topic},
            "logs:CreateLogStream": {cfn.fake_attribute("NotifierLogGroup", "Arn")},
            "logs:PutLogEvents": {cfn.fake_attribute("NotifierLogGroup", "Arn")},
            "sqs:SendMessage": {cfn.fake_attribute("DeadLetterQueue", "Arn")},
        }
        if parameters:
            expected |= {"kms:GenerateDataKey": {KMS_KEY}, "kms:Decrypt": {KMS_KEY}}
        # The state table's grants (noise control, on by default) are checked in check_noise.py.
        grants = {action: resources for action, resources in grants.items() if not action.startswith("dynamodb:")}
        equal(grants, expected, f"role grants with {parameters or 'no KMS key'}")


def role_can_be_assumed_only_by_lambda_in_this_account():
    statement, = props("NotifierFunctionRole")["AssumeRolePolicyDocument"]["Statement"]
    equal(statement["Principal"], {"Service": "lambda.amazonaws.com"}, "Principal")
    equal(statement["Action"], "sts:AssumeRole", "Action")


# --- nothing lost ---

def failed_invocations_are_retried_twice_then_kept_in_the_dead_letter_queue():
    config = props("NotifierFunctionEventInvokeConfig")
    equal(config["MaximumRetryAttempts"], 2, "MaximumRetryAttempts")
    assert 60 <= config["MaximumEventAgeInSeconds"] <= 21600, config["MaximumEventAgeInSeconds"]
    equal(config["DestinationConfig"]["OnFailure"]["Destination"], {"Fn::GetAtt": ["DeadLetterQueue", "Arn"]},
          "OnFailure destination")
    equal(config["FunctionName"], {"Ref": "NotifierFunction"}, "FunctionName")


def dead_letter_queue_accepts_events_only_from_the_rule():
    queue = props("DeadLetterQueue")
    equal(queue["MessageRetentionPeriod"], 1209600, "MessageRetentionPeriod")
    equal(queue.get("SqsManagedSseEnabled"), True, "SqsManagedSseEnabled")
    policy = props("DeadLetterQueuePolicy", resolved())
    equal(policy["Queues"], [QUEUE_URL], "Queues")
    allows = [s for s in policy["PolicyDocument"]["Statement"] if s["Effect"] == "Allow"]
    equal(len(allows), 1, "number of Allow statements")
    allow = allows[0]
    equal(allow["Principal"], {"Service": "events.amazonaws.com"}, "Principal")
    equal(allow["Action"], "sqs:SendMessage", "Action")
    equal(allow["Condition"], {"ArnEquals": {"aws:SourceArn": [cfn.fake_attribute("NotifierFunctionWatchRule", "Arn"),
                                                                 cfn.fake_attribute("NotifierFunctionTamperRule", "Arn"),
                                                                 cfn.fake_attribute("NotifierFunctionAccessRule", "Arn")]}},
          "Condition (single-account mode)")


# --- topic ---

def topic_has_an_email_subscription():
    subscription = props("NotificationSubscription")
    equal(subscription, {"TopicArn": {"Ref": "NotificationTopic"}, "Protocol": "email",
                         "Endpoint": {"Ref": "NotificationEmail"}}, "subscription")


def topic_is_encrypted_only_when_a_key_is_given():
    plain = resolved()["Resources"]["NotificationTopic"]["Properties"]
    assert "KmsMasterKeyId" not in plain, plain
    encrypted = resolved({"KmsKeyArn": KMS_KEY})["Resources"]["NotificationTopic"]["Properties"]
    equal(encrypted["KmsMasterKeyId"], KMS_KEY, "KmsMasterKeyId")


def outputs_name_the_topic_function_rule_and_queue():
    outputs = {name: value["Value"] for name, value in TEMPLATE["Outputs"].items()}
    for expected in ({"Ref": "NotificationTopic"}, {"Ref": "NotifierFunction"}, {"Ref": "NotifierFunctionWatchRule"},
                     {"Ref": "DeadLetterQueue"}):
        assert expected in outputs.values(), f"no output with {expected}; outputs: {outputs}"


# --- parameters ---

def parameters_serve_the_seed_and_later_users():
    parameters = cfn.load_template()["Parameters"]
    for name in ("WatchedSecrets", "SecretEventNames", "DecoySecrets", "WatchedEventSources", "WatchedEventNames",
                 "ExcludedPrincipalArns", "ExcludedRoleArns", "ExcludedUserArns", "ExcludedSourceIdentities",
                 "TopicAdministratorArns"):
        equal(parameters[name]["Type"], "CommaDelimitedList", f"{name} type")
    equal(parameters["NotificationLanguage"]["AllowedValues"], ["en", "ja"], "NotificationLanguage values")
    for name in ("NotificationEmail", "NotificationTimeZone", "CustomEventPattern", "KmsKeyArn"):
        equal(parameters[name]["Type"], "String", f"{name} type")


def parameter_patterns_reject_values_that_would_break_the_rules_json():
    parameters = cfn.load_template()["Parameters"]

    def allowed(name, value):
        definition = parameters[name]
        values = value.split(",") if definition["Type"] == "CommaDelimitedList" else [value]
        return all(re.fullmatch(definition["AllowedPattern"], item) for item in values)

    good = {
        "WatchedSecrets": ["sample/secret", "prod/db,prod/api-key", "a_b+c=d.e@f-g", ""],
        "DecoySecrets": ["honeypot/db-admin", "honeypot/a,honeypot/b", ""],
        "ExcludedPrincipalArns": ["arn:aws:iam::111111111111:role/app",
                                  "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_x",
                                  "arn:aws:iam::111111111111:user/ci,arn:aws:sts::111111111111:assumed-role/r/s", ""],
        "ExcludedRoleArns": ["arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:role/path/to/app", ""],
        "ExcludedUserArns": ["arn:aws:iam::111111111111:user/ci", "arn:aws:iam::111111111111:root", ""],
        "ExcludedSourceIdentities": ["ci-deployer", "alice@example.com", ""],
        "TopicAdministratorArns": ["arn:aws:iam::111111111111:role/cfn-deployer", ""],
        "WatchedEventSources": ["ssm.amazonaws.com,kms.amazonaws.com", "sso-oauth.amazonaws.com", ""],
        "WatchedEventNames": ["GetParameter,Decrypt", ""],
        "NotificationEmail": ["security@example.com", "a.b+alerts@mail.example.co.jp"],
        "NotificationTimeZone": ["Asia/Tokyo", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+9"],
        "KmsKeyArn": [KMS_KEY, ""],
    }
    bad = {
        "WatchedSecrets": ['prod/db"]}', "prod/db, prod/api", "arn:aws:secretsmanager:us-east-1:1:secret:x", "a\\b"],
        "DecoySecrets": ['honeypot"]}', "honeypot/a, honeypot/b", "arn:aws:secretsmanager:us-east-1:1:secret:x"],
        "ExcludedPrincipalArns": ['arn:aws:iam::111111111111:role/x"', "role/app", "arn:aws:iam::1:role/x"],
        "ExcludedRoleArns": ["arn:aws:iam::111111111111:user/ci", "arn:aws:sts::111111111111:assumed-role/r/s",
                             'arn:aws:iam::111111111111:role/x"'],
        "ExcludedUserArns": ["arn:aws:iam::111111111111:role/app", "arn:aws:iam::111111111111:user/x\"", "root"],
        "ExcludedSourceIdentities": ['ci"', "a b", "x" * 65],
        "TopicAdministratorArns": ["arn:aws:sts::111111111111:assumed-role/r/s", "*"],
        "WatchedEventSources": ['ssm.amazonaws.com"', "aws.ssm", "ssm"],
        "WatchedEventNames": ["Get*", 'GetParameter"'],
        "NotificationEmail": ["", "not-an-address", "a@b.c,d@e.f"],
        "NotificationTimeZone": ['Asia/Tokyo"', ""],
        "KmsKeyArn": ["alias/my-key", "arn:aws:kms:us-east-1:111111111111:alias/my-key"],
    }
    for name, values in good.items():
        for value in values:
            assert allowed(name, value), f"{name}={value!r} should be allowed"
    for name, values in bad.items():
        for value in values:
            assert not allowed(name, value), f"{name}={value!r} should be refused"


def deployment_refuses_a_stack_that_watches_nothing():
    def violations(**parameters):
        values = dict({"NotificationEmail": "security@example.com"}, **parameters)
        return cfn.Resolver(cfn.transformed_template(values), values).rule_violations()

    assert violations(), "watching nothing must be refused"
    assert not violations(WatchedSecrets="sample/secret")
    assert not violations(WatchedEventSources="ssm.amazonaws.com")
    assert not violations(DecoySecrets="honeypot/db-admin")
    assert not violations(CustomEventPattern='{"source":["aws.kms"]}')


# --- samconfig.toml and the local-invoke environment file ---

def samconfig_deploys_the_seed_case():
    text = (cfn.REPO_ROOT / "samconfig.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    equal(config["version"], 0.1, "version")
    deploy = config["default"]["deploy"]["parameters"]
    for key in ("stack_name", "resolve_s3", "capabilities", "confirm_changeset"):
        assert key in deploy, f"samconfig.toml [default.deploy.parameters] lacks {key}"
    equal(deploy["resolve_s3"], True, "resolve_s3")
    assert "CAPABILITY_IAM" in deploy["capabilities"], deploy["capabilities"]
    assert "parameter_overrides" not in deploy, "the seed's overrides are meant to stay commented"
    commented = [line for line in text.splitlines() if re.match(r"^#\s*parameter_overrides\s*=", line)]
    equal(len(commented), 1, "commented parameter_overrides lines")
    overrides = tomllib.loads(commented[0].lstrip("# "))["parameter_overrides"]
    values = dict(item.split("=", 1) for item in overrides.split())
    equal(values.get("NotificationLanguage"), "ja", "NotificationLanguage")
    equal(values.get("NotificationTimeZone"), "Asia/Tokyo", "NotificationTimeZone")
    equal(len(values.get("WatchedSecrets", "").split(",")), 1, "one secret")
    assert "@" in values.get("NotificationEmail", ""), values
    pattern = json.loads(cfn.resolved_rule_pattern(values))
    assert pattern["detail"]["requestParameters"], pattern


def samconfig_builds_in_source_and_syncs_the_same_stack():
    config = tomllib.loads((cfn.REPO_ROOT / "samconfig.toml").read_text(encoding="utf-8"))["default"]
    equal(config["build"]["parameters"].get("build_in_source"), True, "build_in_source")
    sync = config["sync"]["parameters"]
    deploy = config["deploy"]["parameters"]
    for key in ("stack_name", "resolve_s3", "s3_prefix"):
        equal(sync.get(key), deploy[key], f"[default.sync.parameters] {key}")


def dry_run_environment_file_names_the_function_and_its_variables():
    env = json.loads((cfn.REPO_ROOT / "env.dry-run.json").read_text(encoding="utf-8"))
    equal(list(env), ["NotifierFunction"], "functions in env file")
    variables = env["NotifierFunction"]
    equal(variables.get("DRY_RUN"), "true", "DRY_RUN")
    declared = set(props("NotifierFunction")["Environment"]["Variables"])
    assert set(variables) <= declared, f"sam local only overrides declared variables; extra: {set(variables) - declared}"


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name not in {
                "main", "resolved", "props", "equal", "as_list", "role_statements"}:
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
