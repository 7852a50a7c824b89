using System.Buffers;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Environment-variable names (upper-case words joined by <c>_</c>: <c>OPENAI_KEY</c>, <c>GITHUB_PAT</c>,
/// <c>SLACK_WEBHOOK</c>, <c>NPM_AUTH</c>, <c>SENTRY_DSN</c>), as map keys (Lambda, SageMaker, App Runner) and as the names
/// of name/value lists (ECS, Batch, CodeBuild): the last word says the value is a credential.
/// </summary>
internal static partial class RedactionRules
{
    /// <summary>The last word of an environment-variable name that holds a secret (trailing digits left out).</summary>
    public static readonly string[] EnvSecretLastWords = ["KEY", "PAT", "WEBHOOK", "AUTH", "DSN"];

    /// <summary>
    /// Words the text rules' first look searches for so that text naming only such keys is read (<c>"STRIPE_KEY":"..."</c> in
    /// an error message, <c>&lt;pre_shared_key&gt;</c> in a VPN configuration).
    /// </summary>
    public static readonly string[] TextTriggerWords = ["_key", "_pat", "_dsn", "_webhook", "shared"];

    /// <summary>The word before <c>KEY</c> that makes it no secret: <c>SSH_PUBLIC_KEY</c>, <c>KMS_KEY</c> (a key's id or ARN).</summary>
    private static readonly string[] EnvKeptWordsBeforeKey = ["PUBLIC", "KMS"];

    private static readonly SearchValues<char> EnvNameChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>Whether a decoded key is an environment-variable name of two words or more whose last word names a secret.</summary>
    private static bool IsEnvStyleSecret(ReadOnlySpan<char> decoded)
    {
        if (decoded.Length < 5 || decoded.ContainsAnyExcept(EnvNameChars))
        {
            return false;
        }

        var name = decoded.TrimEnd("0123456789_");
        var separator = name.LastIndexOf('_');
        if (separator <= 0)
        {
            return false;
        }

        var last = name[(separator + 1)..];
        var before = name[..separator];
        var previous = before[(before.LastIndexOf('_') + 1)..];
        foreach (var word in EnvSecretLastWords)
        {
            if (last.SequenceEqual(word))
            {
                return !(word == "KEY" && IsOneOf(previous, EnvKeptWordsBeforeKey));
            }
        }

        return false;
    }
}
