"""Checks that each exclusion parameter of the read-only rule excludes exactly what it says, with moto's
EventBridge engine: roles by session issuer, users by their own ARN (not the federated sessions they
create), source identities by sessionContext.sourceIdentity, and the earlier mixed ExcludedPrincipalArns
list with the same meaning it had, minus the federated-session overreach.

Run: python3 test/deployment/check_exclusions.py   (prints PASS/FAIL per check; exit 1 on any failure)
"""

import logging
import re

import cfn_support as cfn
import check_event_pattern
from check_event_pattern import SEED_ROLE, SEED_SECRET, changed, iam_user_caller, matches, seed, with_caller

logging.getLogger("samtranslator").setLevel(logging.ERROR)

USER = "arn:aws:iam::111111111111:user/ci"


def federated_session_of(user_arn, name="build"):
    """A GetFederationToken session: type FederatedUser, issued by the IAM user."""
    return changed(seed(), userIdentity={
        "type": "FederatedUser", "principalId": f"111111111111:{name}", "accountId": "111111111111",
        "arn": f"arn:aws:sts::111111111111:federated-user/{name}", "accessKeyId": "ASIAEXAMPLE",
        "sessionContext": {"sessionIssuer": {"type": "IAMUser", "principalId": "AIDAEXAMPLE", "arn": user_arn,
                                             "accountId": "111111111111", "userName": user_arn.rsplit("/", 1)[1]},
                           "attributes": {"creationDate": "2025-01-01T00:00:00Z", "mfaAuthenticated": "false"}}})


def with_source_identity(event, source_identity):
    event["detail"]["userIdentity"]["sessionContext"]["sourceIdentity"] = source_identity
    return event


def check(event, expected, **parameters):
    actual = matches(event, WatchedSecrets=SEED_SECRET, **parameters)
    if actual != expected:
        identity = event["detail"]["userIdentity"]
        raise AssertionError(f"expected {'a match' if expected else 'no match'} for {identity.get('type')} "
                             f"{identity.get('arn')} with {parameters}")


def an_excluded_user_does_not_exclude_its_federated_sessions():
    for parameters in ({"ExcludedUserArns": USER}, {"ExcludedPrincipalArns": USER}):
        check(iam_user_caller("ci"), False, **parameters)
        check(federated_session_of(USER), True, **parameters)
        check(iam_user_caller("alice"), True, **parameters)


def an_excluded_role_excludes_every_session_of_that_role_only():
    for parameters in ({"ExcludedRoleArns": SEED_ROLE}, {"ExcludedPrincipalArns": SEED_ROLE}):
        for session in ("cm-kawahara.masahiro", "anything-the-caller-chose"):
            check(with_caller(SEED_ROLE, session), False, **parameters)
        check(with_caller("arn:aws:iam::111111111111:role/other", "x"), True, **parameters)
        check(iam_user_caller("ci"), True, **parameters)


def a_role_entry_in_the_user_list_is_refused_by_the_parameter_pattern():
    parameters = cfn.load_template()["Parameters"]
    assert not re.fullmatch(parameters["ExcludedUserArns"]["AllowedPattern"], SEED_ROLE)
    assert not re.fullmatch(parameters["ExcludedRoleArns"]["AllowedPattern"], USER)


def an_excluded_source_identity_excludes_only_sessions_carrying_it():
    parameters = {"ExcludedSourceIdentities": "ci-deployer"}
    check(with_source_identity(with_caller(SEED_ROLE, "any"), "ci-deployer"), False, **parameters)
    check(with_source_identity(with_caller("arn:aws:iam::111111111111:role/other", "x"), "ci-deployer"), False,
          **parameters)
    check(with_source_identity(with_caller(SEED_ROLE, "ci-deployer"), "alice"), True, **parameters)
    check(with_caller(SEED_ROLE, "ci-deployer"), True, **parameters)
    check(iam_user_caller("ci-deployer"), True, **parameters)


def a_session_entry_excludes_that_session_name_only():
    session = "arn:aws:sts::111111111111:assumed-role/cm-kawahara.masahiro/batch-job"
    check(with_caller(SEED_ROLE, "batch-job"), False, ExcludedPrincipalArns=session)
    check(with_caller(SEED_ROLE, "batch-job-2"), True, ExcludedPrincipalArns=session)


def lists_combine_and_the_functions_role_stays_excluded():
    parameters = {"ExcludedRoleArns": "arn:aws:iam::111111111111:role/app", "ExcludedUserArns": USER,
                  "ExcludedPrincipalArns": SEED_ROLE, "ExcludedSourceIdentities": "ci-deployer,release"}
    check(with_caller("arn:aws:iam::111111111111:role/app", "x"), False, **parameters)
    check(with_caller(SEED_ROLE, "x"), False, **parameters)
    check(iam_user_caller("ci"), False, **parameters)
    check(with_source_identity(with_caller("arn:aws:iam::111111111111:role/other", "x"), "release"), False, **parameters)
    # The stack's own role: the function's (template.yaml) or the forwarding role (forwarder.yaml, check_forwarder.py).
    check(with_caller(check_event_pattern.FUNCTION_ROLE, "x"), False, **parameters)
    check(with_caller("arn:aws:iam::111111111111:role/other", "x"), True, **parameters)
    check(federated_session_of(USER), True, **parameters)
    check(seed(), False, **parameters)


def main():
    checks = cfn.Checks()
    for name, function in list(globals().items()):
        if callable(function) and function.__module__ == __name__ and name not in {
                "main", "check", "federated_session_of", "with_source_identity"}:
            checks.run(name, function)
    checks.finish()


if __name__ == "__main__":
    main()
