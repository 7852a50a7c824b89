using System.Text.Json;
using System.Text.Json.Nodes;
using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>
/// Credentials known by their issuer's prefix (security review 22, L6), with no key before them: the prefix stays, the
/// rest is hidden; prose, AWS identifiers and words that merely begin alike stay; the first look, which passes strings
/// by their bytes, never clears one (most of these tokens hold none of the bytes it looks for).
/// </summary>
public sealed class TextTokensTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private readonly JsonRedactor _redactor = new(Markers);

    /// <summary>A token, and its prefix that stays. Bodies start with Hunter2 and hold none of <c>: = B b J G Q ' $ &gt; %</c>.</summary>
    public static TheoryData<string, string> Tokens() => new()
    {
        { "ghp_Hunter2" + new string('a', 29), "ghp_" },
        { "gho_Hunter2" + new string('x', 29), "gho_" },
        { "ghu_Hunter2" + new string('y', 29), "ghu_" },
        { "ghs_Hunter2" + new string('z', 29), "ghs_" },
        { "ghr_Hunter2" + new string('k', 29), "ghr_" },
        { "github_pat_11AAHunter2xxxxxxxxxxx_" + new string('y', 52) + "Q7r8z9w", "github_pat_" }, // 22 _ 59
        { "xoxb-123456789012-1234567890123-Hunter2aaaaaaaaaaaaaaaaa", "xoxb-" },
        { "xoxp-123456789012-Hunter2aaaaa", "xoxp-" },
        { "xoxa-2-Hunter2aaaaaaaaaaaa", "xoxa-" },
        { "xoxr-Hunter2aaaaaaaaaaaaaa", "xoxr-" },
        { "xoxs-Hunter2aaaaaaaaaaaaaa", "xoxs-" },
        { "xoxe-1-Hunter2aaaaaaaaaaaa", "xoxe-" },
        { "xoxe.xoxp-1-Hunter2aaaaaaaaaaaa", "xoxe.xoxp-" },
        { "xapp-1-A0123-Hunter2aaaaaaaa", "xapp-" },
        { "sk_live_Hunter2aaaaaaaaaaaaaaaaaa", "sk_live_" },
        { "rk_live_Hunter2aaaaaaaaaaaaaaaaaa", "rk_live_" },
        { "sk_test_Hunter2aaaaaaaaaaaaaaaaaa", "sk_test_" },
        { "rk_test_Hunter2aaaaaaaaaaaaaaaaaa", "rk_test_" },
        { "whsec_Hunter2aaaaaaaaaaaaaaaaaaaaaaaaa", "whsec_" },
        { "AIzaSyHunter2-" + new string('a', 25), "AIza" },
        { "glpat-Hunter2aaaaaaaaaaaaa", "glpat-" },
        { "gldt-Hunter2aaaaaaaaaaaaa", "gldt-" },
        { "glrt-Hunter2aaaaaaaaaaaaa", "glrt-" },
        { "npm_Hunter2" + new string('a', 29), "npm_" },
        { "pypi-AgEIcHlwaS5vcmcCHunter2" + new string('a', 40), "pypi-AgEIcHlwaS5vcmc" },
        { "sk-proj-Hunter2aaaaaaaaaaaaaaaaa_aaaa-aaaaaaaaaaaaaaa", "sk-proj-" },
        { "sk-ant-api03-Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaa", "sk-ant-" },
        { "hvs.CAESIHunter2aaaaaaaaaaaaaaaaaaaa", "hvs." },
        { "hvb.AAAAAQHunter2aaaaaaaaaaaaaaaaaaaa", "hvb." },
        { "SG.Hunter2aaaaaaaaaaaaaaa.Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "SG." },
        { "dop_v1_Hunter2" + new string('a', 57), "dop_v1_" },
        { "shpat_Hunter2" + new string('a', 25), "shpat_" },
        { "shpss_Hunter2" + new string('a', 25), "shpss_" },
        { "hf_Hunter2" + new string('a', 27), "hf_" },
        { "dckr_pat_Hunter2aaaaaaaaaaaaaaaaaaa", "dckr_pat_" },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void A_token_in_free_text_keeps_its_prefix_and_hides_the_rest(string token, string prefix)
    {
        var hidden = prefix + $"[redacted: {token.Length - prefix.Length}]";

        Assert.Equal($"deploy/1.0 {hidden}", TextRedactor.Redact($"deploy/1.0 {token}", Markers));
        Assert.Equal($"auth failed for {hidden}; retry", TextRedactor.Redact($"auth failed for {token}; retry", Markers));
        Assert.Equal($"({hidden}).", TextRedactor.Redact($"({token}).", Markers));
        Assert.Equal(hidden, TextRedactor.Redact(token, Markers));
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void A_token_is_found_after_an_escape_a_dash_a_dot_or_a_letter_of_another_script(string token, string prefix)
    {
        var hidden = prefix + $"[redacted: {token.Length - prefix.Length}]";

        Assert.Equal($"{{\\\"ua\\\":\\\"x\\n{hidden}\\\"}}", TextRedactor.Redact($"{{\\\"ua\\\":\\\"x\\n{token}\\\"}}", Markers));
        Assert.Equal($"a%20{hidden}", TextRedactor.Redact($"a%20{token}", Markers));
        Assert.Equal($"\\u0022{hidden}\\u0022", TextRedactor.Redact($"\\u0022{token}\\u0022", Markers));
        Assert.Equal($"ci-tool/v1.0-{hidden}", TextRedactor.Redact($"ci-tool/v1.0-{token}", Markers));
        Assert.Equal($"トークン{hidden}が無効です", TextRedactor.Redact($"トークン{token}が無効です", Markers));
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void The_first_look_never_clears_a_string_that_holds_a_token(string token, string prefix)
    {
        _ = prefix;
        foreach (var json in new[]
        {
            new JsonObject { ["userAgent"] = token }.ToJsonString(),
            new JsonObject { ["userAgent"] = "deploy/1.0 " + token }.ToJsonString(),
            new JsonObject { ["errorMessage"] = "auth failed for " + token + " on " + new string('x', 600) }.ToJsonString(),
            new JsonObject { ["requestParameters"] = new JsonObject { ["items"] = new JsonArray("first", "ci " + token) } }.ToJsonString(),
        })
        {
            using var document = JsonDocument.Parse(json);
            Assert.True(_redactor.FullWalkChanges(document.RootElement), json);
            Assert.False(_redactor.FirstLookClears(document.RootElement), json);
        }
    }

    [Fact]
    public void Most_sample_tokens_hold_none_of_the_bytes_the_first_look_passes_strings_without()
    {
        // So the test above reaches the byte shortcut itself, not only the slower look for strings with such a byte.
        var plain = Tokens().Select(row => (string)row[0]).Count(token => token.AsSpan().IndexOfAny(":=BbJGQ'$>%\t") < 0);
        Assert.True(plain > Tokens().Count / 2, $"{plain} of {Tokens().Count}");
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")] // access key ids stay, as under accessKeyId
    [InlineData("ASIA3EXAMPLEADMIN001 AIDAJQABLZS4A3QDU576Q AROA3EXAMPLEROLE00001")]
    [InlineData("arn:aws:iam::111111111111:role/ghp_deployer")]
    [InlineData("arn:aws:lambda:us-east-1:111111111111:function:sk-proj-builder")]
    [InlineData("b3aa75ab-7d19-44ff-8997-4b85f2306d4a sg-0123456789abcdef0 i-0abc123def4567890")]
    [InlineData("task-proj-alphabetagammadeltaepsilon desk-ant-colonyaaaaaaaaaaaaaaaaa")]
    [InlineData("risk_live_feed_aaaaaaaaaaaaaaaaaaaaaaaaaaaa mask_test_aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("npm_config_cache npm_lifecycle_event hf_hub_download github_pat_ ghp_ xoxb- AIza")]
    [InlineData("See SG. The team. hvs.example sk-123 sk-proj-short glpat-short xoxb-short-words-here")]
    [InlineData("pk_live_Hunter2aaaaaaaaaaaaaaaaaa")] // Stripe's publishable key is public by design
    [InlineData("AIzaTooShortForAKey123")]
    [InlineData("aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux api/sts#1.30.3 exec-env/AWS_Lambda_go1.x")]
    [InlineData("ghp_" + "abcdefghijklmnopqrstuvwxyz")] // 26 characters: shorter than any GitHub token
    [InlineData("myghp_Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaaaa xghs_Hunter2aaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // inside a word
    public void Words_and_identifiers_that_only_look_alike_stay(string text) => Assert.Equal(text, TextRedactor.Redact(text, Markers));
}
