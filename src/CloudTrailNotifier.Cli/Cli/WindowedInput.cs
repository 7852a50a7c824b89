using System.Text.Json;
using CloudTrailNotifier.LogFiles;

namespace CloudTrailNotifier.Cli;

/// <summary>
/// Only the events whose time is in the <c>--since</c>/<c>--until</c> window. An event without a readable time cannot
/// be placed: it is not rendered, and a warning at the end says how many there were (never dropped unsaid).
/// </summary>
internal sealed class WindowedInput(IEventInput inner, TimeWindow window, CliEnvironment environment) : IEventInput
{
    public bool HadProblems => inner.HadProblems;

    public IEnumerable<JsonElement> Events()
    {
        var untimed = 0;
        foreach (var evt in inner.Events())
        {
            switch (window.Contains(evt))
            {
                case true:
                    yield return evt;
                    break;
                case null:
                    untimed++;
                    break;
            }
        }

        if (untimed > 0)
        {
            environment.StandardOutput.Flush();
            environment.WriteWarning(untimed == 1
                ? $"1 event has no readable eventTime and was not rendered ({TimeWindow.SinceFlag}/{TimeWindow.UntilFlag})"
                : $"{untimed} events have no readable eventTime and were not rendered ({TimeWindow.SinceFlag}/{TimeWindow.UntilFlag})");
        }
    }

    public void Report(string problem, string? where) => inner.Report(problem, where);
}
