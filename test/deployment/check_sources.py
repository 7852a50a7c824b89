"""Checks that every rule pattern the stacks deploy (template.yaml in single-account, key, chat and central mode, and
forwarder.yaml) takes only events AWS itself sent: `source` starting with `aws.`, which PutEvents refuses to anyone
else. A CloudTrail-shaped event with any other source (a forgery through events:PutEvents) matches none of them.

Run: python3 test/deployment/check_sources.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import copy
import json
import logging

import cfn_support as cfn
from moto.events.models import EventPattern
from samtranslator.yaml_helper import yaml_parse

logging.getLogger("samtranslator").setLevel(logging.ERROR)

SEED = {"NotificationEmail": "security@example.com", "WatchedSecrets": "sample/secret"}
KEY = "arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"
MODES = {
    "single account": SEED,
    "with a key": dict(SEED, KmsKeyArn=KEY),
    "chat": dict(SEED, ChatTopic="Create"),
    "central": dict(SEED, OrganizationId="o-a1b2c3d4e5"),
}
FORWARDER = yaml_parse((cfn.REPO_ROOT / "forwarder.yaml").read_text(encoding="utf-8"))
AWS_ONLY = [{"prefix": "aws."}]

# One real event each rule delivers (file in events/, the rule's logical id, mode).
DELIVERED = [
    ("secretsmanager-get-secret-value", "NotifierFunctionWatchRule", "single account"),
    ("cloudtrail-stop-logging", "NotifierFunctionTamperRule", "single account"),
    ("iam-put-role-policy-deny-function-role", "NotifierFunctionAccessRule", "single account"),
    ("kms-disable-key-topic-key", "NotifierFunctionAccessRule", "with a key"),
    ("cloudtrail-stop-logging", "CentralTrailTamperRule", "central"),
]


def sample(name):
    return json.loads((cfn.REPO_ROOT / "events" / f"{name}.json").read_text(encoding="utf-8"))


def deployed_patterns():
    """(where, pattern text) for every rule with an event pattern, in every mode, and the forwarder's rules."""
    for mode, parameters in MODES.items():
        template = cfn.transformed_template(parameters)
        resolver = cfn.Resolver(template, parameters)
        for logical_id, rule in cfn.resources_of_type(template, "AWS::Events::Rule").items():
            if "Condition" in rule and not resolver.condition(rule["Condition"]):
                continue
            if "EventPattern" in rule["Properties"]:
                yield f"{mode}: {logical_id}", cfn.resolved_rule_pattern(parameters, logical_id)
    resolver = cfn.Resolver(FORWARDER, {k: v for k, v in SEED.items() if k != "NotificationEmail"}
                            | {"CentralEventBusArn": "arn:aws:events:us-east-1:999999999999:event-bus/central"})
    for logical_id, rule in cfn.resources_of_type(FORWARDER, "AWS::Events::Rule").items():
        pattern = resolver.resolve(rule["Properties"]["EventPattern"])
        yield f"forwarder: {logical_id}", pattern if isinstance(pattern, str) else json.dumps(pattern)


def every_deployed_pattern_takes_only_sources_aws_reserves():
    seen = 0
    for where, text in deployed_patterns():
        assert json.loads(text).get("source") == AWS_ONLY, f"{where}: source is {json.loads(text).get('source')}"
        seen += 1
    print(f"     {seen} rule patterns, each with source prefix aws.")
    assert seen >= 12, seen


def a_forged_source_matches_no_rule_and_the_real_event_still_does():
    for name, logical_id, mode in DELIVERED:
        pattern = EventPattern.load(cfn.resolved_rule_pattern(MODES[mode], logical_id))
        event = sample(name)
        assert pattern.matches_event(event), f"{logical_id} ({mode}) must deliver events/{name}.json"
        for forged_source in ("com.example.orders", "aws", "awsx.iam", "AWS.iam", "custom"):
            forged = copy.deepcopy(event)
            forged["source"] = forged_source
            assert not pattern.matches_event(forged), f"{logical_id} ({mode}) delivers source {forged_source}"
        missing = copy.deepcopy(event)
        del missing["source"]
        assert not pattern.matches_event(missing), f"{logical_id} ({mode}) delivers an event without a source"


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name not in {"main", "sample", "deployed_patterns"}:
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
