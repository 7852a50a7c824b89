using System.Text;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Security review 22 (L1, L2, L5) end to end: an AWS validation error that echoes a secret before its member name, a
/// password in a SQL statement, and a secret on a command line reach no output (subject, email body, the JSON publish
/// request, the chat card, attributes), in English or Japanese, nor the fallback for damaged JSON; the statement, the
/// command and the error still read.
/// </summary>
public sealed class ValueFirstShapesNotifierTests
{
    private static readonly Notifier[] Notifiers =
    [
        new(RenderOptions.Default with { ChatCards = true }),
        new(new RenderOptions(NotificationLanguage.Japanese, TimeZoneInfo.Utc) { ChatCards = true }),
    ];

    private const string Echo =
        "2 validation errors detected: Value 'Hunter2-echo1' at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$; "
        + "Value 'Hunter2 echo2 with spaces' at 'userPool.clientSecret' failed to satisfy constraint: Member must have length less than or equal to 64";

    public static TheoryData<string, string, string[]> RequestParameters => new()
    {
        {
            "athena.amazonaws.com",
            """{"queryString":"CREATE USER bob PASSWORD 'Hunter2-sql1'; ALTER USER x IDENTIFIED BY 'Hunter2-sql2'; CREATE USER 'u'@'%' IDENTIFIED BY \"Hunter2-sql3\"; ALTER ROLE app WITH PASSWORD 'Hunter2-sql4'","workGroup":"primary"}""",
            ["CREATE USER bob PASSWORD '[redacted: 12 characters]'", "IDENTIFIED BY \"[redacted: 12 characters]\"", "workGroup: primary"]
        },
        {
            "redshift-data.amazonaws.com",
            """{"sql":"create user etl with password 'Hunter2Abc1'","clusterIdentifier":"c1","database":"dev"}""",
            ["sql: create user etl with password '[redacted: 11 characters]'", "database: dev"]
        },
        {
            "rds-data.amazonaws.com",
            """{"sql":"SET PASSWORD FOR 'app'@'%' = 'Hunter2-set'; ALTER USER u WITH ENCRYPTED PASSWORD $$Hunter2 dollar$$; CREATE LOGIN w WITH PASSWORD = N'Hunter2''s'","resourceArn":"arn:aws:rds:us-east-1:111111111111:cluster:c"}""",
            ["SET PASSWORD FOR 'app'@'%' = '[redacted: 11 characters]'", "ENCRYPTED PASSWORD $$[redacted: 14 characters]$$", "PASSWORD = N'[redacted: 10 characters]'"]
        },
        {
            "ecs.amazonaws.com",
            """{"overrides":{"containerOverrides":[{"name":"app","command":["mysql","-uroot","-pHunter2-mysqlp","--password","Hunter2-argnext","--token Hunter2-tokspace","PGPASSWORD=Hunter2-pgpw","--api-key=Hunter2-apik","-e","x"]}]}}""",
            ["- mysql", "- -uroot", "- -p[redacted: 14 characters]", "- --password", "- [redacted: 15 characters]", "- --token [redacted: 16 characters]", "- -e"]
        },
        {
            "ssm.amazonaws.com",
            """{"documentName":"AWS-RunShellScript","parameters":{"commands":["mysql -h db -u admin -pHunter2-ssm -e 'select 1'","curl --token Hunter2-curl https://example.com","mkdir -p /tmp/x"]}}""",
            ["mysql -h db -u admin -p[redacted: 11 characters] -e 'select 1'", "curl --token [redacted: 12 characters]", "mkdir -p /tmp/x"]
        },
        {
            "elasticmapreduce.amazonaws.com",
            """{"jobFlowId":"j-1","steps":[{"name":"load","hadoopJarStep":{"jar":"command-runner.jar","args":["spark-submit","--secret","Hunter2-emr","--deploy-mode","cluster","-p","8080"]}}]}""",
            ["- --secret", "- [redacted: 11 characters]", "- --deploy-mode", "- cluster", "- -p", "- 8080"]
        },
    };

    [Theory]
    [MemberData(nameof(RequestParameters))]
    public void A_secret_in_a_statement_or_command_line_reaches_no_output(string source, string requestParameters, string[] englishLines)
    {
        var json = TestEvents.SeedWith(d =>
        {
            d["eventSource"] = source;
            d["requestParameters"] = JsonNode.Parse(requestParameters);
        });

        AssertNoSecretInAnyOutput(json);
        var english = Notifiers[0].Notify(json).Message;
        Assert.All(englishLines, line => Assert.Contains(line, english, StringComparison.Ordinal));
    }

    [Fact]
    public void A_validation_error_that_echoes_a_secret_before_its_member_reaches_no_output_and_still_reads()
    {
        var json = TestEvents.SeedWith(d =>
        {
            d["errorCode"] = "InvalidParameterException";
            d["errorMessage"] = Echo;
        });

        AssertNoSecretInAnyOutput(json);
        var notification = Notifiers[0].Notify(json);
        const string Shown = "Value '[redacted: 13 characters]' at 'password' failed to satisfy constraint";
        Assert.Contains(Shown, notification.Message, StringComparison.Ordinal);
        Assert.Contains("Value '[redacted: 25 characters]' at 'userPool.clientSecret'", notification.Message, StringComparison.Ordinal);
        Assert.Contains(Shown, notification.ChatCard!, StringComparison.Ordinal);
        Assert.Contains("at 'password'", Notifiers[1].Notify(json).Message, StringComparison.Ordinal);
    }

    /// <summary>Damaged JSON (cut off) holding every shape: the fallback's text rules alone hide them.</summary>
    private const string Damaged = """
        {"version":"0","id":"x","detail-type":"AWS API Call via CloudTrail","source":"aws.ecs","account":"111111111111","region":"us-east-1","detail":{"eventSource":"ecs.amazonaws.com","eventName":"RunTask","errorMessage":"1 validation error detected: Value 'Hunter2 fb echo' at 'input.masterUserPassword' failed to satisfy constraint",
        "requestParameters":{"queryString":"CREATE USER bob PASSWORD 'Hunter2-fb-sql'; ALTER USER x IDENTIFIED BY \"Hunter2-fb-id\"",
        "overrides":{"containerOverrides":[{"command":["mysql", "-uroot", "-pHunter2-fb-p", "--password", "Hunter2-fb-next", "--token Hunter2-fb-space", "-e"
        """;

    [Fact]
    public void The_fallback_for_damaged_json_hides_every_value_first_shape()
    {
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(Encoding.UTF8.GetBytes(Damaged));

            Assert.Contains(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            foreach (var output in Outputs(notification))
            {
                Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
            }

            Assert.Contains("CREATE USER bob PASSWORD '", notification.Message, StringComparison.Ordinal);
            Assert.Contains("at 'input.masterUserPassword'", notification.Message, StringComparison.Ordinal);
            Assert.Contains("\"--password\", \"", notification.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertNoSecretInAnyOutput(byte[] json)
    {
        foreach (var notifier in Notifiers)
        {
            var notification = notifier.Notify(json);
            Assert.DoesNotContain(notification.Attributes, a => a is { Name: "outcome", Value: "uninterpretable" });
            foreach (var output in Outputs(notification))
            {
                Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<string> Outputs(Notification notification) =>
        new[] { notification.Subject, notification.Message, PublishRequestJson.Write(notification), notification.ChatCard! }
            .Concat(notification.Attributes.Select(a => a.Value));
}
