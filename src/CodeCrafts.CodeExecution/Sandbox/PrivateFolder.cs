using System.Globalization;
using System.Runtime.Versioning;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// Folders only this service can write to. Programs it runs as root (the reaping helper) and files it
/// trusts (the compile cache) live in them, so whoever else could write there could run code as the
/// service: a folder owned by someone else, or inside a folder others may rename things in, is refused.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class PrivateFolder
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700 or checks the existing one (and narrows it to 0700); null when it is safe, otherwise why not.</summary>
    public static string? Ensure(string path)
    {
        var me = Posix.EffectiveUserId;
        var ancestorProblem = CheckAncestors(path, me);
        if (ancestorProblem is not null)
        {
            return ancestorProblem;
        }
        if (Posix.Stat(path, followLinks: false) is null)
        {
            Directory.CreateDirectory(path);
        }
        var facts = Posix.Stat(path, followLinks: false);
        if (facts is null || !facts.IsDirectory || facts.IsSymbolicLink)
        {
            return $"{path} is not a folder (a link or a file is in its place)";
        }
        if (facts.Owner != me)
        {
            return $"{path} belongs to user {facts.Owner.ToString(CultureInfo.InvariantCulture)}, not to this service (user {me.ToString(CultureInfo.InvariantCulture)})";
        }
        if (facts.OthersCanWrite)
        {
            // Others may have planted files while it was open to them; narrowing the mode would not undo that.
            return $"{path} is writable by other users (mode {Octal(facts.Mode)})";
        }
        if (facts.Mode != OwnerOnly)
        {
            // chmod, not the create mode: that one is filtered by the umask.
            File.SetUnixFileMode(path, OwnerOnly);
        }
        return null;
    }

    /// <summary>A new run's folder: random name, 0700, inside a folder already checked by <see cref="Ensure"/>.</summary>
    public static string CreateRun(string parent)
    {
        var path = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(path, OwnerOnly);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Every folder above must belong to root or to this service, or be sticky (like /tmp) where others
    /// may create entries but not rename ours; otherwise our folder could be swapped for another one.
    /// </summary>
    private static string? CheckAncestors(string path, uint me)
    {
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var facts = Posix.Stat(folder, followLinks: true);
            if (facts is null)
            {
                continue; // Created below with the owner's rights.
            }
            if (facts.Owner != 0 && facts.Owner != me)
            {
                return $"{folder}, above {path}, belongs to user {facts.Owner.ToString(CultureInfo.InvariantCulture)}";
            }
            if (facts.OthersCanWrite && !facts.IsSticky)
            {
                return $"{folder}, above {path}, is writable by other users (mode {Octal(facts.Mode)})";
            }
        }
        return null;
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
