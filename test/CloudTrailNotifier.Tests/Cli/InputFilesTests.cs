using System.Text;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Cli;

/// <summary>Why a FILE cannot be read, in one sentence of ours.</summary>
public sealed class InputFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ctn-input-").FullName;

    [Fact]
    public void A_directory_is_named_as_one()
    {
        var result = CliRunner.Run("render", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {_folder}: is a directory; give one event file (or - for standard input)\n", result.Stderr);
    }

    [Fact]
    public void A_missing_file_is_named_as_such()
    {
        var path = Path.Combine(_folder, "missing.json");

        var result = CliRunner.Run("render", path);

        Assert.Equal($"error: {path}: no such file\n", result.Stderr);
    }

    [Fact]
    public void A_UTF_16_file_is_told_to_be_UTF_8()
    {
        var path = Path.Combine(_folder, "event.json");
        File.WriteAllText(path, Encoding.UTF8.GetString(RepositoryFiles.SampleEvent), Encoding.Unicode);

        var result = CliRunner.Run("render", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {path}: the input is UTF-16LE text; events are read as UTF-8, so save or convert the file as UTF-8 (for example: iconv -f UTF-16LE -t UTF-8)\n",
            result.Stderr);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
