using CloudTrailNotifier.Cli;

// One executable, two faces: the Lambda function (when the Lambda Runtime API is present)
// and the command-line tool.
return CliApp.Run(args, CliEnvironment.FromProcess());
