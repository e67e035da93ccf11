[assembly: AssemblyFixture(typeof(CodeCrafts.Tests.Infrastructure.SharedInfrastructure))]

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>Stops the run's PostgreSQL server when the last test has finished.</summary>
public sealed class SharedInfrastructure : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (PostgresServer.HasBeenStarted)
        {
            await (await PostgresServer.Shared).DisposeAsync();
        }
    }
}
