namespace CloudTrailNotifier.Tests.Support;

/// <summary>A moto_server of a test class's own that does not check signatures (see <see cref="MotoServer(bool)"/>).</summary>
public sealed class UncheckedMoto : IAsyncLifetime
{
    public MotoServer Server { get; } = new(checkSignatures: false);

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}
