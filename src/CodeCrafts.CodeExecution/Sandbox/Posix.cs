using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>The few libc calls .NET has no API for: who owns a file, this process's user, and SIGKILL by PID.</summary>
[UnsupportedOSPlatform("windows")]
internal static class Posix
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int FileTypeMask = 0xF000;
    private const int Directory = 0x4000;
    private const int RegularFile = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int SigKill = 9;

    public static uint EffectiveUserId => NativeMethods.geteuid();

    /// <summary>Owner, type and permissions of a path; the link itself when <paramref name="followLinks"/> is false. Null when missing.</summary>
    public static FileFacts? Stat(string path, bool followLinks)
    {
        if (NativeMethods.statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, out var facts) != 0)
        {
            return null;
        }
        var type = facts.Mode & FileTypeMask;
        return new FileFacts(
            facts.Uid,
            (UnixFileMode)(facts.Mode & 0xFFF),
            type == Directory,
            type == RegularFile,
            type == SymbolicLink);
    }

    /// <summary>Sends SIGKILL; false when the process was already gone.</summary>
    public static bool Kill(int pid) => NativeMethods.kill(pid, SigKill) == 0;

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(28)] public ushort Mode;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one struct.
        public static extern int statx(int dirfd, string path, int flags, uint mask, out Statx buffer);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
    }
}

internal sealed record FileFacts(uint Owner, UnixFileMode Mode, bool IsDirectory, bool IsRegularFile, bool IsSymbolicLink)
{
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    public bool OthersCanWrite => (Mode & WritableByOthers) != 0;

    public bool IsSticky => Mode.HasFlag(UnixFileMode.StickyBit);
}
