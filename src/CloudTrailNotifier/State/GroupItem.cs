using Amazon.DynamoDBv2.Model;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>A <see cref="GroupState"/> as a DynamoDB item, times in Unix milliseconds, and back.</summary>
internal static class GroupItem
{
    /// <summary>The one partition of the sparse <c>due</c> index: only groups with folded events carry it.</summary>
    public const string DueShard = "due";

    /// <summary>Attributes an item has only sometimes; a write that sets the whole state removes the absent ones.</summary>
    public static readonly string[] Optional = ["firstFolded", "lastFolded", "leaseEnd", "leaseId", "dueShard", "dueAt", "openedBy", "readOnly", "severity", "rateGuardOwn", "rateGuardPrincipals", "sessions"];

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

        if (s.RateGuardPrincipals > 0)
        {
            item["rateGuardPrincipals"] = DynamoItems.N(s.RateGuardPrincipals);
        }

        var last = s.WindowEnd;
        if (s.DueAt is { } due)
        {
            item["dueShard"] = DynamoItems.S(DueShard);
            item["dueAt"] = DynamoItems.N(due.ToUnixTimeMilliseconds());
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
        DynamoItems.GetList(item, "sessions"));

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
