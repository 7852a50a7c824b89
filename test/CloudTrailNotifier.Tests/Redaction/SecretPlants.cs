using FsCheck;
using FsCheck.Fluent;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>FsCheck generators: secret-looking values planted anywhere in real events.</summary>
public static class SecretPlants
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A secret-looking value: 16 to 400 characters of base64 alphabet, never a word a notification uses.</summary>
    public static Gen<string> SecretValue() =>
        from length in Gen.Choose(16, 400)
        from chars in Gen.Elements(Base64.ToCharArray()).ArrayOf(length)
        select "Zq" + new string(chars);

    public static Arbitrary<SecretPlant> Plants() =>
        Arb.From(
            from index in Gen.Choose(0, 100_000)
            from key in Gen.Choose(0, 1_000)
            from keyCase in Gen.Choose(0, 2)
            from value in SecretValue()
            from shape in Gen.Elements(Enum.GetValues<PlantShape>())
            from target in Gen.Choose(0, 10_000)
            from cut in Gen.Choose(0, 1_000_000)
            select new SecretPlant(index, key, keyCase, value, shape, target, cut));
}
