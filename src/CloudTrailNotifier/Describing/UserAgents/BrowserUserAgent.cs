namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>
/// Reads a web browser's user agent: which browser (by the tokens that tell Chromium-based browsers apart,
/// most specific first), its major version, and the operating system.
/// </summary>
internal static class BrowserUserAgent
{
    /// <summary>True for a user agent that claims to be a browser (<c>Mozilla/...</c>, <c>Opera/...</c>).</summary>
    public static bool IsBrowser(ReadOnlySpan<char> userAgent) =>
        userAgent.StartsWith("Mozilla", StringComparison.Ordinal)
        || userAgent.StartsWith("Opera/", StringComparison.Ordinal);

    public static ClientDescription Classify(ReadOnlySpan<char> userAgent)
    {
        var os = OperatingSystem(userAgent);
        foreach (var (marker, name) in Markers)
        {
            var at = userAgent.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var version = name == "Safari" ? After(userAgent, "Version/") : userAgent[(at + marker.Length)..];
                return new ClientDescription(ClientKind.ConsoleBrowser, name, DescriptionText.MajorVersion(version), os);
            }
        }

        if (userAgent.Contains("MSIE ", StringComparison.Ordinal) || userAgent.Contains("Trident/", StringComparison.Ordinal))
        {
            var version = userAgent.Contains("MSIE ", StringComparison.Ordinal) ? After(userAgent, "MSIE ") : After(userAgent, "rv:");
            return new ClientDescription(ClientKind.ConsoleBrowser, "Internet Explorer", DescriptionText.MajorVersion(version), os);
        }

        // A browser that says nothing more (or a placeholder such as "Mozilla/5.0 (Macintosh; ...)...").
        return new ClientDescription(ClientKind.ConsoleBrowser, null, null, os);
    }

    // Order matters: Edge, Opera, Samsung, Vivaldi and Yandex also say "Chrome/" and "Safari/";
    // Chrome says "Safari/", so Safari is matched last, by "Safari/" with its version from "Version/".
    private static readonly (string Marker, string Name)[] Markers =
    [
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("Edge/", "Edge"),
        ("OPR/", "Opera"),
        ("OPT/", "Opera"),
        ("Opera/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Vivaldi/", "Vivaldi"),
        ("YaBrowser/", "Yandex Browser"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    private static ReadOnlySpan<char> After(ReadOnlySpan<char> text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? default : text[(at + marker.Length)..];
    }

    private static string? OperatingSystem(ReadOnlySpan<char> userAgent)
    {
        // iOS and Android first: their user agents also say "Mac OS X" and "Linux".
        if (userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal)
            || userAgent.Contains("iPod", StringComparison.Ordinal))
        {
            return "iOS";
        }

        if (userAgent.Contains("Android", StringComparison.Ordinal))
        {
            return "Android";
        }

        if (userAgent.Contains("CrOS", StringComparison.Ordinal))
        {
            return "ChromeOS";
        }

        if (userAgent.Contains("Windows", StringComparison.Ordinal) || userAgent.Contains("Win32", StringComparison.Ordinal)
            || userAgent.Contains("Win64", StringComparison.Ordinal))
        {
            return "Windows";
        }

        if (userAgent.Contains("Macintosh", StringComparison.Ordinal) || userAgent.Contains("Mac OS X", StringComparison.Ordinal))
        {
            return "macOS";
        }

        return userAgent.Contains("Linux", StringComparison.Ordinal) || userAgent.Contains("X11", StringComparison.Ordinal)
            ? "Linux"
            : null;
    }
}
