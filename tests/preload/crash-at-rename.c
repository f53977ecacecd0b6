/* crash-at-rename.c: LD_PRELOAD for the reliability tests; the process
 * kills itself with SIGKILL at its Nth rename(), before it
 * (VOC_CRASH_AT_RENAME=N) or right after it (VOC_CRASH_AFTER_RENAME=N),
 * as a power cut or a logout at that instant would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int rename (const char *from, const char *to);

static int calls;

int
rename (const char *from,
        const char *to)
{
  static int (*real_rename) (const char *, const char *);
  const char *before = getenv ("VOC_CRASH_AT_RENAME");
  const char *after = getenv ("VOC_CRASH_AFTER_RENAME");
  int rc;

  if (real_rename == NULL)
    real_rename = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
  calls++;
  if (before != NULL && atoi (before) == calls)
    raise (SIGKILL);
  rc = real_rename (from, to);
  if (after != NULL && atoi (after) == calls)
    raise (SIGKILL);
  return rc;
}
