namespace CloudTrailNotifier.Tests.Support;

/// <summary>
/// Approved-output files: the rendered text must equal the approved file. On a difference the new
/// output is written beside it as <c>.received.txt</c> for review; set UPDATE_GOLDEN=1 to approve.
/// </summary>
internal static class Golden
{
    public static string Directory => Path.Combine(TestPaths.RepositoryRoot, "test", "CloudTrailNotifier.Tests", "Golden", "Approved");

    public static void Verify(string name, string actual)
    {
        var approvedPath = Path.Combine(Directory, name + ".approved.txt");
        var receivedPath = Path.Combine(Directory, name + ".received.txt");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!); // a name may have a folder: Digests/, Chat/
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        if (!File.Exists(approvedPath))
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"no approved output for {name}; review {receivedPath} and rename it to .approved.txt");
        }

        var approved = File.ReadAllText(approvedPath);
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var approvedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < approvedLines.Length && line < actualLines.Length && approvedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail(
            $"{name} differs from its approved output at line {line + 1}:\n" +
            $"  approved: {(line < approvedLines.Length ? approvedLines[line] : "<end>")}\n" +
            $"  received: {(line < actualLines.Length ? actualLines[line] : "<end>")}\n" +
            $"diff {approvedPath} {receivedPath}");
    }
}
