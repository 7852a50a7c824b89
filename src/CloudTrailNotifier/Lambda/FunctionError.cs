using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudTrailNotifier.Lambda;

/// <summary>
/// An error reported to the Runtime API: <c>Category.Reason</c> type (e.g. <c>Sns.Throttling</c>,
/// <c>Runtime.DeadlineExceeded</c>) and a one-line message. Never a stack trace, never event content.
/// </summary>
internal sealed record FunctionError
{
    /// <summary>Room for a capped SNS message plus what the runtime adds (attempts, deadline).</summary>
    public const int MaxMessageChars = 512;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public FunctionError(string errorType, string errorMessage)
    {
        ErrorType = Sanitize(errorType);
        ErrorMessage = Rendering.SafeText.Clean(errorMessage.ReplaceLineEndings(" "), MaxMessageChars, markSpaceRuns: false);
    }

    public string ErrorType { get; }

    public string ErrorMessage { get; }

    public static FunctionError Configuration(string message) => new("Runtime.ConfigurationError", message);

    public static FunctionError DeadlineExceeded(string message) => new("Runtime.DeadlineExceeded", message);

    /// <summary>The Runtime API's error body: <c>{"errorMessage": ..., "errorType": ...}</c>.</summary>
    public byte[] ToJson() =>
        Notifications.JsonBytes.Write(WriterOptions, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", ErrorMessage);
            writer.WriteString("errorType", ErrorType);
            writer.WriteEndObject();
        });

    // The type travels in an HTTP header (Lambda-Runtime-Function-Error-Type) and partly comes from SNS.
    private static string Sanitize(string type)
    {
        var clean = new string(type.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(128).ToArray());
        return clean.Length == 0 ? "Runtime.Unknown" : clean;
    }
}
