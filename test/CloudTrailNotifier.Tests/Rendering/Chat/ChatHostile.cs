using FsCheck;
using FsCheck.Fluent;

namespace CloudTrailNotifier.Tests.Rendering.Chat;

/// <summary>FsCheck generators for text that tries to mention, link, format or break a line in Slack and Teams.</summary>
public static class ChatHostile
{
    private static readonly string[] Pieces =
    [
        "<!channel>", "<!here>", "<!everyone>", "@here", "@channel", "@everyone", " @alice", "<@U012AB3CD>", "<#C0123|general>",
        "<at>Everyone</at>", "<at id=\"0\">Boss</at>", "[click](http://evil.example/x)", "[x](https://evil.example)", "<http://evil.example|click>",
        "<https://evil.example>", "http://evil.example/", "https://evil.example", "www.evil.example", "aws-login.example.com/reset", "evil.co.uk", "javascript:alert(1)",
        "*bold*", "**bold**", "_it_", "~strike~", "`code`", "```block```", "``", "`", "> quote", "\n> quote", "# heading", "- item", "1. item",
        ":skull:", "&lt;!here&gt;", "&amp;", "|", "\\", "\\`", "\n", "\r\n", "\u2028", "\u200B", "\u202E", "日本語", "が", " ", "  ",
        "alice@example.com", EventMutation.Marker, "\n" + EventMutation.Marker, new string('A', 3000),
    ];

    public static Gen<string> Text() => Gen.Elements(Pieces).ListOf().Select(pieces => string.Concat(pieces));

    public static Arbitrary<string> Strings() => Arb.From(Text());

    public static Arbitrary<EventMutation> Mutations() =>
        Arb.From(
            from index in Gen.Choose(0, 100_000)
            from kind in Gen.Elements(MutationKind.ReplaceString, MutationKind.IdentityFieldsHostile, MutationKind.ReplaceString)
            from target in Gen.Choose(0, 10_000)
            from text in Text()
            select new EventMutation(index, kind, target, text, 0));
}
