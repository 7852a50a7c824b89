using FsCheck;
using FsCheck.Fluent;

namespace CloudTrailNotifier.Tests.Rendering;

/// <summary>FsCheck generators for hostile text and for mutations of real events.</summary>
public static class EventMutations
{
    private static readonly string[] HostilePieces =
    [
        "\r\n", "\n", "\r", "\nSubject: [OK] nothing happened\n", "\n" + EventMutation.Marker, "\n  Result            Succeeded",
        "\u202E", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u2028", "\u2029", "\u0085", "\u001B[31m", "\t", "\0", "\u007F",
        "ü", "Zoë", "日本語", "😀", "\u3164", "\uFE0F", "\u034F", "e\u0301\u0302\u0303\u0304\u0305\u0306", "\U000E0100", "\uD800", "\uDC00", "a", "prod/db", " ", "  ", "%7B%22a%22%3A1%7D", "{\"x\":\"\\n\"}",
        new string('A', 3000),
    ];

    public static Gen<string> HostileText() =>
        Gen.Elements(HostilePieces).ListOf().Select(pieces => string.Concat(pieces));

    public static Arbitrary<EventMutation> Mutations() =>
        Arb.From(
            from index in Gen.Choose(0, 100_000)
            from kind in Gen.Elements(Enum.GetValues<MutationKind>())
            from target in Gen.Choose(0, 10_000)
            from text in HostileText()
            from amount in Gen.Choose(0, 1_000_000)
            select new EventMutation(index, kind, target, text, amount));

    public static Arbitrary<string> Strings() => Arb.From(HostileText());
}
