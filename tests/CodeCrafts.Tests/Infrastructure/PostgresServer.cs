using System.Diagnostics;
using Npgsql;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server of the machine's own installation, private to this test run:
/// its own data folder and port on loopback. Every test class gets its own database, copied
/// from a template that the real migration worker migrated and seeded once.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string TemplateDatabase = "codecrafts_template";
    private static readonly Lazy<Task<PostgresServer>> SharedInstance = new(StartAsync);
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly Process _process;
    private readonly string _directory;
    // Lazy, not "??=": test classes start in parallel, and two migration workers seeding one template collide.
    private readonly Lazy<Task> _template;

    private PostgresServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        _template = new Lazy<Task>(CreateTemplateAsync);
    }

    public int Port { get; }

    public static Task<PostgresServer> Shared => SharedInstance.Value;

    public static bool HasBeenStarted => SharedInstance.IsValueCreated;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            MaxPoolSize = 200,
            Timeout = 10,
        }.ConnectionString;

    public string Url(string database) => $"postgresql://postgres@127.0.0.1:{Port}/{database}";

    /// <summary>A new database with the current schema and the seeded curriculum.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await _template.Value;
        var name = $"test_{Guid.NewGuid():N}";
        await _createLock.WaitAsync();
        try
        {
            // Copying a template needs it to be idle; one copy at a time keeps that true.
            await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}");
        }
        finally
        {
            _createLock.Release();
        }
        return ConnectionString(name);
    }

    /// <summary>An empty database, for tests of the migration worker itself.</summary>
    public async Task<string> CreateEmptyDatabaseNameAsync()
    {
        var name = $"empty_{Guid.NewGuid():N}";
        await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\"");
        return name;
    }

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task CreateTemplateAsync()
    {
        var result = await MigrationWorker.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__codecrafts"] = ConnectionString(TemplateDatabase),
        }, verifyCode: true);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"The migration worker failed on the template database:\n{result.Output}");
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "postgres")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run scripts/test.sh, or apt-get install postgresql.");

        var directory = Directory.CreateTempSubdirectory("codecrafts-pg-").FullName;
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        string[] runAs = [];
        if (ExternalProcess.IsRoot)
        {
            // PostgreSQL refuses to run as root.
            await ExternalProcess.RunAsync("chmod", ["755", directory]);
            await ExternalProcess.RunAsync("chown", ["-R", "postgres:postgres", directory]);
            runAs = ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"];
        }

        var init = await Run(runAs, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed:\n{init.Output}");
        }

        var port = ExternalProcess.FreeTcpPort();
        // fsync off: a test server's data need not survive a power cut, and every commit gets faster.
        string[] serverArgs = [Path.Combine(bin, "postgres"), "-D", data, "-p", port.ToString(), "-k", directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=1000", "-c", "shared_buffers=256MB"];
        var process = runAs.Length > 0
            ? ExternalProcess.Start(runAs[0], [.. runAs[1..], .. serverArgs])
            : ExternalProcess.Start(serverArgs[0], serverArgs[1..]);
        var server = new PostgresServer(process, directory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private static Task<ProcessResult> Run(string[] runAs, string file, string[] args) =>
        runAs.Length > 0 ? ExternalProcess.RunAsync(runAs[0], [.. runAs[1..], file, .. args]) : ExternalProcess.RunAsync(file, args);

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await ExecuteAsync("postgres", "SELECT 1");
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, the server exits at once.
                Process.Start("kill", ["-INT", _process.Id.ToString()])?.WaitForExit();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort: the temp folder is in /tmp anyway.
        }
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Kill();
        _createLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
