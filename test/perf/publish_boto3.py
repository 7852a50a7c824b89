#!/usr/bin/env python3
"""The usual alternative, for the cold-start comparison: format a CloudTrail event and publish it with boto3.

Usage: publish_boto3.py FILE --topic-arn ARN

FILE is one EventBridge event ("AWS API Call via CloudTrail") or a bare CloudTrail record. The notification
says who did what, to which resource, where, from which address and client, and when, with the event's
identifiers, request parameters and a few message attributes (as a hand-written Lambda function would).
The endpoint comes from AWS_ENDPOINT_URL_SNS / AWS_ENDPOINT_URL (boto3 reads them itself), credentials from
the default chain, the region from the topic ARN. Prints the MessageId and exits 0; one line on stderr and
exit 1 on failure.
"""

import argparse
import json
import sys

import boto3


def sanitize(value, limit=1000):
    """One line of text: control and invisible characters escaped, long values cut."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    out = []
    for ch in text[:limit]:
        code = ord(ch)
        if code < 0x20 or code == 0x7F or 0x200B <= code <= 0x200F or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            out.append("\\u%04X" % code)
        else:
            out.append(ch)
    if len(text) > limit:
        out.append("... (%d characters more)" % (len(text) - limit))
    return "".join(out)


def actor(identity):
    kind = identity.get("type", "Unknown")
    issuer = identity.get("sessionContext", {}).get("sessionIssuer", {})
    if kind == "AssumedRole":
        session = identity.get("arn", "").rsplit("/", 1)[-1]
        return session, "session %s of IAM role %s" % (session, issuer.get("userName", "?"))
    if kind == "IAMUser":
        name = identity.get("userName", "?")
        return name, "IAM user " + name
    if kind == "Root":
        return "root", "root user"
    if kind == "AWSService":
        name = identity.get("invokedBy", "an AWS service")
        return name, name
    name = identity.get("userName") or identity.get("principalId") or kind
    return name, "%s %s" % (kind, name)


def resource(detail):
    params = detail.get("requestParameters") or {}
    if isinstance(params, dict):
        for key in ("secretId", "bucketName", "roleName", "userName", "functionName", "tableName", "name"):
            if isinstance(params.get(key), str):
                value = params[key]
                short = value.split(":secret:", 1)[-1].rsplit("-", 1)[0] if ":secret:" in value else value
                return short, value
    for item in detail.get("resources") or []:
        if isinstance(item, dict) and "ARN" in item:
            return item["ARN"], item["ARN"]
    return None, None


def render(event):
    detail = event.get("detail", event)
    identity = detail.get("userIdentity") or {}
    who_short, who_long = actor(identity)
    account = identity.get("accountId") or detail.get("recipientAccountId", "?")
    name = detail.get("eventName", "?")
    source = detail.get("eventSource", "?")
    region = detail.get("awsRegion", "?")
    error = detail.get("errorCode")
    short, full = resource(detail)
    mfa = identity.get("sessionContext", {}).get("attributes", {}).get("mfaAuthenticated")

    subject = "%s%s%s by %s (%s)" % ("[DENIED] " if error else "", name, " on " + short if short else "", who_short, account)
    lines = [
        "%s called %s %s%s. %s" % (sanitize(who_short), sanitize(source), sanitize(name),
                                  " on " + sanitize(short) if short else "",
                                  "It failed: " + sanitize(error) if error else "It succeeded."),
        "",
        "  Who               %s, account %s" % (sanitize(who_long), sanitize(account)),
        "  Action            %s on %s%s" % (sanitize(name), sanitize(source), ", read-only" if detail.get("readOnly") else ""),
        "  Result            %s" % ("Failed: " + sanitize(error) + " " + sanitize(detail.get("errorMessage", "")) if error else "Succeeded"),
    ]
    if full:
        lines.append("  Resource          %s" % sanitize(full))
    lines += [
        "  Account           %s, region %s" % (sanitize(account), sanitize(region)),
        "  From              %s" % sanitize(detail.get("sourceIPAddress", "?")),
        "  Client            %s" % sanitize(detail.get("userAgent", "?")),
        "  When              %s UTC" % sanitize(detail.get("eventTime", "?")).replace("T", " ").rstrip("Z"),
        "",
        "Identity",
        "  Type              %s" % sanitize(identity.get("type", "?")),
        "  ARN               %s" % sanitize(identity.get("arn", "?")),
        "  Access key        %s" % sanitize(identity.get("accessKeyId", "?")),
        "  MFA               %s" % ("yes" if mfa == "true" else "no"),
        "",
        "Request parameters",
    ]
    params = detail.get("requestParameters")
    if isinstance(params, dict) and params:
        lines += ["  %s: %s" % (sanitize(k, 200), sanitize(v)) for k, v in params.items()]
    else:
        lines.append("  (none)")
    lines += [
        "",
        "Links",
        "  CloudTrail event  https://%s.console.aws.amazon.com/cloudtrailv2/home?region=%s#/events/%s" % (region, region, detail.get("eventID", "")),
        "",
        "Identifiers",
        "  Event ID          %s" % sanitize(detail.get("eventID", "?")),
        "  Request ID        %s" % sanitize(detail.get("requestID", "?")),
    ]
    attributes = {
        "eventSource": source,
        "eventName": name,
        "account": account,
        "region": region,
        "outcome": "failed" if error else "succeeded",
    }
    return sanitize(subject, 99), "\n".join(lines), attributes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--topic-arn", required=True)
    args = parser.parse_args()
    try:
        with open(args.file, encoding="utf-8") as f:
            event = json.load(f)
        subject, body, attributes = render(event)
        region = args.topic_arn.split(":")[3]
        sns = boto3.client("sns", region_name=region)
        answer = sns.publish(
            TopicArn=args.topic_arn,
            Subject=subject,
            Message=body,
            MessageAttributes={k: {"DataType": "String", "StringValue": str(v)} for k, v in attributes.items()},
        )
    except Exception as error:  # one line, never a stack trace
        print("error: %s: %s" % (type(error).__name__, error), file=sys.stderr)
        return 1
    print(answer["MessageId"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
