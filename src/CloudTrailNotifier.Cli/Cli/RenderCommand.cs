using System.CommandLine;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Settings;

namespace CloudTrailNotifier.Cli;

/// <summary><c>render FILE [--output text|json|chat]</c>: prints what a recipient would receive.</summary>
internal static class RenderCommand
{
    /// <param name="aws">Creates the AWS edges when S3 is read.</param>
    public static Command Create(CliEnvironment environment, Func<Aws.AwsEdges> aws)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--output")
        {
            Description = "text (Subject line, blank line, body), json (the SNS publish request, one object per line) "
                + "or chat (the Amazon Q Developer custom notification for Slack and Teams, one object per line).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json", "chat");

        var command = new Command("render", "Render each event in FILE as the notification a recipient receives.");
        common.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => Run(
            parse,
            common,
            aws,
            parse.GetValue(output)!,
            common.Settings(parse, environment).RenderOptions(),
            parse.GetValue(common.Match),
            environment));
        return command;
    }

    private static int Run(ParseResult parse, CommonOptions common, Func<Aws.AwsEdges> aws, string output, SettingResult<RenderOptions> settings, string? matchPath, CliEnvironment environment)
    {
        if (!settings.IsValid)
        {
            environment.WriteError(settings.Error!);
            return ExitCodes.BadInput;
        }

        MatchFilter? filter = null;
        if (matchPath is not null && (filter = MatchFilter.Load(matchPath, out var matchError)) is null)
        {
            environment.WriteError(matchError!);
            return ExitCodes.BadInput;
        }

        if (common.Input(parse, environment, aws) is not { } input)
        {
            return ExitCodes.BadInput;
        }

        var chat = output == "chat";
        var json = output == "json";
        var renderer = new Notifier(chat ? settings.Value with { ChatCards = true } : settings.Value);
        var stdout = environment.StandardOutput;
        var jsonLines = new JsonLinesOutput(stdout);
        try
        {
            // Text shows a heading per event when there is more than one: the previous notification waits until the
            // next event (or the end) says which.
            Notification? waiting = null;
            var count = 0;
            var gen0 = new Gen0Bound();
            foreach (var evt in filter?.Apply(input.Events()) ?? input.Events())
            {
                gen0.AfterEvent();
                var notification = renderer.Notify(evt);
                count++;
                if (chat)
                {
                    // One card per line, written as it is rendered (the card is short: no shared buffer needed).
                    stdout.Write(notification.ChatCard);
                    stdout.Write('\n');
                    continue;
                }

                if (json)
                {
                    jsonLines.Write(notification);
                    continue;
                }

                if (waiting is not null)
                {
                    WriteText(stdout, waiting, count - 1);
                }

                waiting = notification;
            }

            if (waiting is not null)
            {
                WriteText(stdout, waiting, count > 1 ? count : 0);
            }
        }
        catch (OutOfMemoryException)
        {
            input.Report("out of memory while reading; the rest of the input is not read", where: null);
        }

        stdout.Flush();
        filter?.WriteSummary(environment);
        return input.HadProblems ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <param name="number">The event's number for its heading; 0 for none (a single event).</param>
    private static void WriteText(TextWriter stdout, Notification notification, int number)
    {
        if (number > 0)
        {
            stdout.Write(number == 1 ? "===== event " : "\n===== event ");
            stdout.Write(number);
            stdout.Write(" =====\n");
        }

        NotificationText.Write(stdout, notification);
    }
}
