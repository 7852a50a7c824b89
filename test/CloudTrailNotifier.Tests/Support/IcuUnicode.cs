using System.Runtime.InteropServices;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// Unicode's own data, from the ICU library installed with the system (the one .NET itself uses where globalization is
/// on), for tests that hold the program's character tables to Unicode for every code point. The program runs with
/// invariant globalization, where <see cref="string.Normalize()"/> leaves text as it is, so the tests ask ICU directly:
/// its compatibility normalization (NFKC, and NFKC with case folding, as IDNA maps host names) and its binary properties.
/// </summary>
internal sealed unsafe class IcuUnicode
{
    /// <summary>ICU's UProperty for Default_Ignorable_Code_Point.</summary>
    public const int DefaultIgnorable = 5;

    /// <summary>ICU's UProperty for Noncharacter_Code_Point.</summary>
    public const int Noncharacter = 24;

    private readonly nint _nfkc;
    private readonly nint _nfkcCasefold;
    private readonly delegate* unmanaged<nint, char*, int, char*, int, int*, int> _normalize;
    private readonly delegate* unmanaged<int, int, sbyte> _hasBinaryProperty;

    private IcuUnicode(nint library, string suffix)
    {
        var getNfkc = (delegate* unmanaged<int*, nint>)NativeLibrary.GetExport(library, "unorm2_getNFKCInstance" + suffix);
        var getNfkcCasefold = (delegate* unmanaged<int*, nint>)NativeLibrary.GetExport(library, "unorm2_getNFKCCasefoldInstance" + suffix);
        _normalize = (delegate* unmanaged<nint, char*, int, char*, int, int*, int>)NativeLibrary.GetExport(library, "unorm2_normalize" + suffix);
        _hasBinaryProperty = (delegate* unmanaged<int, int, sbyte>)NativeLibrary.GetExport(library, "u_hasBinaryProperty" + suffix);
        var error = 0;
        _nfkc = getNfkc(&error);
        _nfkcCasefold = getNfkcCasefold(&error);
        if (error > 0 || _nfkc == 0 || _nfkcCasefold == 0)
        {
            throw new InvalidOperationException($"ICU gave no NFKC normalizer (error {error})");
        }
    }

    /// <summary>ICU, loaded once for all tests (it holds no state of the tests').</summary>
    public static IcuUnicode Instance { get; } = Load();

    /// <summary>The code point in NFKC and in NFKC with case folding, joined by a space.</summary>
    public string Compatibility(int codePoint)
    {
        var text = char.ConvertFromUtf32(codePoint);
        return Normalize(_nfkc, text) + " " + Normalize(_nfkcCasefold, text);
    }

    public bool Has(int codePoint, int property) => _hasBinaryProperty(codePoint, property) != 0;

    /// <summary>Every Unicode scalar value: all code points but the surrogates.</summary>
    public static IEnumerable<int> AllScalars()
    {
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is < 0xD800 or > 0xDFFF)
            {
                yield return codePoint;
            }
        }
    }

    private string Normalize(nint normalizer, string text)
    {
        Span<char> buffer = stackalloc char[64];
        var error = 0;
        int length;
        fixed (char* source = text)
        fixed (char* destination = buffer)
        {
            length = _normalize(normalizer, source, text.Length, destination, buffer.Length, &error);
        }

        if (error > 0)
        {
            throw new InvalidOperationException($"ICU could not normalize U+{char.ConvertToUtf32(text, 0):X4} (error {error})");
        }

        return new string(buffer[..length]);
    }

    private static IcuUnicode Load()
    {
        // Linux names its ICU libicuuc.so.NN and its functions name_NN (the major version); macOS has one unversioned library.
        var candidates = new List<string>();
        for (var version = 99; version >= 50; version--)
        {
            candidates.Add($"libicuuc.so.{version}");
        }

        candidates.AddRange(["libicuuc.so", "/usr/lib/libicucore.dylib", "icuuc.dll", "icu.dll"]);
        foreach (var name in candidates)
        {
            if (!NativeLibrary.TryLoad(name, out var library))
            {
                continue;
            }

            foreach (var suffix in Suffixes(name))
            {
                if (NativeLibrary.TryGetExport(library, "u_hasBinaryProperty" + suffix, out _))
                {
                    return new IcuUnicode(library, suffix);
                }
            }
        }

        throw new InvalidOperationException("These tests read Unicode's data from ICU (libicuuc), which .NET installs with: none was found.");
    }

    private static IEnumerable<string> Suffixes(string name)
    {
        var dot = name.LastIndexOf(".so.", StringComparison.Ordinal);
        if (dot >= 0)
        {
            yield return "_" + name[(dot + 4)..];
        }
        else
        {
            for (var version = 99; version >= 50; version--)
            {
                yield return "_" + version;
            }
        }

        yield return string.Empty;
    }
}
