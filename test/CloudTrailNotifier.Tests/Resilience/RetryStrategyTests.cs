using CloudTrailNotifier.Resilience;
using CloudTrailNotifier.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Resilience;

/// <summary>The strategy on its own, with an in-memory attempt and fake time.</summary>
public sealed class RetryStrategyTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_ceiling_doubles_per_retry_up_to_the_maximum()
    {
        var delays = Enumerable.Range(1, 8).Select(RetryStrategyOptions.Default(() => 1.0).DelayBeforeRetry).Select(d => d.TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000], delays);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 100)]
    [InlineData(0.5, 200)]
    public void Jitter_scales_the_wait_between_zero_and_the_ceiling(double jitter, double expectedMs)
    {
        Assert.Equal(expectedMs, RetryStrategyOptions.Default(() => jitter).DelayBeforeRetry(3).TotalMilliseconds);
    }

    [Fact]
    public async Task Transient_results_are_retried_after_the_backoff_until_a_final_one()
    {
        var starts = new List<DateTimeOffset>();
        var results = new Queue<RetryClass>([RetryClass.Transient, RetryClass.Transient, RetryClass.Final]);

        var outcome = await FakeClock.RunAsync(_clock, Strategy(1.0).ExecuteAsync(
            (_, _) => { starts.Add(_clock.GetUtcNow()); return Task.FromResult(results.Dequeue()); },
            r => r, deadline: null, CancellationToken.None), TimeSpan.FromMilliseconds(10));

        Assert.Equal((RetryClass.Final, 3, RetryStopReason.Final), (outcome.Result, outcome.Attempts, outcome.StopReason));
        Assert.True(starts[1] - starts[0] >= TimeSpan.FromMilliseconds(100));
        Assert.True(starts[2] - starts[1] >= TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Attempts_run_out()
    {
        var calls = 0;

        var outcome = await FakeClock.RunAsync(_clock, Strategy(0.5).ExecuteAsync(
            (_, _) => Task.FromResult(++calls), _ => RetryClass.Transient, deadline: null, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.Equal((5, 5, RetryStopReason.AttemptsExhausted), (outcome.Result, outcome.Attempts, outcome.StopReason));
    }

    [Fact]
    public async Task With_a_deadline_each_attempt_may_use_the_time_left_less_the_reserve()
    {
        var contexts = new List<AttemptContext>();
        var deadline = _clock.GetUtcNow().AddSeconds(10);

        await FakeClock.RunAsync(_clock, Strategy(1.0).ExecuteAsync(
            (context, _) => { contexts.Add(context); return Task.FromResult(contexts.Count); },
            n => n < 2 ? RetryClass.Transient : RetryClass.Final, deadline, CancellationToken.None), TimeSpan.FromMilliseconds(10));

        Assert.Equal(TimeSpan.FromSeconds(9.5), contexts[0].Timeout);
        Assert.True(contexts[0].TimeoutIsDeadline);
        Assert.True(contexts[1].Timeout <= TimeSpan.FromSeconds(9.4), $"second attempt got {contexts[1].Timeout}");
    }

    [Fact]
    public async Task Without_a_deadline_each_attempt_gets_the_options_timeout()
    {
        var outcome = await Strategy(0).ExecuteAsync(
            (context, _) => Task.FromResult(context), _ => RetryClass.Final, deadline: null, CancellationToken.None);

        Assert.Equal(new AttemptContext(1, TimeSpan.FromSeconds(30), TimeoutIsDeadline: false), outcome.Result);
    }

    [Fact]
    public async Task No_attempt_starts_when_the_deadline_less_the_reserve_has_passed()
    {
        var calls = 0;

        var outcome = await Strategy(0).ExecuteAsync(
            (_, _) => Task.FromResult(++calls), _ => RetryClass.Final, _clock.GetUtcNow().AddMilliseconds(400), CancellationToken.None);

        Assert.Equal((0, 0, RetryStopReason.DeadlinePassed), (calls, outcome.Attempts, outcome.StopReason));
    }

    [Fact]
    public async Task No_retry_starts_that_could_not_finish_before_the_deadline()
    {
        var calls = 0;
        var slow = RetryStrategyOptions.Default(() => 1.0) with { BaseDelay = TimeSpan.FromSeconds(2) };

        var outcome = await FakeClock.RunAsync(_clock, new RetryStrategy(slow, _clock).ExecuteAsync(
            (_, _) => Task.FromResult(++calls), _ => RetryClass.Transient, _clock.GetUtcNow().AddSeconds(5), CancellationToken.None),
            TimeSpan.FromMilliseconds(50));

        // 2 s, then 4 s: the third attempt would start after 6 s, past the deadline.
        Assert.Equal((2, RetryStopReason.DeadlineNear), (outcome.Attempts, outcome.StopReason));
    }

    private RetryStrategy Strategy(double jitter) => new(RetryStrategyOptions.Default(() => jitter), _clock);
}
