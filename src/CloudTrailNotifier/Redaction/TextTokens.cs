using System.Buffers;
using System.Text;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Credentials a service issues with a fixed, documented prefix (GitHub <c>ghp_</c>, Slack <c>xoxb-</c>, Stripe
/// <c>sk_live_</c>, Google <c>AIza</c>, GitLab <c>glpat-</c>, ...), known by their shape with no key before them: in a
/// user agent, an error message, any string. A token starts a word (no letter, digit or <c>_</c> before it), its prefix
/// is written exactly (case counts) and at least so many token characters follow it, so prose, AWS identifiers and
/// words that merely begin alike (<c>sk-</c>, <c>SG.</c>, <c>npm_config</c>) stay. The prefix stays visible (it names
/// the kind of credential to revoke) and the rest is hidden, as a key stays before its hidden value. Pure.
/// </summary>
internal static class TextTokens
{
    /// <summary>The characters a token's body may hold, by kind.</summary>
    private enum Body
    {
        /// <summary>Letters and digits.</summary>
        Alphanumeric,

        /// <summary>Letters, digits and <c>_</c>.</summary>
        Word,

        /// <summary>Letters, digits, <c>_</c> and <c>-</c> (base64url).</summary>
        UrlSafe,

        /// <summary>Base64url parts joined by dots (SendGrid <c>SG.id.secret</c>): at least two dots' worth of parts.</summary>
        DottedParts,
    }

    /// <param name="Prefix">How the token starts, exactly.</param>
    /// <param name="MinBody">The fewest body characters after the prefix that make it a token.</param>
    private readonly record struct Shape(string Prefix, Body Body, int MinBody);

    /// <summary>Each issuer's documented prefix; the minimum lengths are below every real token's and well above prose.</summary>
    private static readonly Shape[] Shapes =
    [
        // GitHub: personal, OAuth, user-to-server, server-to-server and refresh tokens (36 characters), fine-grained PATs.
        new("ghp_", Body.Alphanumeric, 30), new("gho_", Body.Alphanumeric, 30), new("ghu_", Body.Alphanumeric, 30),
        new("ghs_", Body.Alphanumeric, 30), new("ghr_", Body.Alphanumeric, 30), new("github_pat_", Body.Word, 22),

        // Slack: bot, user, app-level, refresh, legacy and configuration tokens, rotating tokens.
        new("xoxb-", Body.UrlSafe, 20), new("xoxp-", Body.UrlSafe, 20), new("xoxa-", Body.UrlSafe, 20), new("xoxr-", Body.UrlSafe, 20),
        new("xoxs-", Body.UrlSafe, 20), new("xoxe-", Body.UrlSafe, 20), new("xapp-", Body.UrlSafe, 20),
        new("xoxe.xoxp-", Body.UrlSafe, 20), new("xoxe.xoxb-", Body.UrlSafe, 20),

        // Stripe: secret and restricted keys, live and test; webhook signing secrets.
        new("sk_live_", Body.Alphanumeric, 16), new("rk_live_", Body.Alphanumeric, 16), new("sk_test_", Body.Alphanumeric, 16),
        new("rk_test_", Body.Alphanumeric, 16), new("whsec_", Body.Alphanumeric, 24),

        new("AIza", Body.UrlSafe, 35),                                           // Google API keys (39 characters in all)
        new("glpat-", Body.UrlSafe, 20), new("gldt-", Body.UrlSafe, 20),         // GitLab personal access and deploy tokens
        new("glrt-", Body.UrlSafe, 20), new("glptt-", Body.UrlSafe, 20),         // GitLab runner and pipeline trigger tokens
        new("npm_", Body.Alphanumeric, 36),                                      // npm access tokens
        new("pypi-AgEIcHlwaS5vcmc", Body.UrlSafe, 40),                           // PyPI API tokens (a macaroon for pypi.org)
        new("pypi-AgENdGVzdC5weXBpLm9yZw", Body.UrlSafe, 40),                    // ... for test.pypi.org
        new("sk-proj-", Body.UrlSafe, 20), new("sk-svcacct-", Body.UrlSafe, 20), // OpenAI project and service account keys
        new("sk-admin-", Body.UrlSafe, 20), new("sk-ant-", Body.UrlSafe, 20),    // OpenAI admin keys, Anthropic keys
        new("hvs.", Body.UrlSafe, 24), new("hvb.", Body.UrlSafe, 24), new("hvr.", Body.UrlSafe, 24), // HashiCorp Vault tokens
        new("SG.", Body.DottedParts, 40),                                        // SendGrid API keys: SG.<22>.<43>
        new("dop_v1_", Body.Alphanumeric, 40), new("doo_v1_", Body.Alphanumeric, 40), new("dor_v1_", Body.Alphanumeric, 40), // DigitalOcean
        new("shpat_", Body.Alphanumeric, 32), new("shpca_", Body.Alphanumeric, 32), // Shopify admin API, custom app,
        new("shppa_", Body.Alphanumeric, 32), new("shpss_", Body.Alphanumeric, 32), // private app tokens, shared secrets
        new("hf_", Body.Alphanumeric, 30),                                       // Hugging Face access tokens
        new("dckr_pat_", Body.UrlSafe, 20),                                      // Docker Hub personal access tokens
        new("glsa_", Body.Word, 30),                                             // Grafana service account tokens
        new("sntrys_", Body.UrlSafe, 40), new("sntryu_", Body.Alphanumeric, 40), // Sentry organization and user tokens
        new("NRAK-", Body.Alphanumeric, 20),                                     // New Relic user API keys
        new("lin_api_", Body.Alphanumeric, 32),                                  // Linear API keys
        new("PMAK-", Body.UrlSafe, 40),                                          // Postman API keys
        new("AGE-SECRET-KEY-1", Body.Alphanumeric, 50),                          // age encryption secret keys
    ];

    /// <summary>Every prefix, for tests that try each shape.</summary>
    internal static IEnumerable<string> Prefixes => Shapes.Select(shape => shape.Prefix);

    /// <summary>The fewest characters any token has: shorter text holds none.</summary>
    public static readonly int MinChars = Shapes.Min(shape => shape.Prefix.Length + shape.MinBody);

    /// <summary>The one prefix without a separator; every other holds <c>_</c>, <c>-</c> or <c>.</c>, found by its first one.</summary>
    private const string Google = "AIza";

    private const string Separators = "_-.";

    private static readonly SearchValues<char> SeparatorChars = SearchValues.Create(Separators);

    private static readonly SearchValues<byte> SeparatorBytes = SearchValues.Create("_-."u8);

    /// <summary>
    /// The prefixes by their first separator and the character before it (<c>ghp_</c> under <c>_</c> and <c>p</c>), with the
    /// separator's offset: one search for three characters and a look-up per hit cost less than a search for every prefix.
    /// </summary>
    private static readonly (int Offset, string Prefix)[]?[] Anchors = BuildAnchors();

    /// <summary>The largest offset of a prefix's first separator.</summary>
    private static readonly int MaxOffset = Shapes.Max(shape => Math.Max(0, shape.Prefix.AsSpan().IndexOfAny(Separators)));

    private static (int Offset, string Prefix)[]?[] BuildAnchors()
    {
        var anchors = new (int Offset, string Prefix)[]?[Separators.Length * 128];
        foreach (var prefix in Shapes.Select(shape => shape.Prefix).Distinct())
        {
            var offset = prefix.AsSpan().IndexOfAny(Separators);
            if (offset > 0)
            {
                var slot = (Separators.IndexOf(prefix[offset], StringComparison.Ordinal) * 128) + prefix[offset - 1];
                anchors[slot] = [.. anchors[slot] ?? [], (offset, prefix)];
            }
        }

        return anchors;
    }

    /// <summary>Whether the text holds a token's prefix anywhere (the first look; <see cref="Match"/> decides).</summary>
    public static bool MayHold(ReadOnlySpan<char> text) => text.Length >= MinChars && FirstStart(text) >= 0;

    /// <summary>The same for ASCII text as UTF-8 (an unescaped JSON string).</summary>
    public static bool MayHoldAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length < MinChars)
        {
            return false;
        }

        if (ascii.IndexOf("AIza"u8) >= 0)
        {
            return true;
        }

        for (var at = ascii.IndexOfAny(SeparatorBytes); at >= 0;)
        {
            if (at > 0 && ascii[at - 1] < 128 && Anchors[(Separators.IndexOf((char)ascii[at], StringComparison.Ordinal) * 128) + ascii[at - 1]] is { } candidates)
            {
                foreach (var (offset, prefix) in candidates)
                {
                    if (at >= offset && ascii.Length - (at - offset) >= prefix.Length && Ascii.Equals(ascii.Slice(at - offset, prefix.Length), prefix))
                    {
                        return true;
                    }
                }
            }

            var next = ascii[(at + 1)..].IndexOfAny(SeparatorBytes);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>Where the next prefix starts at or after <paramref name="from"/>; the text's length when none does.</summary>
    public static int NextPrefix(string text, int from)
    {
        var at = FirstStart(text.AsSpan(from));
        return at < 0 ? text.Length : from + at;
    }

    /// <summary>Where the first prefix starts in the text; -1 when none does.</summary>
    private static int FirstStart(ReadOnlySpan<char> text)
    {
        var first = text.IndexOf(Google, StringComparison.Ordinal);
        for (var at = text.IndexOfAny(SeparatorChars); at >= 0 && (first < 0 || at - MaxOffset < first);)
        {
            if (at > 0 && text[at - 1] < 128 && Anchors[(Separators.IndexOf(text[at], StringComparison.Ordinal) * 128) + text[at - 1]] is { } candidates)
            {
                foreach (var (offset, prefix) in candidates)
                {
                    var start = at - offset;
                    if (start >= 0 && (first < 0 || start < first) && text[start..].StartsWith(prefix, StringComparison.Ordinal))
                    {
                        first = start;
                    }
                }
            }

            var next = text[(at + 1)..].IndexOfAny(SeparatorChars);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return first;
    }

    /// <summary>
    /// Whether a token may start at <paramref name="i"/>: not inside a word of ASCII letters, digits and <c>_</c>, unless
    /// the character before ends an escape (<c>\nghp_</c>, <c>%20ghp_</c>, <c>\u0022ghp_</c>). A letter of another script
    /// may come right before (<c>トークンghp_...</c>).
    /// </summary>
    public static bool MayStartAt(string text, int i) =>
        i == 0 || !(char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '_')
        || TextScan.IsEscapeLetter(text, i - 1) || TextEncodedKeys.FollowsPercentEscape(text, i)
        || (i >= 6 && TextKeys.EscapeLength(text, i - 6, out _) == 6);

    /// <summary>A token at <paramref name="i"/>: where its hidden body starts (after the prefix) and where it ends.</summary>
    public static bool Match(string text, int i, out int bodyStart, out int end)
    {
        bodyStart = end = i;
        foreach (var shape in Shapes)
        {
            if (!text.AsSpan(i).StartsWith(shape.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + shape.Prefix.Length;
            var stop = BodyEnd(text, start, shape.Body);
            if (stop - start >= shape.MinBody && (shape.Body != Body.DottedParts || HasInnerDot(text, start, stop)))
            {
                bodyStart = start;
                end = stop;
                return true;
            }
        }

        return false;
    }

    private static int BodyEnd(string text, int start, Body body)
    {
        var p = start;
        while (p < text.Length && IsBodyChar(text[p], body))
        {
            p++;
        }

        // A full stop or a dash that ends a sentence or a word is not part of the token.
        while (body is Body.DottedParts or Body.UrlSafe && p > start && text[p - 1] is '.' or '-')
        {
            p--;
        }

        return p;
    }

    private static bool IsBodyChar(char c, Body body) => char.IsAsciiLetterOrDigit(c) || body switch
    {
        Body.Word => c == '_',
        Body.UrlSafe => c is '_' or '-',
        Body.DottedParts => c is '_' or '-' or '.',
        _ => false,
    };

    /// <summary>A SendGrid key's two parts: a dot with at least 16 characters either side.</summary>
    private static bool HasInnerDot(string text, int start, int end)
    {
        var dot = text.AsSpan(start, end - start).IndexOf('.');
        return dot >= 16 && end - start - dot - 1 >= 16;
    }
}
