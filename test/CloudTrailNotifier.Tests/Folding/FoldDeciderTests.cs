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

    [Theory]
    [InlineData(30, 10)]
    [InlineData(31, 10)]
    [InlineData(3, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 1)]
    [InlineData(10_000, 3333)]
    public void Each_principal_may_take_a_third_of_the_minute_at_least_one(int limit, int share) =>
        Assert.Equal(share, FoldDecider.PrincipalShare(limit));

    [Fact]
    public void A_principal_that_used_its_share_is_held_back_while_other_principals_first_events_still_go_out()
    {
        var scanner = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/scanner");
        var reader = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/app");
        var minute = Minute((scanner, 10));

        Assert.False(FoldDecider.RateAllows(minute, scanner, 30));
        Assert.True(FoldDecider.RateAllows(minute, reader, 30));
        Assert.True(FoldDecider.RateAllows(Minute((scanner, 9)), scanner, 30));
        Assert.Equal(new RateGuardCause(OwnShare: true, Principals: 0), FoldDecider.CauseOf(minute, scanner, 30));
    }

    [Fact]
    public void A_full_minute_holds_everyone_back_and_the_cause_counts_the_principals_that_filled_it()
    {
        var keys = Enumerable.Range(1, 4).Select(i => FoldDecider.PrincipalKey($"arn:aws:iam::111122223333:role/r{i}")).ToList();
        var full = Minute((keys[0], 10), (keys[1], 10), (keys[2], 8), (keys[3], 2));
        var reader = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/app");

        Assert.False(FoldDecider.RateAllows(full, reader, 30));
        Assert.Equal(new RateGuardCause(OwnShare: false, Principals: 4), FoldDecider.CauseOf(full, reader, 30));
        Assert.Equal(new RateGuardCause(OwnShare: false, Principals: 4), FoldDecider.CauseOf(full, keys[3], 30));
        Assert.Equal(new RateGuardCause(OwnShare: true, Principals: 0), FoldDecider.CauseOf(full, keys[0], 30));

        // A minute an earlier release counted has a total and no principals: the limit still holds, the cause is unknown.
        var legacy = new RateMinute(30, new Dictionary<string, long>());
        Assert.False(FoldDecider.RateAllows(legacy, reader, 30));
        Assert.Equal(new RateGuardCause(OwnShare: false, Principals: 0), FoldDecider.CauseOf(legacy, reader, 30));
    }

    [Fact]
    public void Principal_keys_are_short_and_tell_principals_apart()
    {
        var a = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/" + new string('a', 500));
        var b = FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/" + new string('a', 499) + "b");

        Assert.Equal(16, a.Length);
        Assert.NotEqual(a, b);
        Assert.Equal(a, FoldDecider.PrincipalKey("arn:aws:iam::111122223333:role/" + new string('a', 500)));
    }

    [Fact]
    public void A_digest_keeps_who_caused_the_rate_guard_until_it_is_sent()
    {
        var own = FoldDecider.Decide(null, Event("e1"), _clock.GetUtcNow(), Window, rateAllows: false, new RateGuardCause(true, 0)).NewState;
        var full = FoldDecider.Decide(own, Event("e2"), _clock.GetUtcNow(), Window, rateAllows: false, new RateGuardCause(false, 5)).NewState;
        var fewer = FoldDecider.Decide(full, Event("e3"), _clock.GetUtcNow(), Window, rateAllows: false, new RateGuardCause(false, 3)).NewState;
        var allowed = FoldDecider.Decide(fewer, Event("e4"), _clock.GetUtcNow(), Window, rateAllows: true).NewState;

        Assert.Equal((true, true, 0), (own.RateGuarded, own.RateGuardOwn, own.RateGuardPrincipals));
        Assert.Equal((true, true, 5), (allowed.RateGuarded, allowed.RateGuardOwn, allowed.RateGuardPrincipals));
        var after = FoldDecider.AfterDigest(allowed, allowed);
        Assert.Equal((false, false, 0), (after.RateGuarded, after.RateGuardOwn, after.RateGuardPrincipals));
    }

    private static RateMinute Minute(params (string Key, long Sent)[] counts) =>
        new(counts.Sum(c => c.Sent), counts.ToDictionary(c => c.Key, c => c.Sent, StringComparer.Ordinal));

    private FoldEvent Event(string id, string address = "198.51.100.7")
    {
        var identity = new GroupIdentity("111122223333", "arn:aws:iam::111122223333:role/app", "secretsmanager.amazonaws.com",
            "GetSecretValue", "secretId=prod/db", "succeeded", "us-east-1");
        return new FoldEvent(id, FoldEventReader.GroupKey(identity), identity, _clock.GetUtcNow(), address, "aws-sdk-go/1.0", id);
    }
}
