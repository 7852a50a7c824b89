"""Checks the rule's event pattern, with parameters resolved as CloudFormation would, against real-shaped
CloudTrail events using moto's EventBridge pattern engine (moto.events.models.EventPattern).

Run: python3 test/deployment/check_event_pattern.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import copy
import json
import logging

import cfn_support as cfn
from moto.events.models import EventPattern

logging.getLogger("samtranslator").setLevel(logging.ERROR)

EMAIL = "security@example.com"
SEED_SECRET = "sample/secret"
SEED_ROLE = "arn:aws:iam::111111111111:role/cm-kawahara.masahiro"
SEED_ARN_PREFIX = "arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:"
FUNCTION_ROLE = cfn.fake_attribute("NotifierFunctionRole", "Arn")
PATTERN_SIZE_LIMIT = 2048

_patterns = {}


def pattern_for(**parameters):
    parameters.setdefault("NotificationEmail", EMAIL)
    key = json.dumps(parameters, sort_keys=True)
    if key not in _patterns:
        _patterns[key] = cfn.resolved_rule_pattern(parameters)
    return _patterns[key]


def matches(event, **parameters):
    return EventPattern.load(pattern_for(**parameters)).matches_event(event)


def expect(event, expected, **parameters):
    actual = matches(event, **parameters)
    if actual != expected:
        detail = event["detail"]
        raise AssertionError(
            f"expected {'a match' if expected else 'no match'} for {detail.get('eventName')} "
            f"{json.dumps(detail.get('requestParameters'))} by {detail['userIdentity'].get('arn')} "
            f"with {parameters}; pattern was {pattern_for(**parameters)}"
        )


def seed():
    return cfn.load_fixture("seed-get-secret-value.json")


def changed(event, **detail_changes):
    """A copy of event with detail fields replaced (a value of None removes the field)."""
    result = copy.deepcopy(event)
    for name, value in detail_changes.items():
        if value is None:
            result["detail"].pop(name, None)
        else:
            result["detail"][name] = value
    return result


def with_secret_id(secret_id, event_name="GetSecretValue"):
    return changed(seed(), eventName=event_name, requestParameters={"secretId": secret_id})


def with_caller(role_arn, session_name):
    event = seed()
    identity = event["detail"]["userIdentity"]
    role_name = role_arn.rsplit("/", 1)[1]
    identity["arn"] = f"arn:aws:sts::111111111111:assumed-role/{role_name}/{session_name}"
    identity["principalId"] = f"AROAEXAMPLE:{session_name}"
    identity["sessionContext"]["sessionIssuer"]["arn"] = role_arn
    identity["sessionContext"]["sessionIssuer"]["userName"] = role_name
    return event


def iam_user_caller(user_name):
    return changed(seed(), userIdentity={
        "type": "IAMUser", "principalId": "AIDAEXAMPLE", "accountId": "111111111111",
        "arn": f"arn:aws:iam::111111111111:user/{user_name}", "accessKeyId": "AKIAEXAMPLE", "userName": user_name})


def stratus_events():
    lines = (cfn.FIXTURES / "stratus-secrets.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def ssm_events():
    lines = (cfn.FIXTURES / "ssm-calls.jsonl").read_text(encoding="utf-8").splitlines()
    return {event["detail"]["eventName"]: event for event in map(json.loads, filter(str.strip, lines))}


# --- secrets: every form a caller may pass ---

def seed_event_with_full_arn_matches():
    expect(seed(), True, WatchedSecrets=SEED_SECRET)


def secret_named_by_name_matches():
    expect(with_secret_id(SEED_SECRET), True, WatchedSecrets=SEED_SECRET)


def secret_named_by_partial_arn_matches():
    expect(with_secret_id(SEED_ARN_PREFIX + SEED_SECRET), True, WatchedSecrets=SEED_SECRET)


def secret_in_a_list_of_watched_secrets_matches():
    for watched in ("prod/db," + SEED_SECRET, SEED_SECRET + ",prod/db", "a,b,c," + SEED_SECRET):
        expect(seed(), True, WatchedSecrets=watched)
        expect(with_secret_id(SEED_SECRET), True, WatchedSecrets=watched)


def batch_get_secret_value_naming_the_secret_matches():
    event = changed(seed(), eventName="BatchGetSecretValue",
                    requestParameters={"secretIdList": ["prod/other", SEED_ARN_PREFIX + "sample/secret-wPvfcr"]})
    expect(event, True, WatchedSecrets=SEED_SECRET)
    by_name = changed(event, requestParameters={"secretIdList": [SEED_SECRET]})
    expect(by_name, True, WatchedSecrets=SEED_SECRET)


def batch_get_secret_value_without_the_secret_is_rejected():
    event = changed(seed(), eventName="BatchGetSecretValue",
                    requestParameters={"secretIdList": ["prod/other", SEED_ARN_PREFIX + "prod/db-AbCdEf"]})
    expect(event, False, WatchedSecrets=SEED_SECRET)


def other_read_calls_on_the_secret_match():
    for name in ("DescribeSecret", "GetResourcePolicy", "ListSecretVersionIds"):
        expect(with_secret_id(SEED_SECRET, name), True, WatchedSecrets=SEED_SECRET)


def secret_event_names_narrow_the_calls():
    names = "GetSecretValue,BatchGetSecretValue"
    expect(seed(), True, WatchedSecrets=SEED_SECRET, SecretEventNames=names)
    expect(with_secret_id(SEED_SECRET, "DescribeSecret"), False, WatchedSecrets=SEED_SECRET, SecretEventNames=names)


# --- secrets: what must not notify ---

def another_secret_is_rejected():
    for secret_id in ("sample/other", SEED_ARN_PREFIX + "sample/other", SEED_ARN_PREFIX + "sample/other-AbCdEf"):
        expect(with_secret_id(secret_id), False, WatchedSecrets=SEED_SECRET)


def a_name_that_only_starts_like_the_secret_is_rejected():
    for secret_id in ("sample/secret2", "sample/secrets", SEED_ARN_PREFIX + "sample/secret2",
                      SEED_ARN_PREFIX + "sample/secret2-AbCdEf", "xsample/secret", "other/sample/secret",
                      SEED_ARN_PREFIX + "other/sample/secret", SEED_ARN_PREFIX + "other/sample/secret-AbCdEf"):
        expect(with_secret_id(secret_id), False, WatchedSecrets=SEED_SECRET)


def a_name_extending_the_secret_with_a_hyphen_also_matches_as_documented():
    # EventBridge has no "exactly six characters" operator, so NAME-* also covers a secret named
    # NAME-something: a documented false positive, never a missed read.
    expect(with_secret_id(SEED_ARN_PREFIX + "sample/secret-old-AbCdEf"), True, WatchedSecrets=SEED_SECRET)


def write_calls_on_the_secret_are_rejected():
    for name in ("PutSecretValue", "UpdateSecret", "DeleteSecret", "RotateSecret"):
        event = changed(with_secret_id(SEED_SECRET, name), readOnly=False)
        expect(event, False, WatchedSecrets=SEED_SECRET)
    policy = cfn.load_fixture("put-resource-policy.json")
    expect(policy, False, WatchedSecrets="paloma/example-secret")


def other_detail_types_are_rejected():
    for detail_type in ("AWS Service Event via CloudTrail", "AWS Console Action via CloudTrail"):
        event = seed()
        event["detail-type"] = detail_type
        expect(event, False, WatchedSecrets=SEED_SECRET)


def corpus_reads_match_only_the_watched_secret():
    events = stratus_events()
    reads = [e for e in events if e["detail"]["eventName"] == "GetSecretValue"]
    assert len(reads) == 20, f"fixture should hold 20 GetSecretValue events, has {len(reads)}"
    hits = [e["detail"]["requestParameters"]["secretId"] for e in reads
            if matches(e, WatchedSecrets="stratus-red-team-retrieve-secret-1")]
    assert len(hits) == 1 and hits[0].endswith(":secret:stratus-red-team-retrieve-secret-1-fXrpF0"), hits
    listing = [e for e in events if e["detail"]["eventName"] == "ListSecrets"]
    assert listing and not matches(listing[0], WatchedSecrets="stratus-red-team-retrieve-secret-1")
    watched = ",".join(f"stratus-red-team-retrieve-secret-{n}" for n in range(20))
    assert all(matches(e, WatchedSecrets=watched) for e in reads), "watching all 20 must match all 20 reads"


# --- decoys ---

DECOY = "honeypot/db-admin"


def a_decoy_matches_in_every_form_even_when_not_watched():
    full = SEED_ARN_PREFIX + DECOY + "-Ab12Cd"
    for secret_id in (DECOY, SEED_ARN_PREFIX + DECOY, full):
        expect(with_secret_id(secret_id), True, DecoySecrets=DECOY)
        expect(with_secret_id(secret_id), True, WatchedSecrets=SEED_SECRET, DecoySecrets=DECOY)
    batch = changed(seed(), eventName="BatchGetSecretValue", requestParameters={"secretIdList": ["prod/a", full]})
    expect(batch, True, DecoySecrets=DECOY)


def a_decoy_matches_any_call_whatever_secret_event_names_say():
    for name in ("DescribeSecret", "PutSecretValue", "DeleteSecret"):
        event = changed(with_secret_id(DECOY, name), readOnly=name == "DescribeSecret")
        expect(event, True, WatchedSecrets=SEED_SECRET, SecretEventNames="GetSecretValue", DecoySecrets=DECOY)


def decoys_do_not_widen_what_else_matches():
    for secret_id in ("honeypot/db-admin-old", "prod/honeypot/db-admin", SEED_ARN_PREFIX + "honeypot/db"):
        expect(with_secret_id(secret_id), False, DecoySecrets=DECOY)
    expect(seed(), False, DecoySecrets=DECOY)
    expect(seed(), True, WatchedSecrets=SEED_SECRET, DecoySecrets=DECOY)
    ssm = ssm_events()["GetParameter"]
    expect(ssm, True, WatchedEventSources="ssm.amazonaws.com", DecoySecrets=DECOY)
    expect(ssm, True, WatchedSecrets=SEED_SECRET, WatchedEventSources="ssm.amazonaws.com", DecoySecrets=DECOY)
    expect(with_secret_id(DECOY), True, WatchedSecrets=SEED_SECRET, WatchedEventSources="ssm.amazonaws.com",
           DecoySecrets=DECOY)
    expect(with_secret_id(DECOY), True, WatchedEventSources="ssm.amazonaws.com", DecoySecrets=DECOY)


def pattern_with_decoys_is_valid_json_and_its_size_is_known():
    size = len(pattern_for(WatchedSecrets=SEED_SECRET, DecoySecrets=DECOY))
    print(f"     seed case plus one decoy of {len(DECOY)} characters: {size} characters")
    assert size < PATTERN_SIZE_LIMIT, size
    json.loads(pattern_for(DecoySecrets=DECOY + ",honeypot/api", WatchedEventSources="ssm.amazonaws.com"))


# --- callers ---

def every_kind_of_caller_is_reported_by_default():
    root = changed(seed(), userIdentity={"type": "Root", "principalId": "111111111111", "accountId": "111111111111",
                                         "arn": "arn:aws:iam::111111111111:root"})
    identity_center = changed(seed(), userIdentity={
        "type": "IdentityCenterUser", "accountId": "111111111111",
        "onBehalfOf": {"userId": "9067a4d2-0000", "identityStoreArn": "arn:aws:identitystore::111111111111:identitystore/d-1"}})
    for event in (seed(), iam_user_caller("ci"), root, identity_center,
                  cfn.load_fixture("sso-get-secret-value.json")):
        for extra in ({}, {"ExcludedPrincipalArns": "arn:aws:iam::111111111111:role/app"}):
            expect(event, True, WatchedSecrets=SEED_SECRET + ",stratus-red-team-retrieve-secret-3", **extra)


def an_excluded_role_is_rejected_whatever_its_session_name():
    for session in ("cm-kawahara.masahiro", "i-0123456789abcdef0", "botocore-session-1700000000"):
        expect(with_caller(SEED_ROLE, session), False, WatchedSecrets=SEED_SECRET, ExcludedPrincipalArns=SEED_ROLE)
        expect(with_caller(SEED_ROLE, session), False, WatchedSecrets=SEED_SECRET,
               ExcludedPrincipalArns="arn:aws:iam::111111111111:role/app," + SEED_ROLE)
    other_role = "arn:aws:iam::111111111111:role/someone-else"
    expect(with_caller(other_role, "cm-kawahara.masahiro"), True, WatchedSecrets=SEED_SECRET,
           ExcludedPrincipalArns=SEED_ROLE)


def a_role_with_a_path_is_excluded_by_its_full_arn():
    event = cfn.load_fixture("sso-get-secret-value.json")
    role = event["detail"]["userIdentity"]["sessionContext"]["sessionIssuer"]["arn"]
    expect(event, False, WatchedSecrets="stratus-red-team-retrieve-secret-3", ExcludedPrincipalArns=role)


def an_excluded_iam_user_is_rejected_and_other_users_are_not():
    expect(iam_user_caller("ci"), False, WatchedSecrets=SEED_SECRET,
           ExcludedPrincipalArns="arn:aws:iam::111111111111:user/ci")
    expect(iam_user_caller("alice"), True, WatchedSecrets=SEED_SECRET,
           ExcludedPrincipalArns="arn:aws:iam::111111111111:user/ci")


def root_is_reported_unless_listed():
    root = changed(seed(), userIdentity={"type": "Root", "principalId": "111111111111", "accountId": "111111111111",
                                         "arn": "arn:aws:iam::111111111111:root"})
    expect(root, True, WatchedSecrets=SEED_SECRET, ExcludedPrincipalArns=SEED_ROLE)
    expect(root, False, WatchedSecrets=SEED_SECRET, ExcludedPrincipalArns="arn:aws:iam::111111111111:root")


def one_excluded_session_leaves_the_roles_other_sessions_reported():
    session_arn = "arn:aws:sts::111111111111:assumed-role/cm-kawahara.masahiro/batch-job"
    expect(with_caller(SEED_ROLE, "batch-job"), False, WatchedSecrets=SEED_SECRET, ExcludedPrincipalArns=session_arn)
    expect(with_caller(SEED_ROLE, "cm-kawahara.masahiro"), True, WatchedSecrets=SEED_SECRET,
           ExcludedPrincipalArns=session_arn)


def the_functions_own_role_is_always_rejected():
    expect(with_caller(FUNCTION_ROLE, "cloudtrail-notifier-NotifierFunction"), False, WatchedSecrets=SEED_SECRET)
    expect(with_caller(FUNCTION_ROLE, "any"), False, WatchedSecrets=SEED_SECRET,
           WatchedEventSources="secretsmanager.amazonaws.com")


# --- other services and custom patterns ---

def watched_sources_report_their_read_only_calls():
    calls = ssm_events()
    for name in ("GetParameter", "GetParameters", "DescribeParameters"):
        expect(calls[name], True, WatchedEventSources="ssm.amazonaws.com")
    expect(calls["SendCommand"], False, WatchedEventSources="ssm.amazonaws.com")
    expect(cfn.load_fixture("kms-decrypt.json"), False, WatchedEventSources="ssm.amazonaws.com")
    expect(seed(), False, WatchedEventSources="ssm.amazonaws.com")


def watched_event_names_narrow_the_calls():
    calls = ssm_events()
    params = {"WatchedEventSources": "ssm.amazonaws.com,kms.amazonaws.com", "WatchedEventNames": "GetParameter,Decrypt"}
    expect(calls["GetParameter"], True, **params)
    expect(cfn.load_fixture("kms-decrypt.json"), True, **params)
    expect(calls["GetParameters"], False, **params)


def secrets_and_services_are_watched_together():
    params = {"WatchedSecrets": SEED_SECRET, "WatchedEventSources": "ssm.amazonaws.com"}
    calls = ssm_events()
    expect(seed(), True, **params)
    expect(calls["GetParameters"], True, **params)
    expect(with_secret_id("sample/other"), False, **params)
    expect(calls["SendCommand"], False, **params)
    expect(with_caller(SEED_ROLE, "x"), False, ExcludedPrincipalArns=SEED_ROLE, **params)
    ssm_role = calls["GetParameter"]["detail"]["userIdentity"]["sessionContext"]["sessionIssuer"]["arn"]
    expect(calls["GetParameter"], False, ExcludedPrincipalArns=ssm_role, **params)


def a_custom_pattern_replaces_the_built_in_one():
    custom = '{"source":["aws.kms"],"detail":{"eventName":["Decrypt"]}}'
    assert pattern_for(WatchedSecrets=SEED_SECRET, CustomEventPattern=custom) == custom
    expect(cfn.load_fixture("kms-decrypt.json"), True, WatchedSecrets=SEED_SECRET, CustomEventPattern=custom)
    expect(seed(), False, WatchedSecrets=SEED_SECRET, CustomEventPattern=custom)


# --- size ---

def pattern_stays_under_2048_characters_for_seven_secrets():
    secrets = ",".join(f"team-{n}/service/db-password"[:20] for n in range(7))
    assert all(len(name) == 20 for name in secrets.split(","))
    excluded = {"ExcludedRoleArns": "arn:aws:iam::111111111111:role/app-runtime-role",
                "ExcludedUserArns": "arn:aws:iam::111111111111:user/ci-deployer"}
    size = len(pattern_for(WatchedSecrets=secrets, **excluded))
    print(f"     7 secrets of 20 characters + 1 excluded role + 1 excluded user: {size} characters")
    assert size < PATTERN_SIZE_LIMIT, size
    one = len(pattern_for(WatchedSecrets=SEED_SECRET))
    print(f"     seed case (1 secret, no exclusions): {one} characters")
    json.loads(pattern_for(WatchedSecrets=secrets, ExcludedPrincipalArns=excluded["ExcludedRoleArns"],
                           ExcludedSourceIdentities="ci", WatchedEventSources="ssm.amazonaws.com",
                           WatchedEventNames="GetParameter", **excluded))


def main():
    checks = cfn.Checks()
    for name, check in list(globals().items()):
        if callable(check) and check.__module__ == __name__ and name not in {
                "main", "pattern_for", "matches", "expect", "seed", "changed", "with_secret_id", "with_caller",
                "iam_user_caller", "stratus_events", "ssm_events"}:
            checks.run(name, check)
    checks.finish()


if __name__ == "__main__":
    main()
