using System.Runtime.Versioning;
using CodeCrafts.CodeExecution;

namespace CodeCrafts.Tests.Features.CodeExecution;

/// <summary>The kernel code a program can reach is small: no nested user namespaces, and the seccomp deny-list.</summary>
[Collection(SandboxCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class SandboxKernelSurfaceTests : IAsyncDisposable
{
    private readonly Sandbox _sandbox = Sandbox.Create();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task UnshareIntoANewUserNamespaceFails()
    {
        var result = await _sandbox.PythonAsync("""
            import subprocess
            run = subprocess.run(["/usr/bin/unshare", "-Ur", "id"], capture_output=True, text=True)
            print("refused" if run.returncode != 0 and "uid=0" not in run.stdout else "became " + run.stdout)
            """, expected: "refused\n");

        Assert.True(result.Verdict == Verdict.Accepted, result.Tests[0].Stdout + result.Tests[0].Stderr);
    }

    [Fact]
    public async Task PtraceMountAndTheRestOfTheDenyListAreRefused()
    {
        // Each call is made so that it would succeed, or fail with another error than EPERM, without the
        // filter (checked on the host): mount on a missing folder says ENOENT, ptrace(TRACEME) and
        // unshare(0) succeed, an x32 call says ENOSYS.
        const string source = """
            #include <cerrno>
            #include <cstdio>
            #include <sched.h>
            #include <sys/mount.h>
            #include <sys/ptrace.h>
            #include <sys/syscall.h>
            #include <unistd.h>

            static void report(const char* name, long result) {
                bool refused = result == -1 && errno == EPERM;
                std::printf("%s %s\n", name, refused ? "refused" : "allowed");
            }

            int main() {
                report("ptrace", ptrace(PTRACE_TRACEME, 0, nullptr, nullptr));
                report("mount", mount("none", "/nonexistent", "tmpfs", 0, nullptr));
                report("unshare", unshare(0));
                report("setns", syscall(SYS_setns, -1, 0));
                report("keyctl", syscall(SYS_keyctl, 0, -3, 0));
                report("io_uring_setup", syscall(SYS_io_uring_setup, 1, nullptr));
                report("perf_event_open", syscall(SYS_perf_event_open, nullptr, 0, -1, -1, 0));
                report("userfaultfd", syscall(SYS_userfaultfd, 1));
            #ifdef __x86_64__
                report("x32", syscall(SYS_getpid | 0x40000000));
            #else
                std::printf("x32 refused\n");
            #endif
                std::printf("getpid %s\n", getpid() > 0 ? "works" : "fails");
            }
            """;
        string[] calls = ["ptrace", "mount", "unshare", "setns", "keyctl", "io_uring_setup", "perf_event_open", "userfaultfd", "x32"];

        var result = await _sandbox.CppAsync(source, expected: string.Concat(calls.Select(c => $"{c} refused\n")) + "getpid works\n");

        Assert.True(result.Verdict == Verdict.Accepted, $"{result.Verdict} {result.CompileOutput} {string.Join("", result.Tests.Select(t => t.Stdout))}");
    }

    [Fact]
    public void TheFilterRefusesEveryCallTheIssueNames()
    {
        string[] named =
        [
            "unshare", "setns", "mount", "umount2", "pivot_root", "ptrace", "bpf", "keyctl", "add_key", "request_key",
            "perf_event_open", "io_uring_setup", "io_uring_enter", "io_uring_register", "kexec_load", "init_module",
            "finit_module", "open_by_handle_at", "userfaultfd",
        ];

        var denied = CodeCrafts.CodeExecution.Sandbox.SeccompFilter.Denied.Select(d => d.Name).ToList();

        Assert.Empty(named.Except(denied));
        Assert.NotNull(CodeCrafts.CodeExecution.Sandbox.SeccompFilter.ForThisMachine());
    }
}
