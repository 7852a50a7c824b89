using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudTrailNotifier.Tests.Support;
using Xunit.Abstractions;

namespace CloudTrailNotifier.Tests.EndToEnd.Folding;

/// <summary>
/// A timed moto run of what noise control adds per event: the same events through the Runtime API loop with and
/// without a state table, timed by the function's own durationMs log field (figures in the test output).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class NoiseControlCostTests(MotoServer moto, ITestOutputHelper output)
{
    private const int Events = 20;

    [Fact]
    public async Task With_a_state_table_an_event_costs_a_few_loopback_round_trips_more_and_still_publishes()
    {
        var (topic, _) = await moto.CreateSubscribedTopicAsync("noise-cost");
        var table = await StateTable.CreateAsync(moto, "noise-cost-state");

        var stateless = await MedianAsync(topic, null, "plain");
        var stateful = await MedianAsync(topic, table, "noise");

        output.WriteLine($"median durationMs over {Events} events: stateless {stateless:0.0}, with state table {stateful:0.0}, "
            + $"added {stateful - stateless:0.0}");
        // Four state calls against the same moto as the one publish: on a loaded machine every call slows alike, so the
        // bound scales with the stateless figure (each state call costs about what the publish costs), with a floor.
        var bound = Math.Max(500, 6 * stateless);
        Assert.True(stateful - stateless < bound, $"noise control added {stateful - stateless} ms per event on loopback (bound {bound} ms)");
    }

    private async Task<double> MedianAsync(string topic, string? table, string prefix)
    {
        var variables = new Dictionary<string, string>
        {
            ["TOPIC_ARN"] = topic,
            ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString(),
            ["AWS_REGION"] = MotoServer.Region,
        };
        if (table is not null)
        {
            variables["STATE_TABLE_NAME"] = table;
        }

        await using var api = new FakeRuntimeApi();
        await using var host = new LambdaHostRun(api, variables, moto.Credentials);
        var sample = Encoding.UTF8.GetString(RepositoryFiles.SampleEvent);
        for (var i = 0; i < Events; i++)
        {
            // A distinct group each time (another resource): every event is a first event, sent and recorded.
            var body = sample.Replace("903caaaa-7777-4444-9999-example", $"{prefix}-{i}", StringComparison.Ordinal)
                .Replace("\"eventName\": \"GetSecretValue\"", $"\"eventName\": \"GetSecretValue{i}\"", StringComparison.Ordinal);
            api.Enqueue($"{prefix}-{i}", Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow.AddSeconds(30));
            Assert.Equal(RuntimeReportKind.Response, (await api.NextReportAsync()).Kind);
        }

        var durations = host.LogLines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("durationMs", out _))
            .Select(line => line.GetProperty("durationMs").GetDouble())
            .Order()
            .ToList();
        Assert.Equal(Events, durations.Count);
        output.WriteLine($"{prefix}: " + string.Join(' ', durations.Select(d => d.ToString("0.0", CultureInfo.InvariantCulture))));
        return durations[Events / 2];
    }
}
