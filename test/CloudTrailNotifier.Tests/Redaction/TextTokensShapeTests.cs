using System.Diagnostics;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Review 23: names that begin with a token's prefix stay (T3), a prefix that is not a token does not hide the tokens after
/// it in the same word (T2), and text full of prefixes is read in linear time (T7).
/// </summary>
public sealed class TextTokensShapeTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private const string Ghp = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    [Theory]
    [InlineData("arn:aws:secretsmanager:eu-west-1:111111111111:secret:github_pat_organization_automation-AbCdEf")]
    [InlineData("github_pat_org_admin_automation_bot")]
    [InlineData("glpat-ci-runner-registration")]
    [InlineData("prod/xoxb-alerting-bot-token xoxb-slack-admin-bot-token-prod")]
    [InlineData("arn:aws:iam::111111111111:role/sk-proj-analytics-pipeline-prod")]
    [InlineData("arn:aws:iam::111111111111:role/sk-proj-analytics-pipeline-prod-2024-v2-eu-west-1")]
    [InlineData("hf_modelartifactsbucketprod2024xx hvs.internal-service-dashboard glsa_monitoring_stack_dashboards_ro")]
    [InlineData("npm_configregistryhttpsregistrynpmjsorgxxxxxx")]
    [InlineData("payments/sk_live_PaymentsMaster01 sk_live_PaymentsMasterKeyForProduction")]
    [InlineData("glpat-ReleaseRunnerRegistration-Production dckr_pat_BuildCacheReadOnlyAccess")]
    public void Names_made_of_words_after_a_prefix_stay(string text) => Assert.Equal(text, TextRedactor.Redact(text, Markers));

    [Theory]
    [InlineData(Ghp, 4)]
    [InlineData("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", 5)]
    [InlineData("rk_live_A1b2C3d4E5f6G7h8I9j0K1l2", 8)]
    [InlineData("github_pat_11ABCDEFG0a1b2c3d4e5f6g7_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", 11)]
    [InlineData("glpat-xK3mN9pQ2rT5vW8yZ1aB", 6)]
    [InlineData("hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567", 3)]
    [InlineData("NRAK-7JQ2M9XK4BVW8PLT3HZC6YDRF5N", 5)]
    public void Tokens_of_the_issuers_shape_are_still_hidden(string token, int prefix)
    {
        var hidden = token[..prefix] + $"[redacted: {token.Length - prefix}]";

        Assert.Equal($"see {hidden} now", TextRedactor.Redact($"see {token} now", Markers));
    }

    [Theory]
    [InlineData("Q7r8A1b2C3d4", true)]
    [InlineData("AbCdEfGhIjKlMnOp", true)]
    [InlineData("ci-runner-registration", false)]
    [InlineData("PaymentsMaster01", false)]
    [InlineData("analytics-pipeline-prod-2024-v2", false)]
    [InlineData("PRODUCTION_DATABASE", false)]
    [InlineData("bucket2024-api03", false)]
    [InlineData("prod2024x-runner", true)] // digits among letters, 9 characters
    public void A_body_looks_random_when_one_long_part_is_not_written_as_words(string body, bool random) =>
        Assert.Equal(random, TokenBodies.LooksRandom(body));

    [Theory]
    [InlineData("ghp_abc-" + Ghp, "ghp_abc-")]
    [InlineData("SG.x." + Ghp, "SG.x.")]
    [InlineData("AIzaSy." + Ghp, "AIzaSy.")]
    [InlineData("xoxb-1." + Ghp, "xoxb-1.")]
    [InlineData("ghp_A1b2C3d4E5-" + Ghp, "ghp_A1b2C3d4E5-")]
    [InlineData("npm_i." + Ghp, "npm_i.")]
    [InlineData("see ghp_abc/" + Ghp, "see ghp_abc/")]
    [InlineData("v1.0-ghp_x-xoxb-1." + Ghp, "v1.0-ghp_x-xoxb-1.")]
    public void A_prefix_that_is_no_token_does_not_hide_a_token_later_in_the_word(string text, string kept) =>
        Assert.Equal(kept + "ghp_[redacted: 36]", TextRedactor.Redact(text, Markers));

    [Fact]
    public void A_token_after_a_failed_slack_prefix_in_the_same_word_is_hidden()
    {
        const string Slack = "xoxb-123456789012-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

        Assert.Equal("hf_x.xoxb-[redacted: 49]", TextRedactor.Redact("hf_x." + Slack, Markers));
    }

    [Theory]
    [InlineData("xghp_")]
    [InlineData("1ghp_")]
    [InlineData("ghp_x ")]
    [InlineData("SG.a.")]
    public void Text_full_of_prefixes_that_are_no_tokens_is_read_in_linear_time(string unit)
    {
        // A million characters: the search for AIza over the rest of the text once a prefix took minutes at this size.
        var text = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length)) + " " + Ghp;

        var watch = Stopwatch.StartNew();
        var redacted = TextRedactor.Redact(text, Markers);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed.TotalSeconds:F1} s");
        Assert.EndsWith(" ghp_[redacted: 36]", redacted, StringComparison.Ordinal);
    }
}
