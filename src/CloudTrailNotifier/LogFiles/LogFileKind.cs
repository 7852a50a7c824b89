namespace CloudTrailNotifier.LogFiles;

/// <summary>What the start of an object says it is.</summary>
internal enum LogFileKind
{
    /// <summary>A CloudTrail log file: <c>{"Records": [...]}</c>, gzip-compressed or not.</summary>
    Log,

    /// <summary>Something else (a digest, a manifest, another service's file): skipped.</summary>
    NotLog,

    /// <summary>The start cannot be read (damaged gzip, a broken connection): reported.</summary>
    Unreadable,
}
