namespace CloudTrailNotifier.Redaction;

/// <summary>
/// Secrets in a URL, found at its <c>://</c>: the password in its user information (<see cref="TextShapes.MatchUrlPassword"/>),
/// a token written as the whole user information (<c>https://TOKEN@host</c>: a Sentry DSN's key, a Git token), and the
/// path of an incoming-webhook URL, which is its credential (Slack <c>hooks.slack.com/services/T../B../TOKEN</c>,
/// Discord, Microsoft Teams). Pure.
/// </summary>
internal static class TextUrls
{
    /// <summary>Hosts (and path starts) whose URL path after them is a webhook's secret.</summary>
    private static readonly string[] WebhookPrefixes =
        ["hooks.slack.com/", "discord.com/api/webhooks/", "discordapp.com/api/webhooks/", "webhook.office.com/webhookb2/"];

    /// <summary>The shortest webhook path taken for a secret.</summary>
    private const int MinWebhookChars = 8;

    /// <summary>User information without a password is a token when this long, or <see cref="MinTokenWithDigit"/> with a digit.</summary>
    private const int MinToken = 20;

    private const int MinTokenWithDigit = 12;

    /// <summary>How far after <c>://</c> the <c>@</c> of user information is looked for.</summary>
    private const int MaxUserInfoChars = 512;

    /// <summary>At the <c>://</c> at <paramref name="i"/>: the span of a secret in the URL, if it has one.</summary>
    public static bool Match(string text, int i, out int start, out int end) =>
        TextShapes.MatchUrlPassword(text, i, out start, out end)
        || MatchWebhook(text, i, out start, out end)
        || MatchUserToken(text, i, out start, out end);

    private static bool MatchWebhook(string text, int i, out int start, out int end)
    {
        start = end = 0;
        var host = i + TextShapes.SchemeSeparator.Length;
        if (!text.AsSpan(i).StartsWith(TextShapes.SchemeSeparator, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var prefix in WebhookPrefixes)
        {
            if (text.AsSpan(host).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                start = host + prefix.Length;
                end = start;
                while (end < text.Length && !IsUrlEnd(text[end]) && text[end] is not ('?' or '#'))
                {
                    end++;
                }

                return end - start >= MinWebhookChars;
            }
        }

        return false;
    }

    private static bool MatchUserToken(string text, int i, out int start, out int end)
    {
        start = end = 0;
        if (!text.AsSpan(i).StartsWith(TextShapes.SchemeSeparator, StringComparison.Ordinal))
        {
            return false;
        }

        var first = i + TextShapes.SchemeSeparator.Length;
        var limit = Math.Min(text.Length, first + MaxUserInfoChars);
        var at = first;
        var digit = false;
        while (at < limit && text[at] != '@')
        {
            if (IsUrlEnd(text[at]) || text[at] is '/' or '?' or '#' or ':')
            {
                return false;
            }

            digit |= char.IsAsciiDigit(text[at]);
            at++;
        }

        var length = at - first;
        if (at >= limit || !(length >= MinToken || (digit && length >= MinTokenWithDigit)))
        {
            return false;
        }

        start = first;
        end = at;
        return true;
    }

    private static bool IsUrlEnd(char c) => c is ' ' or '\t' or '\r' or '\n' or '"' or '\'' or '\\' or '<' or '>' or '`';
}
