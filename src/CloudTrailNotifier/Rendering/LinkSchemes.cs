namespace CloudTrailNotifier.Rendering;

/// <summary>The address schemes that mail and chat clients turn into links, as the defanging of both outputs sees them.</summary>
internal static class LinkSchemes
{
    /// <summary>
    /// Whether the text before a <c>://</c> ends in a web scheme (http, https, ftp, ftps), also inside a word
    /// (<c>xhttp://</c> links too); <c>s3://</c> does not.
    /// </summary>
    public static bool EndsWithWebScheme(ReadOnlySpan<char> before) =>
        before.EndsWith("http", StringComparison.OrdinalIgnoreCase) || before.EndsWith("https", StringComparison.OrdinalIgnoreCase)
        || before.EndsWith("ftp", StringComparison.OrdinalIgnoreCase) || before.EndsWith("ftps", StringComparison.OrdinalIgnoreCase);
}
