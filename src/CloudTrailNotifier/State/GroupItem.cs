using System.Text.Json;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.State;

/// <summary>A <see cref="GroupState"/> as a DynamoDB item, times in Unix milliseconds, and back.</summary>
internal static class GroupItem
{
    /// <summary>The one partition of the sparse <c>due</c> index: only groups with folded events carry it.</summary>
    public const string DueShard = "due";

    public static void Write(Utf8JsonWriter w, GroupState s, TimeSpan keep)
    {
        DynamoJson.S(w, "pk", "group#" + s.GroupKey);
        DynamoJson.N(w, "ver", s.Version);
        DynamoJson.S(w, "account", s.Identity.Account);
        DynamoJson.S(w, "principal", s.Identity.Principal);
        DynamoJson.S(w, "eventSource", s.Identity.EventSource);
        DynamoJson.S(w, "eventName", s.Identity.EventName);
        DynamoJson.S(w, "resource", s.Identity.Resource);
        DynamoJson.S(w, "outcome", s.Identity.Outcome);
        DynamoJson.S(w, "region", s.Identity.Region);
        DynamoJson.N(w, "windowEnd", s.WindowEnd.ToUnixTimeMilliseconds());
        DynamoJson.N(w, "folded", s.Folded);
        Time(w, "firstFolded", s.FirstFolded);
        Time(w, "lastFolded", s.LastFolded);
        DynamoJson.List(w, "addresses", s.Addresses);
        DynamoJson.List(w, "userAgents", s.UserAgents);
        DynamoJson.List(w, "eventIds", s.EventIds);
        DynamoJson.Bool(w, "rateGuarded", s.RateGuarded);
        Time(w, "leaseEnd", s.LeaseEnd);
        if (s.LeaseId is not null)
        {
            DynamoJson.S(w, "leaseId", s.LeaseId);
        }

        var last = s.WindowEnd;
        if (s.DueAt is { } due)
        {
            DynamoJson.S(w, "dueShard", DueShard);
            DynamoJson.N(w, "dueAt", due.ToUnixTimeMilliseconds());
            last = due > last ? due : last;
        }

        DynamoJson.N(w, "expiresAt", (last + keep).ToUnixTimeSeconds());
    }

    public static GroupState Read(string groupKey, JsonElement item) => new(
        groupKey,
        DynamoJson.GetN(item, "ver") ?? 0,
        new GroupIdentity(
            DynamoJson.GetS(item, "account") ?? "",
            DynamoJson.GetS(item, "principal") ?? "",
            DynamoJson.GetS(item, "eventSource") ?? "",
            DynamoJson.GetS(item, "eventName") ?? "",
            DynamoJson.GetS(item, "resource") ?? "",
            DynamoJson.GetS(item, "outcome") ?? "",
            DynamoJson.GetS(item, "region") ?? ""),
        Time(item, "windowEnd") ?? DateTimeOffset.UnixEpoch,
        (int)(DynamoJson.GetN(item, "folded") ?? 0),
        Time(item, "firstFolded"),
        Time(item, "lastFolded"),
        DynamoJson.GetList(item, "addresses"),
        DynamoJson.GetList(item, "userAgents"),
        DynamoJson.GetList(item, "eventIds"),
        DynamoJson.GetBool(item, "rateGuarded"),
        Time(item, "leaseEnd"),
        DynamoJson.GetS(item, "leaseId"));

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            DynamoJson.N(w, name, time.ToUnixTimeMilliseconds());
        }
    }

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        DynamoJson.GetN(item, name) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
