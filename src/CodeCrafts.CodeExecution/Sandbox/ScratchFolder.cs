using System.Runtime.Versioning;
namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>Folders and files that code in the sandbox may use, and their removal whatever the code did to them.</summary>
[UnsupportedOSPlatform("windows")]
internal static class ScratchFolder
{
    private const UnixFileMode Everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode Traversable = OwnerOnly | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>A run's private folder: others may pass through it to the paths they are given, not list it.</summary>
    public static string CreateRun(string parent)
    {
        var path = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Traversable);
        return path;
    }

    /// <summary>A folder the sandbox user may write to (nobody, when the service is root).</summary>
    public static string CreateWritable(string parent, string name, bool forOtherUser)
    {
        var path = Path.Combine(parent, name);
        Directory.CreateDirectory(path);
        // chmod, not the create mode: that one is filtered by the umask.
        File.SetUnixFileMode(path, forOtherUser ? Everyone : OwnerOnly);
        return path;
    }

    public static string CreateWritableFile(string parent, string name, bool forOtherUser)
    {
        var path = Path.Combine(parent, name);
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, forOtherUser
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public static void WriteReadable(string path, string contents)
    {
        File.WriteAllText(path, contents);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>Deletes a folder even when the code inside made parts of it unreadable to its owner.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            if (!Directory.Exists(path))
            {
                return;
            }
            MakeOwnerAccessible(path);
            Directory.Delete(path, recursive: true);
        }
    }

    private static void MakeOwnerAccessible(string folder)
    {
        File.SetUnixFileMode(folder, OwnerOnly);
        foreach (var child in new DirectoryInfo(folder).EnumerateDirectories())
        {
            if (child.LinkTarget is null)
            {
                MakeOwnerAccessible(child.FullName);
            }
        }
    }
}
