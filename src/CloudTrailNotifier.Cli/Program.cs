using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Cli;

// ctn, the command-line tool: render events as the function would notify them, publish them, and more.

// The composition root is the one place that touches the SDK's process-wide registry (see AwsRuntimeDependencies).
AwsRuntimeDependencies.Register(Amazon.RuntimeDependencies.GlobalRuntimeDependencyRegistry.Instance);

return CliApp.Run(args, CliEnvironment.FromProcess());
