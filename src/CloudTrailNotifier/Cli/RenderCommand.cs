using System.CommandLine;
using CloudTrailNotifier.Notifications;
using CloudTrailNotifier.Rendering;
using CloudTrailNotifier.Settings;

namespace CloudTrailNotifier.Cli;

/// <summary><c>render FILE [--output text|json]</c>: prints what a recipient would receive.</summary>
internal static class RenderCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--output")
        {
            Description = "text (Subject line, blank line, body) or json (the SNS publish request, one object per line).",
            DefaultValueFactory = _ => "text",
        };
        output.AcceptOnlyFromAmong("text", "json");

        var command = new Command("render", "Render each event in FILE as the notification a recipient receives.");
        common.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => Run(
            parse.GetValue(common.File)!,
            parse.GetValue(output) == "json",
            common.Settings(parse, environment).RenderOptions(),
            environment));
        return command;
    }

    private static int Run(string path, bool json, SettingResult<RenderOptions> settings, CliEnvironment environment)
    {
        if (!settings.IsValid)
        {
            environment.WriteError(settings.Error!);
            return ExitCodes.BadInput;
        }

        var options = settings.Value;

        if (!InputFiles.TryReadEvents(path, environment, out var events))
        {
            return ExitCodes.BadInput;
        }

        var renderer = new Notifier(options);
        var stdout = environment.StandardOutput;
        for (var i = 0; i < events.Count; i++)
        {
            var notification = renderer.Notify(events[i]);
            if (json)
            {
                stdout.Write(PublishRequestJson.Write(notification));
                stdout.Write('\n');
                continue;
            }

            if (events.Count > 1)
            {
                stdout.Write(i == 0 ? string.Empty : "\n");
                stdout.Write($"===== event {i + 1} of {events.Count} =====\n");
            }

            stdout.Write("Subject: ");
            stdout.Write(notification.Subject);
            stdout.Write("\n\n");
            stdout.Write(notification.Message);
            if (!notification.Message.EndsWith('\n'))
            {
                stdout.Write('\n');
            }
        }

        stdout.Flush();
        return ExitCodes.Success;
    }
}
