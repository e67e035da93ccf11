using System.IO.Pipelines;
using CodeCrafts.Api.Common;
using StackExchange.Redis;

namespace CodeCrafts.Tests.Foundation;

/// <summary>Which exceptions count as "Redis failed" (fall back to PostgreSQL) rather than a bug (500).</summary>
public sealed class RedisFailureTests
{
    [Fact]
    public void AReadCaughtByTheClientsOwnDisconnectIsARedisFailureAndOtherInvalidOperationsAreNot()
    {
        // The exception a pending command meets when the client drops a socket it found dead, as seen in a CI run.
        var pipe = new Pipe();
        pipe.Reader.Complete();
        var closedRead = Assert.Throws<InvalidOperationException>(() => pipe.Reader.TryRead(out _));

        Assert.True(RedisAccessor.IsFailure(closedRead));
        Assert.True(RedisAccessor.IsFailure(new RedisConnectionException(ConnectionFailureType.SocketClosed, "closed")));
        Assert.True(RedisAccessor.IsFailure(new TimeoutException()));
        Assert.False(RedisAccessor.IsFailure(new InvalidOperationException("a bug of ours")));
    }
}
