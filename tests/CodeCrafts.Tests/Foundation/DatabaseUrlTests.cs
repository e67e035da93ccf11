using CodeCrafts.Data;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CodeCrafts.Tests.Foundation;

public sealed class DatabaseUrlTests
{
    [Theory]
    [InlineData("sqlite:///./codecrafts.db", "Data Source=./codecrafts.db")]
    [InlineData("sqlite:////var/data/codecrafts.db", "Data Source=/var/data/codecrafts.db")]
    public void SqliteUrlsBecomeSqliteConnectionStrings(string url, string expected)
    {
        var connection = DatabaseConnection.FromUrl(url);

        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal(expected, connection.ConnectionString);
    }

    [Theory]
    [InlineData("postgresql://learner:s%40cret@db.internal:6543/codecrafts")]
    [InlineData("postgres://learner:s%40cret@db.internal:6543/codecrafts")]
    public void PostgresUrlsAreTranslatedWithEscapesUndone(string url)
    {
        var connection = DatabaseConnection.FromUrl(url);
        var parsed = new NpgsqlConnectionStringBuilder(connection.ConnectionString);

        Assert.Equal(DatabaseProvider.Postgres, connection.Provider);
        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("learner", parsed.Username);
        Assert.Equal("s@cret", parsed.Password);
        Assert.Equal("codecrafts", parsed.Database);
    }

    [Fact]
    public void PostgresUrlWithoutPortUsesTheDefaultPortAndKeepsSslMode()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseConnection.FromUrl("postgresql://u:p@localhost/app?sslmode=require").ConnectionString);

        Assert.Equal(5432, parsed.Port);
        Assert.Equal(SslMode.Require, parsed.SslMode);
    }

    [Theory]
    [InlineData("mysql://u:p@localhost/db", "must start with sqlite:/// or postgresql://")]
    [InlineData("postgresql://u:p@localhost", "must name a database")]
    [InlineData("sqlite://", "must look like sqlite:///")]
    [InlineData("sqlite:///:memory:", "cannot be an in-memory SQLite database")]
    public void BadUrlsFailWithAMessageThatSaysWhatIsWrong(string url, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseConnection.FromUrl(url));

        Assert.Contains("DATABASE_URL", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DatabaseUrlWinsOverTheConnectionString()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "sqlite:///x.db",
            ["ConnectionStrings:codecrafts"] = "Host=localhost;Database=codecrafts",
        }).Build();

        Assert.Equal(DatabaseProvider.Sqlite, DatabaseConnection.Resolve(configuration).Provider);
    }

    [Fact]
    public void NoDatabaseConfiguredIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseConnection.Resolve(new ConfigurationBuilder().Build()));

        Assert.Contains("No database is configured", error.Message, StringComparison.Ordinal);
    }
}
