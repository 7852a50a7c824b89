"""Writes the event patterns of template.yaml's rules, resolved as CloudFormation would for the parameter values
below, to events/patterns/*.json (for `render --match`); with --check, only says whether the files are current.

Run: python3 test/deployment/export_patterns.py [--check]   (exit 1 when --check finds a file missing or different)
"""

import json
import logging
import sys

import cfn_support as cfn

logging.getLogger("samtranslator").setLevel(logging.ERROR)

OUTPUT = cfn.REPO_ROOT / "events" / "patterns"
EMAIL = {"NotificationEmail": "security@example.com"}

# file name -> (rule's logical id in the transformed template, parameter values)
PATTERNS = {
    "watch-secret.json": ("NotifierFunctionWatchRule", {**EMAIL, "WatchedSecrets": "prod/db"}),
    "watch-all-options.json": ("NotifierFunctionWatchRule", {
        **EMAIL,
        "WatchedSecrets": "prod/db,prod/api-key",
        "SecretEventNames": "GetSecretValue,BatchGetSecretValue",
        "DecoySecrets": "honeypot/db-admin",
        "WatchedEventSources": "ssm.amazonaws.com,kms.amazonaws.com",
        "WatchedEventNames": "GetParameter,GetParameters,Decrypt",
        "ExcludedRoleArns": "arn:aws:iam::111111111111:role/ci-deployer",
        "ExcludedUserArns": "arn:aws:iam::111111111111:user/break-glass",
        "ExcludedSourceIdentities": "nightly-backup",
    }),
    "tamper.json": ("NotifierFunctionTamperRule", {**EMAIL, "WatchedSecrets": "prod/db"}),
    "tamper-access.json": ("NotifierFunctionAccessRule", {
        **EMAIL, "WatchedSecrets": "prod/db",
        "KmsKeyArn": "arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"}),
    "central-tamper.json": ("CentralTrailTamperRule", {**EMAIL, "WatchedSecrets": "prod/db", "OrganizationId": "o-a1b2c3d4e5"}),
}


def rendered(rule_id, parameters):
    pattern = json.loads(cfn.resolved_rule_pattern(parameters, rule_id))
    return json.dumps(pattern, indent=2, ensure_ascii=False) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name, (rule_id, parameters) in PATTERNS.items():
        path = OUTPUT / name
        text = rendered(rule_id, parameters)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if check:
            stale.append(name)
        else:
            OUTPUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote events/patterns/{name}")
    if stale:
        print("stale (run python3 test/deployment/export_patterns.py): " + ", ".join(stale))
        sys.exit(1)
    if check:
        print(f"events/patterns: all {len(PATTERNS)} patterns are the template's")


if __name__ == "__main__":
    main()
