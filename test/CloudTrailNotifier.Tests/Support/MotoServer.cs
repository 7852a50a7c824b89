using System.Diagnostics;
using System.Text.Json;
using Amazon.Runtime;
using CloudTrailNotifier.Aws;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// A moto_server of our own on a free loopback port, with signature checking on: the first
/// <see cref="UnauthenticatedSetupCalls"/> requests (creating an IAM user, its key and an allow-all policy)
/// go unchecked, and every later request must be SigV4-signed with that user's key.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private readonly bool _checkSignatures;

    public MotoServer()
        : this(checkSignatures: true)
    {
    }

    /// <param name="checkSignatures">
    /// False for S3 listings: moto 5.2.1's signature check rejects every S3 request whose query holds a <c>/</c>
    /// (a Prefix or Delimiter), from boto3 as from the .NET SDK, so those tests run without it.
    /// </param>
    internal MotoServer(bool checkSignatures) => _checkSignatures = checkSignatures;

    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";
    private const int UnauthenticatedSetupCalls = 3;

    private Process? _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    public Uri Endpoint { get; private set; } = null!;

    public string AccessKeyId { get; private set; } = null!;

    public string SecretAccessKey { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    /// <summary>Signed with the IAM user's key, so it works after authentication switched on.</summary>
    internal AwsQueryClient Client(string region = Region) =>
        new(Http, Endpoint, new BasicAWSCredentials(AccessKeyId, SecretAccessKey), region);

    internal AwsCredentialsSource Credentials => AwsCredentialsSource.Fixed(AccessKeyId, SecretAccessKey);

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(FindMotoServer(), ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_checkSignatures)
        {
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = UnauthenticatedSetupCalls.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();

        // Unauthenticated set-up calls; each one counts towards INITIAL_NO_AUTH_ACTION_COUNT.
        var setup = new AwsQueryClient(Http, Endpoint, new BasicAWSCredentials("AKIDSETUP", "setup-secret"));
        const string user = "notifier-tests";
        await setup.CallAsync("iam", "CreateUser", "2010-05-08", ("UserName", user));
        var key = await setup.CallAsync("iam", "CreateAccessKey", "2010-05-08", ("UserName", user));
        AccessKeyId = AwsQueryClient.First(key, "AccessKeyId")!;
        SecretAccessKey = AwsQueryClient.First(key, "SecretAccessKey")!;
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        await setup.CallAsync("iam", "PutUserPolicy", "2010-05-08", ("UserName", user), ("PolicyName", "all"), ("PolicyDocument", policy));
    }

    /// <summary>A new topic with its own SQS queue subscribed (raw delivery off, so the SNS envelope arrives).</summary>
    public async Task<(string TopicArn, string QueueUrl)> CreateSubscribedTopicAsync(string name)
    {
        var client = Client();
        var topic = AwsQueryClient.First(await client.CallAsync("sns", "CreateTopic", "2010-03-31", ("Name", name)), "TopicArn")!;
        var queueUrl = AwsQueryClient.First(await client.CallAsync("sqs", "CreateQueue", "2012-11-05", ("QueueName", name)), "QueueUrl")!;
        await client.CallAsync("sns", "Subscribe", "2010-03-31",
            ("TopicArn", topic), ("Protocol", "sqs"), ("Endpoint", $"arn:aws:sqs:{Region}:{AccountId}:{name}"));
        return (topic, queueUrl);
    }

    /// <summary>The bodies of the messages waiting in the queue (waits up to <paramref name="waitSeconds"/> for the first).</summary>
    public async Task<IReadOnlyList<JsonElement>> ReceiveAsync(string queueUrl, int waitSeconds = 2)
    {
        var answer = await Client().CallAsync("sqs", "ReceiveMessage", "2012-11-05",
            ("QueueUrl", queueUrl), ("MaxNumberOfMessages", "10"), ("WaitTimeSeconds", waitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AwsQueryClient.All(answer, "Body").Select(body => JsonDocument.Parse(body).RootElement.Clone()).ToList();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        // /moto-api/ is not an AWS action, so polling it does not use up the unauthenticated calls.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("moto_server exited: " + string.Join('\n', _output));
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(Endpoint, "moto-api/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
            }

            await Task.Delay(50);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < 500)
        {
            _output.Enqueue(line);
        }
    }

    private static string FindMotoServer()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/root/.pyenv/shims"))
        {
            var candidate = Path.Combine(dir, "moto_server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("moto_server is not installed (pip install 'moto[server]')");
    }
}
