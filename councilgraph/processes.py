"""Child processes that end with their parent, even when the parent is killed with SIGKILL.

A process pool's workers wait on a queue their parent feeds; should the parent die without
closing it (kill -9), they wait for ever, re-parented to init. `die_with_parent` asks the
Linux kernel to send SIGKILL to the calling process when its parent ends
(prctl PR_SET_PDEATHSIG); elsewhere a daemon thread polls the parent's pid instead.
Use it as a pool's `initializer`, or first thing in a spawned process's target.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None, *, started_by_thread: bool = False) -> None:
    """End this process when `parent` (default: the current parent) ends.

    The kernel's signal fires when the *thread* that started this process ends, so a process
    started from a short-lived thread passes `started_by_thread` and is watched by polling."""
    expected = parent if parent is not None else os.getppid()
    if sys.platform.startswith("linux") and not started_by_thread:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != expected:  # the parent died before the request took hold
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch, args=(expected,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
