using CloudTrailNotifier.Folding;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Folding;

/// <summary>The pure folding rules, with window arithmetic on a fake clock.</summary>
public sealed class FoldDeciderTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(900);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_first_event_is_sent_and_opens_a_window()
    {
        var decision = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, rateAllows: true);

        Assert.Equal(FoldDecisionKind.SendNow, decision.Kind);
        Assert.Equal(_clock.GetUtcNow() + Window, decision.NewState.WindowEnd);
        Assert.Equal(0, decision.NewState.Folded);
        Assert.Null(decision.NewState.DueAt);
    }

    [Fact]
    public void Repeats_inside_the_window_fold_with_first_and_last_time_and_bounded_details()
    {
        var state = FoldDecider.Decide(null, Event("e0"), _clock.GetUtcNow(), Window, true).NewState;
        for (var i = 1; i <= 8; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(100));
            var decision = FoldDecider.Decide(state, Event($"e{i}", address: $"10.0.0.{i % 3}"), _clock.GetUtcNow(), Window, true);
            Assert.Equal(FoldDecisionKind.Fold, decision.Kind);
            state = decision.NewState;
        }

        Assert.Equal(8, state.Folded);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 1, 40, TimeSpan.Zero), state.FirstFolded);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 13, 20, TimeSpan.Zero), state.LastFolded);
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], state.EventIds);
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.0"], state.Addresses);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero), state.DueAt);
        Assert.False(state.IsDue(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(100));
        Assert.True(state.IsDue(_clock.GetUtcNow()));
    }

    [Fact]
    public void The_event_a_window_was_opened_for_is_sent_again_on_its_retry_and_others_still_fold()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, true).NewState;
        _clock.Advance(TimeSpan.FromSeconds(20));

        var retry = FoldDecider.Decide(state, Event("e1"), _clock.GetUtcNow(), Window, true);
        var other = FoldDecider.Decide(state, Event("e2"), _clock.GetUtcNow(), Window, true);

        Assert.Equal("e1", state.OpenedBy);
        Assert.Equal((FoldDecisionKind.SendNow, 0, state.WindowEnd), (retry.Kind, retry.NewState.Folded, retry.NewState.WindowEnd));
        Assert.Equal((FoldDecisionKind.Fold, 1, "e1"), (other.Kind, other.NewState.Folded, other.NewState.OpenedBy));
    }

    [Fact]
    public void A_retry_the_rate_guard_holds_back_folds_and_no_longer_counts_as_sent()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, true).NewState;

        var held = FoldDecider.Decide(state, Event("e1"), _clock.GetUtcNow(), Window, rateAllows: false);

        Assert.Equal(FoldDecisionKind.Fold, held.Kind);
        Assert.Null(held.NewState.OpenedBy);
        Assert.True(held.NewState.RateGuarded);
    }

    [Fact]
    public void After_the_window_with_nothing_folded_the_next_event_is_sent_again()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, true).NewState;
        _clock.Advance(Window);

        Assert.Equal(FoldDecisionKind.SendNow, FoldDecider.Decide(state, Event("e2"), _clock.GetUtcNow(), Window, true).Kind);
    }

    [Fact]
    public void An_event_after_the_window_joins_a_digest_still_waiting_for_the_sweep()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, true).NewState;
        state = FoldDecider.Decide(state, Event("e2"), _clock.GetUtcNow(), Window, true).NewState;
        _clock.Advance(Window + TimeSpan.FromSeconds(30));

        var late = FoldDecider.Decide(state, Event("e3"), _clock.GetUtcNow(), Window, true);

        Assert.Equal((FoldDecisionKind.Fold, 2), (late.Kind, late.NewState.Folded));
    }

    [Fact]
    public void The_rate_guard_folds_a_first_event_and_marks_the_digest()
    {
        var decision = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, rateAllows: false);

        Assert.Equal(FoldDecisionKind.Fold, decision.Kind);
        Assert.True(decision.NewState.RateGuarded);
        Assert.Equal(1, decision.NewState.Folded);
        Assert.Equal(_clock.GetUtcNow() + Window, decision.NewState.DueAt);
    }

    [Fact]
    public void A_claimed_digest_is_not_due_for_another_sweep_until_its_lease_ends()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, true).NewState;
        state = FoldDecider.Decide(state, Event("e2"), _clock.GetUtcNow(), Window, true).NewState;
        _clock.Advance(Window);

        var claimed = FoldDecider.Claim(state, _clock.GetUtcNow(), DigestSweeper.Lease, "sweep-a")!;

        Assert.Null(FoldDecider.Claim(claimed, _clock.GetUtcNow(), DigestSweeper.Lease, "sweep-b"));
        _clock.Advance(DigestSweeper.Lease);
        Assert.NotNull(FoldDecider.Claim(claimed, _clock.GetUtcNow(), DigestSweeper.Lease, "sweep-b"));
    }

    [Fact]
    public void After_a_digest_only_what_folded_since_the_claim_stays()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, true).NewState;
        state = FoldDecider.Decide(state, Event("e2"), _clock.GetUtcNow(), Window, true).NewState;
        _clock.Advance(Window);
        var claimed = FoldDecider.Claim(state, _clock.GetUtcNow(), DigestSweeper.Lease, "sweep")!;
        var meanwhile = FoldDecider.Decide(claimed, Event("e3"), _clock.GetUtcNow(), Window, true).NewState;

        var after = FoldDecider.AfterDigest(meanwhile, claimed);

        Assert.Equal((1, (string?)null), (after.Folded, after.LeaseId));
        Assert.Equal(FoldDecisionKind.SendNow, FoldDecider.Decide(FoldDecider.AfterDigest(claimed, claimed), Event("e4"),
            _clock.GetUtcNow(), Window, true).Kind);
    }

    [Fact]
    public void No_digest_waits_longer_than_a_day()
    {
        var state = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), TimeSpan.FromDays(3), true).NewState;
        state = FoldDecider.Decide(state, Event("e2"), _clock.GetUtcNow(), TimeSpan.FromDays(3), true).NewState;

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromDays(1), state.DueAt);
    }

    [Theory]
    [InlineData(-60, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(60, 0, false)]
    [InlineData(-60, 3, false)]
    [InlineData(60, 3, false)]
    public void The_stores_open_window_condition_is_exactly_the_decision_to_send_at_once(int windowEndsIn, int folded, bool opens)
    {
        var now = _clock.GetUtcNow();
        var state = FoldDecider.Decide(null, Event("e0"), now.AddHours(-1), Window, true).NewState
            with { Version = 4, WindowEnd = now.AddSeconds(windowEndsIn), Folded = folded, FirstFolded = folded > 0 ? now.AddMinutes(-5) : null };

        var decision = FoldDecider.Decide(state, Event("e1"), now, Window, rateAllows: true);
        var opened = FoldDecider.Opened(Event("e1"), now, Window);

        Assert.Equal(opens, FoldDecider.CanOpen(state, now));
        Assert.Equal(opens ? FoldDecisionKind.SendNow : FoldDecisionKind.Fold, decision.Kind);
        if (opens)
        {
            // What the conditional update writes is what the decision would have written (the version is the store's).
            Assert.Equal((4L, opened.WindowEnd, 0, (DateTimeOffset?)null, false), (decision.NewState.Version, decision.NewState.WindowEnd,
                decision.NewState.Folded, decision.NewState.FirstFolded, decision.NewState.RateGuarded));
            Assert.Equal(opened with { Version = 4 }, decision.NewState with { Addresses = opened.Addresses, UserAgents = opened.UserAgents, EventIds = opened.EventIds });
            Assert.Empty(decision.NewState.EventIds);
        }
    }

    [Theory]
    [InlineData("true,true,true", "info,info,info", "true", "info")]
    [InlineData("true,false,true", "info,notice,info", "false", "notice")]
    [InlineData("true,unknown,true", "notice,info,info", "unknown", "notice")]
    [InlineData("false,unknown", "info,info", "false", "info")]
    [InlineData("true", "notice", "true", "notice")]
    public void A_group_keeps_whether_every_folded_event_was_read_only_and_the_highest_severity(string readOnlys, string severities, string readOnly, string severity)
    {
        var state = FoldDecider.Decide(null, Event("e0") with { ReadOnly = "false", Severity = "critical" }, _clock.GetUtcNow(), Window, true).NewState;
        var kinds = readOnlys.Split(',').Zip(severities.Split(',')).ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            state = FoldDecider.Decide(state, Event($"e{i + 1}") with { ReadOnly = kinds[i].First, Severity = kinds[i].Second }, _clock.GetUtcNow(), Window, true).NewState;
        }

        // The first event, sent on its own, is not in the digest: its write and severity do not count.
        Assert.Equal((kinds.Count, readOnly, severity), (state.Folded, state.ReadOnly, state.Severity));
    }

    [Fact]
    public void After_a_digest_readOnly_and_severity_start_again_and_stay_for_events_folded_while_it_was_out()
    {
        var state = FoldDecider.Decide(null, Event("e0"), _clock.GetUtcNow(), Window, true).NewState;
        state = FoldDecider.Decide(state, Event("e1") with { ReadOnly = "false", Severity = "notice" }, _clock.GetUtcNow(), Window, true).NewState;
        var sent = state;
        var meanwhile = FoldDecider.Decide(state, Event("e2") with { ReadOnly = "true", Severity = "info" }, _clock.GetUtcNow(), Window, true).NewState;

        var emptied = FoldDecider.AfterDigest(sent, sent);
        var left = FoldDecider.AfterDigest(meanwhile, sent);

        Assert.Equal((0, (string?)null, (string?)null), (emptied.Folded, emptied.ReadOnly, emptied.Severity));
        Assert.Equal((1, "false", "notice"), (left.Folded, left.ReadOnly, left.Severity));
        _clock.Advance(Window * 2);
        var next = FoldDecider.Decide(emptied with { WindowEnd = _clock.GetUtcNow().AddMinutes(-1) }, Event("e3"), _clock.GetUtcNow(), Window, true).NewState;
        next = FoldDecider.Decide(next, Event("e4") with { ReadOnly = "true", Severity = "info" }, _clock.GetUtcNow(), Window, true).NewState;
        Assert.Equal(("true", "info"), (next.ReadOnly, next.Severity));
    }

    [Fact]
    public void A_group_folded_before_readOnly_and_severity_were_kept_counts_as_unknown_and_notice()
    {
        var legacy = FoldDecider.Decide(null, Event("e0"), _clock.GetUtcNow(), Window, true).NewState with { Folded = 3 };

        var state = FoldDecider.Decide(legacy, Event("e1") with { ReadOnly = "true", Severity = "info" }, _clock.GetUtcNow(), Window, true).NewState;

        Assert.Equal((4, "unknown", "notice"), (state.Folded, state.ReadOnly, state.Severity));
    }

    private FoldEvent Event(string id, string address = "198.51.100.7")
    {
        var identity = new GroupIdentity("111122223333", "arn:aws:iam::111122223333:role/app", "secretsmanager.amazonaws.com",
            "GetSecretValue", "secretId=prod/db", "succeeded", "us-east-1");
        return new FoldEvent(id, FoldEventReader.GroupKey(identity), identity, _clock.GetUtcNow(), address, "aws-sdk-go/1.0", id);
    }
}
