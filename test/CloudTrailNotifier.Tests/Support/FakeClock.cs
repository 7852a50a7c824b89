using Microsoft.Extensions.Time.Testing;

namespace CloudTrailNotifier.Tests.Support;

/// <summary>Lets fake time pass while real work (HTTP on loopback) goes on, so retry tests never sleep for seconds.</summary>
internal static class FakeClock
{
    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> every few real milliseconds until the task ends.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step, TimeSpan? realLimit = null)
    {
        var until = DateTime.UtcNow + (realLimit ?? TimeSpan.FromSeconds(20));
        while (!task.IsCompleted && DateTime.UtcNow < until)
        {
            await Task.Delay(5);
            clock.Advance(step);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Waits (really) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the condition");
            await Task.Delay(5);
        }
    }
}
