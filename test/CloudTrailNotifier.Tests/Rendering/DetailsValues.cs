using CloudTrailNotifier.Rendering;
using FsCheck;
using FsCheck.Fluent;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>
/// FsCheck strings for keys and values of the details: mostly printable ASCII made of the pieces addresses and ordinary
/// values are made of (schemes, colons, slashes, brackets, percent escapes, ARNs, times), some of them past the key's or
/// the value's limit, some with a dot, a space, a backslash or a letter beyond ASCII (which take the slow path).
/// </summary>
public static class DetailsValues
{
    private static readonly string[] Pieces =
    [
        "https", "http", "HTTPS", "Http", "ws", "wss", "ftp", "FTP", "s3", "xhttps", "mailto", "arn", "aws", "iam", "sts", "GetObject",
        ":", ":", ":", "::", "/", "//", "\\", "[", "]", "(", ")", "%65", "%", "-", "+", "_", "@", "#", "?", "=", "&", "'", "\"", "<", ">",
        "a", "Z", "9", "3640133122", "111111111111", "T11:15:52Z", "evil", "com", ".", " ", "   ", "é", "\u3002", "\uFE55", "\U0001D41E",
        new string('k', 100), new string('v', 500),
    ];

    private static Gen<string> Text() =>
        Gen.Elements(Pieces).ListOf().Select(pieces => string.Concat(pieces))
            .Where(text => !EmbeddedJson.MayBe(text));

    public static Arbitrary<string> Strings() => Arb.From(Text());
}
