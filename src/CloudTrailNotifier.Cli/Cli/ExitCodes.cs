namespace CloudTrailNotifier.Cli;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed at run time, for example a publish that AWS refused.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the input file cannot be used.</summary>
    public const int BadInput = 2;
}
