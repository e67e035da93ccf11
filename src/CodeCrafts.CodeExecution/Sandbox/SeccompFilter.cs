using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CodeCrafts.CodeExecution.Sandbox;

/// <summary>
/// The classic BPF program bubblewrap loads with <c>--seccomp</c>: system calls that reach kernel code a
/// learner's program never needs (namespaces, mounts, tracing, keyrings, eBPF, io_uring, modules) fail
/// with EPERM; everything else is allowed. Built here rather than with libseccomp, so that the sandbox
/// needs no extra package: the program is a short, fixed sequence of comparisons.
/// </summary>
internal static class SeccompFilter
{
    /// <summary>Audit architecture numbers (AUDIT_ARCH_*), which seccomp reports for each call.</summary>
    private const uint ArchX8664 = 0xC000003E;
    private const uint ArchAarch64 = 0xC00000B7;

    /// <summary>On x86-64, calls with this bit set use the x32 ABI: other numbers, so they are refused wholesale.</summary>
    private const uint X32SyscallBit = 0x40000000;

    // struct seccomp_data: int nr; __u32 arch; ...
    private const uint NrOffset = 0;
    private const uint ArchOffset = 4;

    // BPF opcodes: BPF_LD|BPF_W|BPF_ABS, BPF_JMP|BPF_JEQ|BPF_K, BPF_JMP|BPF_JGE|BPF_K, BPF_RET|BPF_K.
    private const ushort LoadWord = 0x20;
    private const ushort JumpIfEqual = 0x15;
    private const ushort JumpIfGreaterOrEqual = 0x35;
    private const ushort Return = 0x06;

    private const uint Allow = 0x7fff0000;
    private const uint ErrnoEperm = 0x00050000 | 1;

    /// <summary>The refused calls by name, with their numbers on x86-64 and on arm64 (asm-generic).</summary>
    public static readonly IReadOnlyList<(string Name, uint X8664, uint Arm64)> Denied =
    [
        ("unshare", 272, 97), ("setns", 308, 268),
        ("mount", 165, 40), ("umount2", 166, 39), ("pivot_root", 155, 41),
        ("open_tree", 428, 428), ("move_mount", 429, 429), ("fsopen", 430, 430), ("fsconfig", 431, 431),
        ("fsmount", 432, 432), ("fspick", 433, 433), ("mount_setattr", 442, 442),
        ("ptrace", 101, 117), ("bpf", 321, 280), ("perf_event_open", 298, 241), ("userfaultfd", 323, 282),
        ("keyctl", 250, 219), ("add_key", 248, 217), ("request_key", 249, 218),
        ("io_uring_setup", 425, 425), ("io_uring_enter", 426, 426), ("io_uring_register", 427, 427),
        ("kexec_load", 246, 104), ("kexec_file_load", 320, 294),
        ("init_module", 175, 105), ("finit_module", 313, 273), ("delete_module", 176, 106),
        ("open_by_handle_at", 304, 265), ("name_to_handle_at", 303, 264),
    ];

    /// <summary>The program for this machine's architecture, or null when the filter does not know it.</summary>
    public static byte[]? ForThisMachine() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => Build(ArchX8664, Denied.Select(d => d.X8664).ToList(), refuseX32: true),
        Architecture.Arm64 => Build(ArchAarch64, Denied.Select(d => d.Arm64).ToList(), refuseX32: false),
        _ => null,
    };

    private static byte[] Build(uint arch, IReadOnlyList<uint> numbers, bool refuseX32)
    {
        var program = new List<(ushort Code, byte JumpTrue, byte JumpFalse, uint K)>();
        var header = refuseX32 ? 4 : 3;
        var deny = header + numbers.Count + 1;

        // Jump offsets count from the next instruction; each one lands on the final "deny".
        byte ToDeny() => checked((byte)(deny - program.Count - 1));

        program.Add((LoadWord, 0, 0, ArchOffset));
        // Another architecture (a 32-bit call from a 64-bit program) numbers its calls differently.
        program.Add((JumpIfEqual, 0, ToDeny(), arch));
        program.Add((LoadWord, 0, 0, NrOffset));
        if (refuseX32)
        {
            program.Add((JumpIfGreaterOrEqual, ToDeny(), 0, X32SyscallBit));
        }
        foreach (var number in numbers)
        {
            program.Add((JumpIfEqual, ToDeny(), 0, number));
        }
        program.Add((Return, 0, 0, Allow));
        program.Add((Return, 0, 0, ErrnoEperm));

        // struct sock_filter { __u16 code; __u8 jt; __u8 jf; __u32 k; }, little-endian like both architectures.
        var bytes = new byte[program.Count * 8];
        for (var i = 0; i < program.Count; i++)
        {
            var (code, jumpTrue, jumpFalse, k) = program[i];
            var slot = bytes.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(slot, code);
            slot[2] = jumpTrue;
            slot[3] = jumpFalse;
            BinaryPrimitives.WriteUInt32LittleEndian(slot[4..], k);
        }
        return bytes;
    }
}
