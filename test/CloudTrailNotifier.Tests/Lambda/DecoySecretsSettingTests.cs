using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Lambda;

/// <summary>DECOY_SECRETS and --decoy-secrets reach the renderer, read only at the edges.</summary>
public sealed class DecoySecretsSettingTests
{
    private static readonly string DecoySample = Path.Combine(TestPaths.EventsDirectory, "secretsmanager-get-secret-value-decoy.json");

    [Fact]
    public void The_function_reads_decoys_from_the_environment()
    {
        var variables = new Dictionary<string, string> { ["DRY_RUN"] = "true", ["DECOY_SECRETS"] = " honeypot/db-admin, ,honeypot/api " };

        var configuration = FunctionConfiguration.Load(name => variables.GetValueOrDefault(name), out var error);

        Assert.Null(error);
        Assert.Equal(["honeypot/db-admin", "honeypot/api"], configuration!.RenderOptions.DecoySecrets.Names);
    }

    [Fact]
    public void Without_the_variable_there_are_no_decoys()
    {
        var configuration = FunctionConfiguration.Load(name => name == "DRY_RUN" ? "true" : null, out _);

        Assert.Empty(configuration!.RenderOptions.DecoySecrets.Names);
    }

    [Fact]
    public void The_command_line_flag_and_the_variable_both_make_a_decoy_read_critical()
    {
        var plain = CliRunner.Run("render", DecoySample);
        var flag = CliRunner.Run("render", DecoySample, "--decoy-secrets", "honeypot/db-admin");
        var variable = CliRunner.Run(["render", DecoySample], [], new Dictionary<string, string> { ["DECOY_SECRETS"] = "honeypot/db-admin" });

        Assert.StartsWith("Subject: GetSecretValue", plain.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Subject: [CRITICAL][DECOY] GetSecretValue on honeypot/db-admin", flag.Stdout, StringComparison.Ordinal);
        Assert.Contains("Decoy secret honeypot/db-admin was touched", flag.Stdout, StringComparison.Ordinal);
        Assert.Equal(flag.Stdout, variable.Stdout);
    }
}
