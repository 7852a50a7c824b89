using System.Text.Json;
using CloudTrailNotifier.Input;
using CloudTrailNotifier.LogFiles;
using CloudTrailNotifier.Rendering;

namespace CloudTrailNotifier.Cli.S3;

/// <summary>
/// CloudTrail's log files under <c>s3://BUCKET/PREFIX</c>, in key order, each streamed through the input reader:
/// digest files and objects that are not CloudTrail logs are skipped and counted (one line at the end), a damaged
/// object or record is one error line (<c>s3://BUCKET/KEY record N: ...</c>) and the rest is read.
/// </summary>
/// <param name="open">Creates the store (and gives the clock) at the first request, so an unusable command line touches no credentials.</param>
internal sealed class S3Input(S3Uri uri, TimeWindow window, CliEnvironment environment, Func<(ILogStore Store, TimeProvider Clock)> open) : IEventInput
{
    private int _logFiles;
    private int _digests;
    private int _others;

    public bool HadProblems { get; private set; }

    public IEnumerable<JsonElement> Events()
    {
        ILogStore store;
        LogKeyWalker walker;
        try
        {
            var (opened, clock) = open();
            store = opened;
            walker = new LogKeyWalker(store, clock.GetUtcNow());
        }
        catch (LogStoreException ex)
        {
            Fail(ex);
            yield break;
        }

        using var keys = walker.Keys(uri.Prefix, window).GetEnumerator();
        while (true)
        {
            string key;
            try
            {
                if (!keys.MoveNext())
                {
                    break;
                }

                key = keys.Current;
            }
            catch (LogStoreException ex)
            {
                Fail(ex);
                yield break;
            }

            var raw = Open(store, key, out var stop);
            if (stop)
            {
                yield break;
            }

            if (raw is null)
            {
                continue;
            }

            using (raw)
            {
                foreach (var evt in Read(raw, key))
                {
                    yield return evt;
                }
            }
        }

        _others += walker.OutsideLayout;
        Summarize();
    }

    public void Report(string problem, string? where) => Report(problem, where, key: null);

    /// <summary>The object's stream when it may be a log; null when skipped or reported. <paramref name="stop"/>: nothing more can be read.</summary>
    private Stream? Open(ILogStore store, string key, out bool stop)
    {
        stop = false;
        if (LogKeys.IsDigest(key))
        {
            _digests++;
            return null;
        }

        if (!LogKeys.HasLogName(key))
        {
            _others++;
            return null;
        }

        try
        {
            return store.Open(key);
        }
        catch (LogStoreException ex) when (!ex.EndsTheInput)
        {
            Report($"S3 {ex.Code}: {ex.Message}", where: null, key);
            return null;
        }
        catch (LogStoreException ex)
        {
            Fail(ex);
            stop = true;
            return null;
        }
    }

    private IEnumerable<JsonElement> Read(Stream raw, string key)
    {
        var log = LogFileSniffer.Open(raw, out var kind, out var problem);
        if (kind == LogFileKind.NotLog)
        {
            _others++;
            yield break;
        }

        if (log is null)
        {
            Report(problem!, where: null, key);
            yield break;
        }

        _logFiles++;
        using (log)
        {
            foreach (var item in new EventStreamReader(log).Read())
            {
                if (item.IsEvent)
                {
                    yield return item.Event;
                }
                else
                {
                    Report(item.Problem!, item.Where, key);
                }
            }
        }
    }

    /// <summary>A failure that ends the input (no bucket, no credentials): one line, in the form <c>S3 CODE: message</c>.</summary>
    private void Fail(LogStoreException ex)
    {
        HadProblems = true;
        environment.StandardOutput.Flush();
        environment.WriteError($"S3 {ex.Code}: {ex.Message} ({uri})");
    }

    private void Report(string problem, string? where, string? key)
    {
        HadProblems = true;
        environment.StandardOutput.Flush();
        var name = uri.Display(key ?? uri.Prefix);
        environment.WriteError(where is null ? $"{name}: {problem}" : $"{name} {where}: {problem}");
    }

    private void Summarize()
    {
        environment.StandardOutput.Flush();
        if (_logFiles == 0 && !HadProblems)
        {
            Report(window.IsBounded
                ? "no CloudTrail log files for the --since/--until window under this prefix"
                : "no CloudTrail log files under this prefix", where: null, key: null);
        }

        var files = _logFiles == 1 ? "1 log file read" : $"{_logFiles} log files read";
        var digests = _digests == 1 ? "1 digest file" : $"{_digests} digest files";
        var others = _others == 1 ? "1 object that is not a CloudTrail log" : $"{_others} objects that are not CloudTrail logs";
        environment.StandardError.Write("note: ");
        environment.StandardError.Write(SafeText.Clean($"{uri}: {files}; skipped {digests} and {others}", 2000, markSpaceRuns: false));
        environment.StandardError.Write('\n');
        environment.StandardError.Flush();
    }
}
