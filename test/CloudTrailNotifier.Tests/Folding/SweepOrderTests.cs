using CloudTrailNotifier.Folding;
using CloudTrailNotifier.State;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>
/// The order a sweep tries due digests in (round by round, each rate principal's oldest), and the 12 digits of the due
/// index's sort key that tell it whose each digest is, read back as DynamoDB gives numbers back (trailing zeros dropped).
/// </summary>
public sealed class SweepOrderTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Due_digests_take_turns_by_principal_each_principal_s_oldest_first_principals_in_the_order_of_their_oldest()
    {
        DueGroup[] due = [At("a0", "A"), At("a1", "A"), At("a2", "A"), At("b0", "B"), At("a3", "A"), At("c0", "C"), At("b1", "B"), At("old", null)];

        var order = DigestSweeper.FairOrder(due).Select(i => due[i].Key).ToList();

        Assert.Equal(["a0", "b0", "c0", "old", "a1", "b1", "a2", "a3"], order);
        Assert.Empty(DigestSweeper.FairOrder([]));
    }

    [Fact]
    public void The_due_index_s_sort_key_keeps_the_due_millisecond_and_tells_principals_apart_after_the_decimal_point()
    {
        var reader = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/app-reader");
        var scanner = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/scanner");

        var number = GroupItem.DueAt(Due, reader).N;
        var (at, share) = GroupItem.ReadDueAt(number);

        Assert.Matches(@"^1796126400000\.\d{12}$", number);
        Assert.Equal(Due, at);
        Assert.NotNull(share);
        Assert.Equal(share, GroupItem.ReadDueAt(GroupItem.DueAt(Due.AddMinutes(5), reader).N).Share);
        Assert.NotEqual(share, GroupItem.ReadDueAt(GroupItem.DueAt(Due, scanner).N).Share);

        // DynamoDB drops trailing zeros of a number; the digits read back are the same.
        Assert.Equal(("120000000000", Due), (GroupItem.ReadDueAt("1796126400000.12").Share, GroupItem.ReadDueAt("1796126400000.12").DueAt));
        Assert.Equal(("1796126400000", (string?)null), (GroupItem.DueAt(Due, null).N, GroupItem.ReadDueAt("1796126400000").Share));
    }

    private static DueGroup At(string key, string? share) => new(key, Due, share);
}
