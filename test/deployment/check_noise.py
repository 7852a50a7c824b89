"""Checks noise control in the transformed template: the state table (on-demand, TTL, encryption, optional
point-in-time recovery, the sparse due index), the sweep schedule and its permission, the function's grants on the
table (only this table, only the calls the code makes), the fail-open alarm, parameters, outputs, and that
NoiseControl=Disabled leaves the stateless stack of before.

Run: python3 test/deployment/check_noise.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import logging
import re
from pathlib import Path

import cfn_support as cfn
from check_template import SEED, as_list, equal, resolved, role_statements

logging.getLogger("samtranslator").setLevel(logging.ERROR)

TABLE = "cloudtrail-notifier-StateTable-A1B2C3D4E5F6"
TABLE_ARN = cfn.fake_attribute("StateTable", "Arn")
NOISE_RESOURCES = {"StateTable", "DigestSweepRule", "DigestSweepPermission"}
STORE = Path(__file__).resolve().parents[2] / "src" / "CloudTrailNotifier" / "State"


def table_is_on_demand_with_ttl_encryption_and_optional_recovery():
    table = resolved()["Resources"]["StateTable"]
    equal(table["Type"], "AWS::DynamoDB::Table", "type")
    p = table["Properties"]
    equal(p["BillingMode"], "PAY_PER_REQUEST", "BillingMode")
    equal(p["KeySchema"], [{"AttributeName": "pk", "KeyType": "HASH"}], "KeySchema")
    equal(p["TimeToLiveSpecification"], {"AttributeName": "expiresAt", "Enabled": True}, "TTL")
    equal(p["SSESpecification"], {"SSEEnabled": True}, "SSE")
    equal(p["PointInTimeRecoverySpecification"], {"PointInTimeRecoveryEnabled": False}, "PITR by default")
    on = resolved({"StatePointInTimeRecovery": "Enabled"})["Resources"]["StateTable"]["Properties"]
    equal(on["PointInTimeRecoverySpecification"], {"PointInTimeRecoveryEnabled": True}, "PITR when asked")
    index, = p["GlobalSecondaryIndexes"]
    equal(index["IndexName"], "due", "index name")
    equal(index["Projection"], {"ProjectionType": "KEYS_ONLY"}, "index projection")


def sweep_runs_every_minute_and_only_it_may_invoke_through_its_permission():
    resources = resolved()["Resources"]
    rule = resources["DigestSweepRule"]["Properties"]
    equal(rule["ScheduleExpression"], "rate(1 minute)", "ScheduleExpression")
    equal(rule["State"], "ENABLED", "State")
    target, = rule["Targets"]
    equal(target["Arn"], cfn.fake_attribute("NotifierFunction", "Arn"), "target")
    permission = resources["DigestSweepPermission"]["Properties"]
    equal(permission["Principal"], "events.amazonaws.com", "Principal")
    equal(permission["Action"], "lambda:InvokeFunction", "Action")
    equal(permission["SourceArn"], cfn.fake_attribute("DigestSweepRule", "Arn"), "SourceArn")


def role_uses_only_this_table_and_only_the_calls_the_code_makes():
    grants = {}
    for statement in role_statements(resolved()):
        for action in as_list(statement["Action"]):
            if action.startswith("dynamodb:"):
                grants.setdefault(action, set()).update(as_list(statement["Resource"]))
    equal(grants, {
        "dynamodb:GetItem": {TABLE_ARN}, "dynamodb:PutItem": {TABLE_ARN}, "dynamodb:UpdateItem": {TABLE_ARN},
        "dynamodb:DeleteItem": {TABLE_ARN}, "dynamodb:Query": {TABLE_ARN + "/index/due"},
    }, "dynamodb grants")
    used = set()
    for source in STORE.glob("*.cs"):
        used |= set(re.findall(r'CallAsync\("([A-Za-z]+)"', source.read_text()))
    equal({"dynamodb:" + name for name in used}, set(grants), "operations the code calls")


def function_reads_the_table_window_and_rate_guard():
    variables = resolved({"DigestWindowSeconds": "60", "RateGuardPerMinute": "12"})[
        "Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]
    equal((variables["STATE_TABLE_NAME"], variables["DIGEST_WINDOW_SECONDS"], variables["RATE_GUARD_PER_MINUTE"]),
          (TABLE, "60", "12"), "noise variables")


def fail_open_raises_an_alarm_on_the_operations_topic():
    alarm = resolved()["Resources"]["StateStoreSkippedAlarm"]["Properties"]
    equal((alarm["Namespace"], alarm["MetricName"], alarm["Statistic"]), ("CloudTrailNotifier", "StateStoreSkipped", "Sum"),
          "metric")
    equal((alarm["Threshold"], alarm["ComparisonOperator"]), (0, "GreaterThanThreshold"), "threshold")
    equal(alarm["AlarmName"], "cloudtrail-notifier-alarm-state-store-skipped", "AlarmName")


def parameters_have_their_defaults_and_limits():
    parameters = cfn.load_template()["Parameters"]
    equal((parameters["NoiseControl"]["Default"], parameters["NoiseControl"]["AllowedValues"]),
          ("Enabled", ["Enabled", "Disabled"]), "NoiseControl")
    window = parameters["DigestWindowSeconds"]
    equal((window["Default"], window["MinValue"], window["MaxValue"]), (900, 1, 86400), "DigestWindowSeconds")
    rate = parameters["RateGuardPerMinute"]
    equal((rate["Default"], rate["MinValue"]), (30, 1), "RateGuardPerMinute")
    equal(parameters["StatePointInTimeRecovery"]["Default"], "Disabled", "StatePointInTimeRecovery")


def outputs_name_the_table_and_the_sweep_rule():
    outputs = cfn.transformed_template(SEED)["Outputs"]
    equal(outputs["StateTableName"], {"Condition": "NoiseControlOn", "Description": outputs["StateTableName"]["Description"],
                                      "Value": {"Ref": "StateTable"}}, "StateTableName")
    equal(outputs["DigestSweepRuleName"]["Value"], {"Ref": "DigestSweepRule"}, "DigestSweepRuleName")
    equal(outputs["DigestSweepRuleName"]["Condition"], "NoiseControlOn", "DigestSweepRuleName condition")
    equal(resolved()["Resources"]["DigestSweepRule"]["Properties"]["Name"], "cloudtrail-notifier-sweep", "rule Name")


def disabled_is_the_stateless_stack():
    off = resolved({"NoiseControl": "Disabled"})
    assert not NOISE_RESOURCES & set(off["Resources"]), NOISE_RESOURCES & set(off["Resources"])
    equal(off["Resources"]["NotifierFunction"]["Properties"]["Environment"]["Variables"]["STATE_TABLE_NAME"], "",
          "STATE_TABLE_NAME when disabled")
    for statement in role_statements(off):
        assert not any(a.startswith("dynamodb:") for a in as_list(statement["Action"])), statement


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name != "main":
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
