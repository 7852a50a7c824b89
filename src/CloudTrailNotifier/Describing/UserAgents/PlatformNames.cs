namespace CloudTrailNotifier.Describing.UserAgents;

/// <summary>Proper names for the operating systems, language runtimes and AWS environments user agents mention.</summary>
internal static class PlatformNames
{
    /// <summary>
    /// The operating system a user-agent value names, in any of the spellings SDKs use (<c>Linux/5.10</c>,
    /// <c>os/macos#14.2</c>, <c>OS/Microsoft_Windows_10.0</c>, <c>darwin</c>); null when it names none.
    /// </summary>
    public static string? OperatingSystem(ReadOnlySpan<char> value)
    {
        if (StartsWith(value, "linux"))
        {
            return "Linux";
        }

        if (StartsWith(value, "darwin") || StartsWith(value, "macos") || StartsWith(value, "mac_os") || StartsWith(value, "osx"))
        {
            return "macOS";
        }

        if (StartsWith(value, "windows") || StartsWith(value, "microsoft_windows") || StartsWith(value, "win32") || StartsWith(value, "win64"))
        {
            return "Windows";
        }

        if (StartsWith(value, "ios") || StartsWith(value, "iphoneos"))
        {
            return "iOS";
        }

        if (StartsWith(value, "android"))
        {
            return "Android";
        }

        return StartsWith(value, "freebsd") ? "FreeBSD" : null;
    }

    /// <summary>
    /// The language runtime a product name stands for: <c>Python</c> in <c>Python/3.11.4</c> or
    /// <c>python</c> in <c>lang/python#3.11</c>; null when the name is no runtime.
    /// </summary>
    public static string? Runtime(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[16];
        if (!DescriptionText.TryLower(name, lower, out var length))
        {
            return null;
        }

        return lower[..length] switch
        {
            "python" => "Python",
            "java" => "Java",
            "go" => "Go",
            "js" => "JavaScript",
            "nodejs" or "node.js" or "node" => "Node.js",
            "bun" => "Bun",
            ".net" or ".net_core" or ".net_runtime" or ".net_framework" or "dotnet" => ".NET",
            "ruby" => "Ruby",
            "php" => "PHP",
            "rust" => "Rust",
            "kotlin" => "Kotlin",
            "swift" => "Swift",
            "cpp" or "c++" => "C++",
            _ => null,
        };
    }

    /// <summary>
    /// A short name for an <c>exec-env/...</c> value (<c>AWS_Lambda_python3.12</c> is <c>Lambda</c>);
    /// unknown environments keep their own name when it is a plain word, otherwise null.
    /// </summary>
    public static string? Environment(ReadOnlySpan<char> value)
    {
        if (value.StartsWith("AWS_Lambda", StringComparison.OrdinalIgnoreCase))
        {
            return "Lambda";
        }

        if (value.StartsWith("AWS_ECS_FARGATE", StringComparison.OrdinalIgnoreCase))
        {
            return "ECS Fargate";
        }

        if (value.StartsWith("AWS_ECS", StringComparison.OrdinalIgnoreCase))
        {
            return "ECS";
        }

        if (value.Equals("CloudShell", StringComparison.OrdinalIgnoreCase))
        {
            return "CloudShell";
        }

        return value.Length is > 0 and <= 24 && DescriptionText.IsAsciiWord(value, "_.-")
            ? value.ToString()
            : null;
    }

    private static bool StartsWith(ReadOnlySpan<char> value, string prefix) =>
        value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
