using System.Globalization;
using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>A <see cref="GroupState"/> as a DynamoDB item, times in Unix milliseconds, and back.</summary>
internal static class GroupItem
{
    /// <summary>The one partition of the sparse <c>due</c> index: only groups with folded events carry it.</summary>
    public const string DueShard = "due";

    /// <summary>Attributes an item has only sometimes; a write that sets the whole state removes the absent ones.</summary>
    public static readonly string[] Optional = ["firstFolded", "lastFolded", "leaseEnd", "leaseId", "dueShard", "dueAt", "openedBy", "readOnly", "severity", "rateGuardOwn", "rateGuardPrincipals", "sessions", "moreSessions", "rateKey"];

    public static Dictionary<string, AttributeValue> Write(GroupState s, TimeSpan keep)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            ["pk"] = DynamoItems.S("group#" + s.GroupKey),
            ["ver"] = DynamoItems.N(s.Version),
            ["account"] = DynamoItems.S(s.Identity.Account),
            ["principal"] = DynamoItems.S(s.Identity.Principal),
            ["eventSource"] = DynamoItems.S(s.Identity.EventSource),
            ["eventName"] = DynamoItems.S(s.Identity.EventName),
            ["resource"] = DynamoItems.S(s.Identity.Resource),
            ["outcome"] = DynamoItems.S(s.Identity.Outcome),
            ["region"] = DynamoItems.S(s.Identity.Region),
            ["windowEnd"] = DynamoItems.N(s.WindowEnd.ToUnixTimeMilliseconds()),
            ["folded"] = DynamoItems.N(s.Folded),
            ["addresses"] = DynamoItems.List(s.Addresses),
            ["userAgents"] = DynamoItems.List(s.UserAgents),
            ["eventIds"] = DynamoItems.List(s.EventIds),
            ["rateGuarded"] = DynamoItems.Bool(s.RateGuarded),
        };
        Time(item, "firstFolded", s.FirstFolded);
        Time(item, "lastFolded", s.LastFolded);
        Time(item, "leaseEnd", s.LeaseEnd);
        if (s.LeaseId is not null)
        {
            item["leaseId"] = DynamoItems.S(s.LeaseId);
        }

        if (s.OpenedBy is not null)
        {
            item["openedBy"] = DynamoItems.S(s.OpenedBy);
        }

        if (s.ReadOnly is not null)
        {
            item["readOnly"] = DynamoItems.S(s.ReadOnly);
        }

        if (s.Severity is not null)
        {
            item["severity"] = DynamoItems.S(s.Severity);
        }

        if (s.RateGuardOwn)
        {
            item["rateGuardOwn"] = DynamoItems.Bool(true);
        }

        if (s.Sessions is { Count: > 0 } sessions)
        {
            item["sessions"] = DynamoItems.List(sessions);
        }

        if (s.MoreSessions is { Length: > 0 } more)
        {
            item["moreSessions"] = DynamoItems.S(more);
        }

        if (s.RateKey is not null)
        {
            item["rateKey"] = DynamoItems.S(s.RateKey);
        }

        if (s.RateGuardPrincipals > 0)
        {
            item["rateGuardPrincipals"] = DynamoItems.N(s.RateGuardPrincipals);
        }

        var last = s.WindowEnd;
        if (s.DueAt is { } due)
        {
            item["dueShard"] = DynamoItems.S(DueShard);
            item["dueAt"] = DueAt(due, s.RateKey);
            last = due > last ? due : last;
        }

        item["expiresAt"] = DynamoItems.N((last + keep).ToUnixTimeSeconds());
        return item;
    }

    public static GroupState Read(string groupKey, Dictionary<string, AttributeValue> item) => new(
        groupKey,
        DynamoItems.GetN(item, "ver") ?? 0,
        new GroupIdentity(
            DynamoItems.GetS(item, "account") ?? "",
            DynamoItems.GetS(item, "principal") ?? "",
            DynamoItems.GetS(item, "eventSource") ?? "",
            DynamoItems.GetS(item, "eventName") ?? "",
            DynamoItems.GetS(item, "resource") ?? "",
            DynamoItems.GetS(item, "outcome") ?? "",
            DynamoItems.GetS(item, "region") ?? ""),
        Time(item, "windowEnd") ?? DateTimeOffset.UnixEpoch,
        (int)(DynamoItems.GetN(item, "folded") ?? 0),
        Time(item, "firstFolded"),
        Time(item, "lastFolded"),
        DynamoItems.GetList(item, "addresses"),
        DynamoItems.GetList(item, "userAgents"),
        DynamoItems.GetList(item, "eventIds"),
        DynamoItems.GetBool(item, "rateGuarded"),
        Time(item, "leaseEnd"),
        DynamoItems.GetS(item, "leaseId"),
        DynamoItems.GetS(item, "openedBy"),
        DynamoItems.GetS(item, "readOnly"),
        DynamoItems.GetS(item, "severity"),
        DynamoItems.GetBool(item, "rateGuardOwn"),
        (int)Math.Clamp(DynamoItems.GetN(item, "rateGuardPrincipals") ?? 0, 0, int.MaxValue),
        DynamoItems.GetList(item, "sessions"),
        DynamoItems.GetS(item, "moreSessions"),
        DynamoItems.GetS(item, "rateKey"));

    /// <summary>
    /// The due index's sort key: the due time in Unix milliseconds, and after the decimal point 12 digits that stand for
    /// the group's rate principal (never all zeros). The index projects keys only (its projection cannot change in
    /// place), so this is how a sweep learns, from the query alone, whose digests it is about to send; the fraction
    /// moves the due time by less than a millisecond.
    /// </summary>
    public static AttributeValue DueAt(DateTimeOffset due, string? rateKey)
    {
        var ms = due.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return rateKey is not null && ulong.TryParse(rateKey, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var key)
            ? new AttributeValue { N = ms + "." + ((key % ShareSpace) + 1).ToString("D12", CultureInfo.InvariantCulture) }
            : DynamoItems.N(due.ToUnixTimeMilliseconds());
    }

    /// <summary>A due index entry's time and rate principal (12 digits; null for a group written without one).</summary>
    public static (DateTimeOffset DueAt, string? Share) ReadDueAt(string? number)
    {
        var dot = number?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var whole = dot >= 0 ? number![..dot] : number;
        var ms = long.TryParse(whole, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
        // DynamoDB gives numbers back without trailing zeros: the 12 digits are padded back.
        var share = dot >= 0 && number!.Length - dot - 1 is > 0 and <= 12 ? number[(dot + 1)..].PadRight(12, '0') : null;
        return (DateTimeOffset.FromUnixTimeMilliseconds(ms), share);
    }

    /// <summary>How many rate principals the due index's fraction tells apart (12 decimal digits, 0 left out).</summary>
    private const ulong ShareSpace = 999_999_999_999;

    /// <summary>The group of a stored item, or null when there is none.</summary>
    public static GroupState? ReadOrNull(string groupKey, Dictionary<string, AttributeValue>? item) =>
        item is { Count: > 0 } found ? Read(groupKey, found) : null;

    private static void Time(Dictionary<string, AttributeValue> item, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            item[name] = DynamoItems.N(time.ToUnixTimeMilliseconds());
        }
    }

    private static DateTimeOffset? Time(Dictionary<string, AttributeValue> item, string name) =>
        DynamoItems.GetN(item, name) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
