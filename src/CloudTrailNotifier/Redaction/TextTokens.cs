using System.Buffers;
using System.Text;

namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Credentials a service issues with a fixed, documented prefix (GitHub <c>ghp_</c>, Slack <c>xoxb-</c>, Stripe
/// <c>sk_live_</c>, Google <c>AIza</c>, GitLab <c>glpat-</c>, ...), known by their shape with no key before them: in a
/// user agent, an error message, any string. A token starts a word (no letter, digit or <c>_</c> before it), its prefix
/// is written exactly (case counts), at least the issuer's length of token characters follow it and they look random
/// (<see cref="TokenBodies"/>), so prose, AWS identifiers, words that merely begin alike (<c>sk-</c>, <c>SG.</c>,
/// <c>npm_config</c>) and names made of words (<c>glpat-ci-runner-registration</c>) stay. The prefix stays visible (it names
/// the kind of credential to revoke) and the rest is hidden, as a key stays before its hidden value. Pure.
/// </summary>
internal static class TextTokens
{
    /// <param name="Prefix">How the token starts, exactly.</param>
    /// <param name="MinBody">The fewest body characters after the prefix that make it a token.</param>
    private readonly record struct Shape(string Prefix, TokenBody Body, int MinBody);

    /// <summary>
    /// Each issuer's documented prefix; the minimum lengths are each issuer's documented or observed length (or below it
    /// where tokens vary), well above prose, and the body must look random (<see cref="TokenBodies"/>), not like words.
    /// </summary>
    private static readonly Shape[] Shapes =
    [
        // GitHub: personal, OAuth, user-to-server, server-to-server and refresh tokens (36 characters), fine-grained PATs (22_59).
        new("ghp_", TokenBody.Alphanumeric, 36), new("gho_", TokenBody.Alphanumeric, 36), new("ghu_", TokenBody.Alphanumeric, 36),
        new("ghs_", TokenBody.Alphanumeric, 36), new("ghr_", TokenBody.Alphanumeric, 36), new("github_pat_", TokenBody.Word, 82), // 22 _ 59

        // Slack: bot, user, app-level, refresh, legacy and configuration tokens, rotating tokens.
        new("xoxb-", TokenBody.UrlSafe, 20), new("xoxp-", TokenBody.UrlSafe, 20), new("xoxa-", TokenBody.UrlSafe, 20), new("xoxr-", TokenBody.UrlSafe, 20),
        new("xoxs-", TokenBody.UrlSafe, 20), new("xoxe-", TokenBody.UrlSafe, 20), new("xapp-", TokenBody.UrlSafe, 20),
        new("xoxe.xoxp-", TokenBody.UrlSafe, 20), new("xoxe.xoxb-", TokenBody.UrlSafe, 20),

        // Stripe: secret and restricted keys, live and test; webhook signing secrets.
        new("sk_live_", TokenBody.Alphanumeric, 24), new("rk_live_", TokenBody.Alphanumeric, 24), new("sk_test_", TokenBody.Alphanumeric, 24),
        new("rk_test_", TokenBody.Alphanumeric, 24), new("whsec_", TokenBody.Alphanumeric, 32),

        new("AIza", TokenBody.UrlSafe, 35),                                           // Google API keys (39 characters in all)
        new("glpat-", TokenBody.UrlSafe, 20), new("gldt-", TokenBody.UrlSafe, 20),         // GitLab personal access and deploy tokens
        new("glrt-", TokenBody.UrlSafe, 20), new("glptt-", TokenBody.UrlSafe, 20),         // GitLab runner and pipeline trigger tokens
        new("npm_", TokenBody.Alphanumeric, 36),                                      // npm access tokens
        new("pypi-AgEIcHlwaS5vcmc", TokenBody.UrlSafe, 40),                           // PyPI API tokens (a macaroon for pypi.org)
        new("pypi-AgENdGVzdC5weXBpLm9yZw", TokenBody.UrlSafe, 40),                    // ... for test.pypi.org
        new("sk-proj-", TokenBody.UrlSafe, 40), new("sk-svcacct-", TokenBody.UrlSafe, 40), // OpenAI project and service account keys (100+)
        new("sk-admin-", TokenBody.UrlSafe, 40), new("sk-ant-", TokenBody.UrlSafe, 40),    // OpenAI admin keys, Anthropic keys (100+)
        new("hvs.", TokenBody.UrlSafe, 24), new("hvb.", TokenBody.UrlSafe, 24), new("hvr.", TokenBody.UrlSafe, 24), // HashiCorp Vault tokens
        new("SG.", TokenBody.DottedParts, 40),                                        // SendGrid API keys: SG.<22>.<43>
        new("dop_v1_", TokenBody.Alphanumeric, 64), new("doo_v1_", TokenBody.Alphanumeric, 64), new("dor_v1_", TokenBody.Alphanumeric, 64), // DigitalOcean (64 hex)
        new("shpat_", TokenBody.Alphanumeric, 32), new("shpca_", TokenBody.Alphanumeric, 32), // Shopify admin API, custom app,
        new("shppa_", TokenBody.Alphanumeric, 32), new("shpss_", TokenBody.Alphanumeric, 32), // private app tokens, shared secrets
        new("hf_", TokenBody.Alphanumeric, 34),                                       // Hugging Face access tokens (34)
        new("dckr_pat_", TokenBody.UrlSafe, 20),                                      // Docker Hub personal access tokens
        new("glsa_", TokenBody.Word, 41),                                             // Grafana service account tokens (32 _ 8)
        new("sntrys_", TokenBody.UrlSafe, 40), new("sntryu_", TokenBody.Alphanumeric, 64), // Sentry organization and user tokens (64 hex)
        new("NRAK-", TokenBody.Alphanumeric, 27),                                     // New Relic user API keys (27)
        new("lin_api_", TokenBody.Alphanumeric, 40),                                  // Linear API keys (40)
        new("PMAK-", TokenBody.UrlSafe, 59),                                          // Postman API keys (24-34)
        new("AGE-SECRET-KEY-1", TokenBody.Alphanumeric, 50),                          // age encryption secret keys
    ];

    /// <summary>Every prefix, for tests that try each shape.</summary>
    internal static IEnumerable<string> Prefixes => Shapes.Select(shape => shape.Prefix);

    /// <summary>More body characters than any issuer's token has (the longest, PyPI's and Sentry's, have a few hundred).</summary>
    private const int MaxBody = 512;

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
    public static bool MayHold(ReadOnlySpan<char> text) => text.Length >= MinChars && FirstStart(text, text.IndexOf(Google, StringComparison.Ordinal)) >= 0;

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

    /// <summary>
    /// Where the next prefix starts at or after <paramref name="from"/>; the text's length when none does.
    /// <paramref name="googleAt"/> keeps where the next <c>AIza</c> is (the text's length when none is) from one call to
    /// the next, so text read from start to end is searched for it once, not once a prefix (start it at -1).
    /// </summary>
    public static int NextPrefix(string text, int from, ref int googleAt)
    {
        if (googleAt < from)
        {
            var found = text.AsSpan(from).IndexOf(Google, StringComparison.Ordinal);
            googleAt = found < 0 ? text.Length : from + found;
        }

        return from + FirstStart(text.AsSpan(from), googleAt - from);
    }

    /// <summary>
    /// Where the first prefix starts in the text, if before <paramref name="first"/> (where <c>AIza</c> starts, or the
    /// text's length); else <paramref name="first"/>, which is -1 when there is no bound and no prefix.
    /// </summary>
    private static int FirstStart(ReadOnlySpan<char> text, int first)
    {
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
    /// Whether a token may start at <paramref name="i"/>: not inside a word of ASCII letters (<c>myghp_</c> is a name), unless
    /// the letter before ends an escape (<c>\nghp_</c>, <c>%2Aghp_</c>, <c>\u002Aghp_</c>). A digit or <c>_</c> may come right before (<c>MY_ghp_...</c>,
    /// <c>1ghp_...</c>: a variable's name or a count written against it), and so may a letter of another script
    /// (<c>トークンghp_...</c>).
    /// </summary>
    public static bool MayStartAt(string text, int i) =>
        i == 0 || !char.IsAsciiLetter(text[i - 1])
        || TextScan.IsEscapeLetter(text, i - 1) || TextEncodedKeys.FollowsPercentEscape(text, i)
        || (i >= 6 && TextKeys.EscapeLength(text, i - 6, out _) == 6);

    /// <summary>
    /// A token at <paramref name="i"/>: where its hidden body starts (after the prefix) and where it ends. The body is read
    /// through invisible format characters and escapes of its characters (<c>ghp_A1b2\u200Bc3</c>, <c>\u0064</c>, <c>%64</c>),
    /// which a reader or a client drops; they do not count towards its length, and the whole span is hidden.
    /// </summary>
    public static bool Match(string text, int i, out int bodyStart, out int end)
    {
        bodyStart = end = i;
        Span<char> body = stackalloc char[MaxBody];
        foreach (var shape in Shapes)
        {
            if (!text.AsSpan(i).StartsWith(shape.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + shape.Prefix.Length;
            // The body is read for MaxBody characters at most: a prefix that is no token costs no more than that, however
            // long the run of token characters after it (SG.a.SG.a...); one that reaches it is a token whose whole run is hidden.
            var stop = TokenBodyReader.Read(text, start, shape.Body, body, out var read, out var cut);
            if (read.Length >= shape.MinBody && (shape.Body != TokenBody.DottedParts || HasInnerDot(read))
                && TokenBodies.LooksRandom(read))
            {
                bodyStart = start;
                end = cut ? TokenBodyReader.End(text, stop, shape.Body) : stop;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text with every token's body hidden and nothing else changed (a JSON member name), read with fullwidth forms
    /// as ASCII as the text rules read it; null when it holds none.
    /// </summary>
    public static string? HideAll(string shown, RedactionMarkers markers)
    {
        var text = TextEncodedKeys.WidthFolded(shown);
        var search = new TokenSearch();
        StringBuilder? output = null;
        var copied = 0;
        for (var i = 0; i < text.Length;)
        {
            if (search.MatchAt(text, i, out var start, out var end))
            {
                output ??= new StringBuilder(text.Length);
                output.Append(shown, copied, start - copied).Append(markers.Redacted(end - start));
                copied = i = end;
            }
            else
            {
                i = Math.Max(i + 1, search.At);
            }
        }

        return output?.Append(shown, copied, text.Length - copied).ToString();
    }

    /// <summary>A SendGrid key's two parts: a dot with at least 16 characters either side.</summary>
    private static bool HasInnerDot(ReadOnlySpan<char> body)
    {
        var dot = body.IndexOf('.');
        return dot >= 16 && body.Length - dot - 1 >= 16;
    }
}
