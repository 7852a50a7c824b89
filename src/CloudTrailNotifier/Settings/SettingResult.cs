namespace CloudTrailNotifier.Settings;

/// <summary>
/// A setting read and checked, or the one line that says why not, always in the form
/// <c>NAME: what is wrong</c> where NAME is the environment variable or the command-line flag it came from.
/// </summary>
internal readonly record struct SettingResult<T>(T Value, string? Error)
{
    public bool IsValid => Error is null;

    public static SettingResult<T> Ok(T value) => new(value, null);

    public static SettingResult<T> Fail(string name, string problem) => new(default!, $"{name}: {problem}");
}
