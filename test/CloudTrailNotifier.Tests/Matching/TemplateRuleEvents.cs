using System.Text.Json.Nodes;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Matching;

/// <summary>
/// Events that put the template's own patterns (events/patterns) to work: the corpus, the sample events, and
/// variants of a GetSecretValue call for every branch of the watch rule (each form of a secret id, excluded roles,
/// users and source identities, other services, decoys).
/// </summary>
internal static class TemplateRuleEvents
{
    private const string SecretArn = "arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:";

    public static IReadOnlyList<MotoEntry> All()
    {
        var entries = Corpus.All.Select(e => MotoEntry.From(e.Name, e.Json)).ToList();
        entries.AddRange(Corpus.SampleEventFiles().Select(path => MotoEntry.From(Path.GetFileName(path), File.ReadAllText(path))));
        entries.AddRange(Variants());
        return entries;
    }

    private static IEnumerable<MotoEntry> Variants()
    {
        string[] secretIds =
        [
            "prod/db", SecretArn + "prod/db", SecretArn + "prod/db-AbCdEf", "prod/db-other", "PROD/DB", "prod/api-key",
            SecretArn + "prod/api-key-Zz09Yy", "honeypot/db-admin", SecretArn + "honeypot/db-admin-x1y2z3", "other/secret",
        ];
        foreach (var id in secretIds)
        {
            yield return Variant($"GetSecretValue {id}", d => d["requestParameters"] = new JsonObject { ["secretId"] = id });
            yield return Variant($"PutSecretValue {id}", d =>
            {
                d["requestParameters"] = new JsonObject { ["secretId"] = id };
                d["eventName"] = "PutSecretValue";
                d["readOnly"] = false;
            });
        }

        yield return Variant("BatchGetSecretValue listing prod/db", d =>
        {
            d["eventName"] = "BatchGetSecretValue";
            d["requestParameters"] = new JsonObject { ["secretIdList"] = new JsonArray("other", SecretArn + "prod/db-AbCdEf") };
        });
        yield return Variant("DescribeSecret prod/db", d => { d["eventName"] = "DescribeSecret"; d["requestParameters"] = new JsonObject { ["secretId"] = "prod/db" }; });
        foreach (var issuer in new[]
        {
            "arn:aws:iam::111111111111:role/ci-deployer",
            "arn:aws:iam::111111111111:role/cloudtrail-notifier-NotifierFunctionRole-A1B2C3D4E5F6",
            "arn:aws:iam::111111111111:role/someone-else",
        })
        {
            yield return Variant($"prod/db read by a session of {issuer}", d =>
            {
                d["requestParameters"] = new JsonObject { ["secretId"] = "prod/db" };
                d["userIdentity"]!["sessionContext"]!["sessionIssuer"]!["arn"] = issuer;
            });
        }

        yield return Variant("prod/db read with source identity nightly-backup", d =>
        {
            d["requestParameters"] = new JsonObject { ["secretId"] = "prod/db" };
            d["userIdentity"]!["sessionContext"]!["sourceIdentity"] = "nightly-backup";
        });
        foreach (var user in new[] { "break-glass", "alice" })
        {
            yield return Variant($"prod/db read by IAM user {user}", d =>
            {
                d["requestParameters"] = new JsonObject { ["secretId"] = "prod/db" };
                d["userIdentity"] = new JsonObject
                {
                    ["type"] = "IAMUser",
                    ["arn"] = $"arn:aws:iam::111111111111:user/{user}",
                    ["accountId"] = "111111111111",
                    ["userName"] = user,
                };
            });
        }

        foreach (var (source, name) in new[] { ("ssm.amazonaws.com", "GetParameter"), ("ssm.amazonaws.com", "GetParametersByPath"), ("kms.amazonaws.com", "Decrypt"), ("s3.amazonaws.com", "GetObject") })
        {
            yield return Variant($"{source} {name}", d =>
            {
                d["eventSource"] = source;
                d["eventName"] = name;
                d["requestParameters"] = new JsonObject { ["name"] = "/prod/db/password" };
            });
        }
    }

    private static MotoEntry Variant(string name, Action<JsonObject> change)
    {
        var envelope = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.EventsDirectory, "secretsmanager-get-secret-value.json")))!.AsObject();
        change(envelope["detail"]!.AsObject());
        return MotoEntry.From("variant: " + name, envelope.ToJsonString());
    }
}
