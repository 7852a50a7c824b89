using System.Text.Json;

namespace CloudTrailNotifier.Cli;

/// <summary>What render and publish read: a file, standard input or CloudTrail's log files in S3.</summary>
internal interface IEventInput
{
    /// <summary>Whether any part of the input could not be read (the exit status is then 2).</summary>
    bool HadProblems { get; }

    /// <summary>The events, in input order; each element is valid until the next is taken.</summary>
    IEnumerable<JsonElement> Events();

    /// <summary>Reports a failure that ended the reading (out of memory, say) as one line.</summary>
    void Report(string problem, string? where);
}
