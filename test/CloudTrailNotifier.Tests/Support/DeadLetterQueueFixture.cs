using System.Globalization;
using System.Text.Json;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>A dead-letter queue in moto: messages sent as AWS sends them, and what is left in it afterwards.</summary>
internal sealed class DeadLetterQueueFixture(MotoServer moto, string name, string url)
{
    public string Name => name;

    /// <summary>moto's own URL for the queue (http, on loopback).</summary>
    public string Url => url;

    /// <summary>The URL as AWS writes it; with AWS_ENDPOINT_URL_SQS pointing at moto, calls still go there.</summary>
    public string AwsUrl => $"https://sqs.{MotoServer.Region}.amazonaws.com/{MotoServer.AccountId}/{name}";

    public static async Task<DeadLetterQueueFixture> CreateAsync(MotoServer moto, string name)
    {
        var created = await moto.Client().CallAsync("sqs", "CreateQueue", "2012-11-05", ("QueueName", name));
        return new DeadLetterQueueFixture(moto, name, AwsQueryClient.First(created, "QueueUrl")!);
    }

    /// <summary>Sends one message; answers its MessageId.</summary>
    public async Task<string> SendAsync(string body, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var parameters = new List<(string, string)> { ("QueueUrl", url), ("MessageBody", body) };
        var n = 0;
        foreach (var (key, value) in attributes ?? new Dictionary<string, string>())
        {
            n++;
            var prefix = $"MessageAttribute.{n.ToString(CultureInfo.InvariantCulture)}.";
            parameters.Add((prefix + "Name", key));
            parameters.Add((prefix + "Value.DataType", "String"));
            parameters.Add((prefix + "Value.StringValue", value));
        }

        var sent = await moto.Client().CallAsync("sqs", "SendMessage", "2012-11-05", [.. parameters]);
        return AwsQueryClient.First(sent, "MessageId")!;
    }

    /// <summary>(visible, in flight): after a redrive every message left must be visible again at once.</summary>
    public async Task<(int Visible, int Hidden)> CountAsync()
    {
        var answer = await moto.Client().CallAsync("sqs", "GetQueueAttributes", "2012-11-05",
            ("QueueUrl", url), ("AttributeName.1", "ApproximateNumberOfMessages"), ("AttributeName.2", "ApproximateNumberOfMessagesNotVisible"));
        var values = answer.Descendants().Where(e => e.Name.LocalName == "Attribute")
            .ToDictionary(
                e => e.Elements().First(x => x.Name.LocalName == "Name").Value,
                e => int.Parse(e.Elements().First(x => x.Name.LocalName == "Value").Value, CultureInfo.InvariantCulture));
        return (values["ApproximateNumberOfMessages"], values["ApproximateNumberOfMessagesNotVisible"]);
    }

    /// <summary>Every SNS envelope waiting in a subscribed queue, read until it is empty.</summary>
    public static async Task<List<JsonElement>> DrainAsync(MotoServer moto, string queueUrl)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var batch = await moto.ReceiveAsync(queueUrl, waitSeconds: all.Count == 0 ? 2 : 1);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }
}
