"""Parent side of the kill -9 harness (see kill_child.py)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Zygote:
    def __init__(self, stderr_path: Path) -> None:
        self._err = open(stderr_path, "wb")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.kill_child"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._err, bufsize=0)
        self.lines: queue.Queue[str] = queue.Queue()
        self.pending: list[str] = []  # lines read ahead (a worker may speak before the zygote says PID)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.expect("READY", timeout=60)
        self.worker: int | None = None

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.put(raw.decode("utf-8").rstrip("\n"))
        self.lines.put("EOF")

    def next_line(self, timeout: float) -> str:
        if self.pending:
            return self.pending.pop(0)
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the child said nothing for {timeout} s") from None

    def expect(self, word: str, timeout: float = 30) -> list[str]:
        """Lines up to and including the first starting with ``word`` (which is returned last)."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            line = self.next_line(max(0.01, deadline - time.monotonic()))
            seen.append(line)
            if line.startswith(word):
                return seen
            if line == "EOF":
                raise AssertionError(f"the child ended while waiting for {word}: {seen[-5:]}")

    def start(self, command: str) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write((command + "\n").encode())
        self.proc.stdin.flush()
        seen = self.expect("PID")
        self.pending[:0] = seen[:-1]
        pid = int(seen[-1].split()[1])
        self.worker = pid
        return pid

    def kill_worker(self) -> None:
        if self.worker is not None:
            try:
                os.kill(self.worker, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait_dead(self, timeout: float = 30) -> list[str]:
        lines = self.expect("DEAD", timeout)
        self.worker = None
        return lines

    def close(self) -> None:
        self.kill_worker()
        try:
            if self.proc.stdin:
                self.proc.stdin.write(b"QUIT\n")
                self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        self._err.close()
