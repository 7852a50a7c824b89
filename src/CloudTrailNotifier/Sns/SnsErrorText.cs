using System.Text;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Sns;

/// <summary>
/// Makes an error text from SNS (or a proxy in front of it) safe to print, log, report to the Runtime API and keep
/// in a dead-letter record: everything from the first sign of signed material on is dropped (a
/// SignatureDoesNotMatch answer can echo the canonical request and the string to sign, which hold the
/// X-Amz-Security-Token), long token-like runs and the signing secrets themselves are blanked, and the rest is
/// one line of at most <see cref="MaxChars"/> characters.
/// </summary>
internal static class SnsErrorText
{
    public const int MaxChars = 256;

    /// <summary>The shortest run of base64 characters treated as a possible secret (a secret key has 40).</summary>
    private const int TokenRun = 40;

    private const string Removed = "[signing details removed]";

    private static readonly string[] SignedMaterialMarkers =
    [
        "canonical", "string-to-sign", "string to sign", "stringtosign", "x-amz-security-token", "x-amz-content-sha256",
        "x-amz-date", "authorization", "aws4-hmac-sha256", "aws4_request", "credential=", "signature=", "signedheaders",
        "security-token", "sessiontoken",
    ];

    /// <param name="secrets">Values that must never appear (the secret key and session token used to sign).</param>
    public static string Clean(string? text, IEnumerable<string?>? secrets = null)
    {
        var value = text ?? string.Empty;
        foreach (var secret in secrets ?? [])
        {
            if (!string.IsNullOrEmpty(secret))
            {
                value = value.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        var cut = FirstMarker(value);
        var removed = cut >= 0;
        if (removed)
        {
            value = value[..cut].TrimEnd(' ', '\t', '\r', '\n', ':', '\'', '"', '.', ',');
        }

        value = BlankTokenRuns(value);
        var oneLine = SafeText.Clean(value.ReplaceLineEndings(" ").Trim(), MaxChars, markSpaceRuns: false);
        return removed ? (oneLine.Length == 0 ? Removed : oneLine + " " + Removed) : oneLine;
    }

    /// <summary>An AWS error code as a header-safe identifier (SNS's codes are letters; anything else is dropped).</summary>
    public static string CleanCode(string code)
    {
        var clean = new string(code.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(64).ToArray());
        return clean.Length == 0 ? "UnknownError" : clean;
    }

    private static int FirstMarker(string value)
    {
        var first = -1;
        foreach (var marker in SignedMaterialMarkers)
        {
            var at = value.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    private static string BlankTokenRuns(string value)
    {
        StringBuilder? builder = null;
        var i = 0;
        while (i < value.Length)
        {
            var start = i;
            while (i < value.Length && IsBase64(value[i]))
            {
                i++;
            }

            var run = value.AsSpan(start, i - start);
            if (run.Length >= TokenRun && LooksRandom(run))
            {
                builder ??= new StringBuilder(value, 0, start, value.Length);
                builder.Append($"[redacted: {run.Length} characters]");
            }
            else
            {
                builder?.Append(run);
            }

            if (i < value.Length)
            {
                builder?.Append(value[i]);
                i++;
            }
        }

        return builder?.ToString() ?? value;
    }

    private static bool IsBase64(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';

    private static bool LooksRandom(ReadOnlySpan<char> run) =>
        run.ContainsAny("0123456789") && run.IndexOfAnyInRange('a', 'z') >= 0 && run.IndexOfAnyInRange('A', 'Z') >= 0;
}
