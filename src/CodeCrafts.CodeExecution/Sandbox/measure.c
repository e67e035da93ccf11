/*
 * The sandbox's two helpers in one small program.
 *
 * measure --reap SECONDS PROGRAM [ARG...] runs outside, as the parent of the whole chain: a child
 * subreaper that waits for every orphan too. bwrap leaves its namespace's init behind when it exits;
 * without this, those zombies go to the machine's init, which may reap them late. After SECONDS it
 * kills the chain itself (bwrap --die-with-parent then ends the sandbox), a wall clock that holds even
 * if the service died. It closes every descriptor above 9 first: the service hands the sandbox only
 * descriptors 0-9, and anything else it inherited must not reach learners' code.
 *
 * measure STATS-FD PROGRAM [ARG...] runs inside the sandbox when the host has no cgroups to account
 * for the program: it records the program's CPU time and peak memory, writing
 * "<exit code or 128+signal> <cpu µs> <max RSS KiB>" to descriptor STATS-FD. The program inherits
 * neither that descriptor nor a way to reach it through /proc (this process is not dumpable).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t chain;

static void on_alarm(int sig) {
  (void)sig;
  if (chain > 0) {
    kill(chain, SIGKILL);
  }
}

static void close_above_nine(void) {
  DIR *fds = opendir("/proc/self/fd");
  if (fds == NULL) {
    for (int fd = 10; fd < 1024; fd++) {
      close(fd);
    }
    return;
  }
  int own = dirfd(fds);
  struct dirent *entry;
  while ((entry = readdir(fds)) != NULL) {
    int fd = atoi(entry->d_name);
    if (fd > 9 && fd != own) {
      close(fd);
    }
  }
  closedir(fds);
}

static int reap(unsigned seconds, char **argv) {
  close_above_nine();
  if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    perror("measure: subreaper");
    return 125;
  }
  pid_t child = fork();
  if (child < 0) {
    perror("measure: fork");
    return 125;
  }
  if (child == 0) {
    execv(argv[0], argv);
    perror("measure: exec");
    _exit(126);
  }
  chain = child;
  signal(SIGALRM, on_alarm);
  alarm(seconds);
  int code = 125, status;
  pid_t pid;
  while ((pid = wait(&status)) != -1 || errno == EINTR) {
    if (pid == child) {
      code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
  }
  return code;
}

int main(int argc, char **argv) {
  if (argc >= 4 && strcmp(argv[1], "--reap") == 0) {
    return reap((unsigned)strtoul(argv[2], NULL, 10), argv + 3);
  }
  if (argc < 3) {
    fprintf(stderr, "usage: measure STATS-FD PROGRAM [ARG...] | measure --reap SECONDS PROGRAM [ARG...]\n");
    return 125;
  }
  int stats = atoi(argv[1]);
  if (stats < 3 || fcntl(stats, F_SETFD, FD_CLOEXEC) != 0 || prctl(PR_SET_DUMPABLE, 0) != 0) {
    perror("measure: stats descriptor");
    return 125;
  }
  pid_t child = fork();
  if (child < 0) {
    perror("measure: fork");
    return 125;
  }
  if (child == 0) {
    execv(argv[2], argv + 2);
    perror("measure: exec");
    _exit(126);
  }
  int status;
  struct rusage usage;
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      perror("measure: wait");
      return 125;
    }
  }
  long long cpu_us = (long long)usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec
                   + (long long)usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  dprintf(stats, "%d %lld %ld\n", code, cpu_us, usage.ru_maxrss);
  close(stats);
  return code;
}
