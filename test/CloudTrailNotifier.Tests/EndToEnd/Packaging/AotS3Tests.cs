using CloudTrailNotifier.Tests.EndToEnd.Cli;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.EndToEnd.Packaging;

/// <summary>The Native AOT <c>ctn</c> reads CloudTrail's log files from S3 (moto), with AWSSDK.S3 under AOT.</summary>
[Collection(AotCollection.Name)]
public sealed class AotS3Tests(PublishedExecutable published, UncheckedMoto plain) : IClassFixture<UncheckedMoto>
{
    [Fact]
    public async Task The_executable_renders_a_day_of_log_files_from_S3_and_reports_the_damaged_object()
    {
        Assert.True(published.Publish.ExitCode == 0, published.Publish.ToString());
        var moto = plain.Server;
        var bucket = new CloudTrailBucket($"ctn-aot-{Guid.NewGuid():N}"[..30]);
        await bucket.CreateAsync(moto);
        var variables = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = moto.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = moto.SecretAccessKey,
            ["AWS_REGION"] = MotoServer.Region,
            ["AWS_ENDPOINT_URL_S3"] = moto.Endpoint.ToString(),
            ["HOME"] = Path.Combine(Path.GetTempPath(), "ctn-no-home"),
        };

        var result = await ProcessRunner.RunAsync(published.ExecutablePath,
            ["render", $"s3://{bucket.Name}/", "--since", "2026-11-29", "--until", "2026-11-29", "--output", "json"], variables);

        Assert.True(result.ExitCode == 2, result.ToString());
        var day = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(bucket.EventIdsBetween(day, day.AddDays(1)), S3InputTests.EventIds(result.StandardOutput));
        Assert.Equal(S3InputTests.ExpectedDayStderr(bucket), result.ErrorLines);
    }
}
