using System.Globalization;

namespace CloudTrailNotifier.Describing;

/// <summary>
/// The organization's accounts by name, from <c>ACCOUNT_NAMES</c> (or <c>--account-names</c>), e.g.
/// <c>111111111111=prod,222222222222=staging</c>. Built once at the edge; lookups are pure. When a list is given,
/// an account that is not in it is a signal (<see cref="Signals.UnknownAccount"/>).
/// </summary>
internal sealed class AccountNames
{
    /// <summary>Longest name kept; names are the operator's, but they still end up in a subject line.</summary>
    public const int MaxNameChars = 50;

    private readonly Dictionary<string, string> _names;

    private AccountNames(Dictionary<string, string> names) => _names = names;

    /// <summary>No list: accounts show by id only and no account is unknown.</summary>
    public static AccountNames None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public bool IsEmpty => _names.Count == 0;

    public int Count => _names.Count;

    /// <summary>The account's name, or null when the list does not name it.</summary>
    public string? NameOf(string? accountId) =>
        accountId is not null && _names.TryGetValue(accountId, out var name) ? name : null;

    /// <summary>True when a list is given and <paramref name="accountId"/> (known) is not in it.</summary>
    public bool IsUnknown(string? accountId) => !IsEmpty && accountId is not null && !_names.ContainsKey(accountId);

    /// <summary>
    /// Reads <c>ID=NAME</c> pairs separated by commas (blank: no list). Returns null with a one-line error for an
    /// entry that is not twelve digits, an equals sign and a name, or for an account listed twice.
    /// </summary>
    public static AccountNames? Parse(string? list, out string? error)
    {
        error = null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var id = equals < 0 ? entry : entry[..equals].Trim();
            var name = equals < 0 ? string.Empty : entry[(equals + 1)..].Trim();
            if (equals < 0 || !IsAccountId(id))
            {
                error = $"'{Shown(entry)}' does not start with a 12-digit account id followed by '='; use 111111111111=prod,222222222222=staging";
                return null;
            }

            if (name.Length == 0 || name.Length > MaxNameChars || !name.All(IsNameChar))
            {
                error = $"the name for account {id} must be 1 to {MaxNameChars} characters without brackets, '=' or control characters";
                return null;
            }

            if (!names.TryAdd(id, name))
            {
                error = $"account {id} is listed twice";
                return null;
            }
        }

        return names.Count == 0 ? None : new AccountNames(names);
    }

    private static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);

    // Any script (a Japanese team name is fine) and punctuation; no control or invisible format characters, no
    // brackets that would read as a subject tag, no separators of the list itself. The template's AllowedPattern
    // refuses the same brackets and separators, so a deployed list cannot fail here on them.
    private static bool IsNameChar(char c) =>
        !char.IsControl(c) && c is not ('[' or ']' or ',' or '=')
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator);

    private static string Shown(string entry) => entry.Length <= 40 ? entry : entry[..40] + "...";
}
