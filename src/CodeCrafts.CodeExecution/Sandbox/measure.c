/*
 * Runs a program inside the sandbox and records its CPU time and peak memory, which the service
 * cannot learn otherwise: bwrap does not reap the program itself, so its rusage never reaches us.
 * Usage: measure STATS-FILE PROGRAM [ARG...]; writes "<exit code or 128+signal> <cpu µs> <max RSS KiB>".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: measure STATS-FILE PROGRAM [ARG...]\n");
    return 125;
  }
  int stats = open(argv[1], O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (stats < 0) {
    perror("measure: stats file");
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
