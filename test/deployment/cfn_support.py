"""Shared support for the deployment checks: load template.yaml, run the SAM transform, and resolve
intrinsic functions for chosen parameter values, the way CloudFormation would at deploy time.

Only what the template uses is resolved (Ref, Fn::GetAtt, Fn::Join, Fn::Split, Fn::Select, Fn::Sub,
Fn::If, the condition functions and Fn::EachMemberEquals for the Rules section); anything else raises,
so a new construct cannot slip through unresolved.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = REPO_ROOT / "template.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

ACCOUNT_ID = "111111111111"
REGION = "ap-northeast-1"
STACK_NAME = "cloudtrail-notifier"
NO_VALUE = object()


class _NoManagedPolicies:
    """The template names no AWS managed policies, so the transform never needs IAM."""

    def load(self):
        return {}


def load_template():
    return yaml_parse(TEMPLATE_PATH.read_text(encoding="utf-8"))


def packaged_template():
    """template.yaml as `sam package` hands it on: local CodeUri replaced by the uploaded artifact."""
    template = load_template()
    for definition in template["Resources"].values():
        properties = definition.get("Properties", {})
        if definition["Type"] == "AWS::Serverless::Function" and not str(properties.get("CodeUri")).startswith("s3://"):
            properties["CodeUri"] = "s3://sam-artifacts-bucket/cloudtrail-notifier/0123456789abcdef"
    return template


def transformed_template(parameter_values=None):
    """The CloudFormation template `sam deploy` would submit."""
    return transform(packaged_template(), dict(parameter_values or {}), _NoManagedPolicies())


def fake_attribute(logical_id, attribute):
    """A realistic value for Fn::GetAtt on a resource that does not exist."""
    arns = {
        "Role": f"arn:aws:iam::{ACCOUNT_ID}:role/{STACK_NAME}-{logical_id}-A1B2C3D4E5F6",
        "Rule": f"arn:aws:events:{REGION}:{ACCOUNT_ID}:rule/{STACK_NAME}-{logical_id}-A1B2C3D4E5F6",
        "Queue": f"arn:aws:sqs:{REGION}:{ACCOUNT_ID}:{STACK_NAME}-{logical_id}-A1B2C3D4E5F6",
        "Alarm": f"arn:aws:cloudwatch:{REGION}:{ACCOUNT_ID}:alarm:{STACK_NAME}-{logical_id}-A1B2C3D4E5F6",
        "LogGroup": f"arn:aws:logs:{REGION}:{ACCOUNT_ID}:log-group:{STACK_NAME}-{logical_id}:*",
        "Table": f"arn:aws:dynamodb:{REGION}:{ACCOUNT_ID}:table/{STACK_NAME}-{logical_id}-A1B2C3D4E5F6",
    }
    if attribute == "Arn":
        for suffix, arn in arns.items():
            if logical_id.endswith(suffix):
                return arn
        return f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{STACK_NAME}-{logical_id}"
    if attribute in ("QueueName", "TopicName"):
        return f"{STACK_NAME}-{logical_id}-A1B2C3D4E5F6"
    raise ValueError(f"no fake value for Fn::GetAtt {logical_id}.{attribute}")


def fake_ref(logical_id, resource_type):
    """A realistic value for Ref on a resource that does not exist: topics give ARNs, queues URLs."""
    name = f"{STACK_NAME}-{logical_id}-A1B2C3D4E5F6"
    if resource_type == "AWS::SNS::Topic":
        return f"arn:aws:sns:{REGION}:{ACCOUNT_ID}:{name}"
    if resource_type == "AWS::SQS::Queue":
        return f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT_ID}/{name}"
    if resource_type == "AWS::IAM::ManagedPolicy":
        return f"arn:aws:iam::{ACCOUNT_ID}:policy/{name}"
    if resource_type.startswith("AWS::Chatbot::"):
        return f"arn:aws:chatbot::{ACCOUNT_ID}:chat-configuration/{name}"
    return name


class Resolver:
    """Evaluates intrinsic functions in a (transformed) template for given parameter values."""

    def __init__(self, template, parameter_values):
        self.template = template
        self.parameters = {}
        for name, definition in template.get("Parameters", {}).items():
            if name in parameter_values:
                value = parameter_values[name]
            elif "Default" in definition:
                value = definition["Default"]
            else:
                raise ValueError(f"parameter {name} has no value and no default")
            if definition["Type"] == "CommaDelimitedList" and isinstance(value, str):
                value = value.split(",")
            self.parameters[name] = value
        unknown = set(parameter_values) - set(self.parameters)
        if unknown:
            raise ValueError(f"unknown parameters: {sorted(unknown)}")
        self.pseudo = {
            "AWS::AccountId": ACCOUNT_ID,
            "AWS::Region": REGION,
            "AWS::Partition": "aws",
            "AWS::StackName": STACK_NAME,
            "AWS::URLSuffix": "amazonaws.com",
            "AWS::NoValue": NO_VALUE,
        }
        self._conditions = {}

    def condition(self, name):
        if name not in self._conditions:
            self._conditions[name] = bool(self.resolve(self.template["Conditions"][name]))
        return self._conditions[name]

    def rule_violations(self):
        """AssertDescription of each template rule whose assertions fail for these parameters."""
        violations = []
        for rule in self.template.get("Rules", {}).values():
            if "RuleCondition" in rule and not self.resolve(rule["RuleCondition"]):
                continue
            violations += [a.get("AssertDescription", "?") for a in rule["Assertions"] if not self.resolve(a["Assert"])]
        return violations

    def ref(self, name):
        if name in self.pseudo:
            return self.pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        if name in self.template.get("Resources", {}):
            return fake_ref(name, self.template["Resources"][name]["Type"])
        raise ValueError(f"Ref to unknown name {name}")

    def resolve(self, node):
        if isinstance(node, list):
            items = [self.resolve(item) for item in node]
            return [item for item in items if item is not NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, value), = node.items()
            handler = self._functions().get(key)
            if handler is not None:
                return handler(value)
            if key.startswith("Fn::"):
                raise ValueError(f"unsupported intrinsic function {key}")
        resolved = {key: self.resolve(value) for key, value in node.items()}
        return {key: value for key, value in resolved.items() if value is not NO_VALUE}

    def _functions(self):
        return {
            "Ref": lambda v: self.ref(v),
            "Condition": lambda v: self.condition(v),
            "Fn::GetAtt": self._get_att,
            "Fn::Join": lambda v: str(self.resolve(v[0])).join(self._strings(self.resolve(v[1]))),
            "Fn::Split": lambda v: self.resolve(v[1]).split(v[0]),
            "Fn::Select": lambda v: self.resolve(v[1])[int(self.resolve(v[0]))],
            "Fn::Sub": self._sub,
            "Fn::If": lambda v: self.resolve(v[1] if self.condition(v[0]) else v[2]),
            "Fn::Equals": lambda v: self.resolve(v[0]) == self.resolve(v[1]),
            "Fn::Not": lambda v: not self.resolve(v[0]),
            "Fn::And": lambda v: all(self.resolve(item) for item in v),
            "Fn::Or": lambda v: any(self.resolve(item) for item in v),
            "Fn::EachMemberEquals": lambda v: all(item == self.resolve(v[1]) for item in self.resolve(v[0])),
        }

    @staticmethod
    def _strings(values):
        if not isinstance(values, list) or not all(isinstance(item, str) for item in values):
            raise ValueError(f"Fn::Join needs a list of strings, got {values!r}")
        return values

    def _get_att(self, value):
        logical_id, attribute = value.split(".", 1) if isinstance(value, str) else value
        if logical_id not in self.template.get("Resources", {}):
            raise ValueError(f"Fn::GetAtt on unknown resource {logical_id}")
        return fake_attribute(logical_id, attribute)

    def _sub(self, value):
        text, variables = (value, {}) if isinstance(value, str) else (value[0], value[1])
        resolved = {name: self.resolve(v) for name, v in variables.items()}

        def replace(match):
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in resolved:
                result = resolved[name]
            elif "." in name and not name.startswith("AWS::"):
                result = self._get_att(name)
            else:
                result = self.ref(name)
            if not isinstance(result, str):
                raise ValueError(f"Fn::Sub variable {name} is not a string: {result!r}")
            return result

        return re.sub(r"\$\{([^}]+)\}", replace, text)


def resource(template, logical_id):
    try:
        return template["Resources"][logical_id]
    except KeyError:
        raise AssertionError(f"resource {logical_id} is missing; have {sorted(template['Resources'])}") from None


def resources_of_type(template, resource_type):
    return {k: v for k, v in template["Resources"].items() if v["Type"] == resource_type}


def resolved_rule_pattern(parameter_values, rule_id="NotifierFunctionWatchRule"):
    """A rule's event pattern JSON text as the deployed stack would hold it."""
    template = transformed_template(parameter_values)
    rule = resource(template, rule_id)
    pattern = Resolver(template, parameter_values).resolve(rule["Properties"]["EventPattern"])
    if not isinstance(pattern, str):
        pattern = json.dumps(pattern, separators=(",", ":"))
    return pattern


def lint(template):
    """cfn-lint on a template (a dict, written as JSON); with a Transform, cfn-lint resolves parameter defaults
    (not parameter files), so a check sets the defaults it wants linted."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as file:
        json.dump(template, file)
        file.flush()
        return subprocess.run(["cfn-lint", file.name], capture_output=True, text=True, timeout=300, check=False)


def load_fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class Checks:
    """Runs named checks, prints one PASS/FAIL line each, and exits non-zero if any failed."""

    def __init__(self):
        self.failures = 0
        self.count = 0

    def run(self, name, check):
        self.count += 1
        try:
            check()
        except Exception as error:  # noqa: BLE001 - every failure is reported, then the run fails
            self.failures += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}")
        else:
            print(f"PASS {name}")

    def finish(self):
        print(f"{self.count - self.failures} of {self.count} checks passed")
        sys.exit(1 if self.failures else 0)
