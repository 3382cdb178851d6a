"""Start real servers on 127.0.0.1 for the benchmarks and the tests (both import this), and stop
them by their own PID."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running(args: list[str], ready_url: str, log: Path, timeout: float = 120.0,
            headers: dict[str, str] | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> Iterator[subprocess.Popen]:
    """Run a server process until `ready_url` answers, yield it, then stop it by its PID.

    `env` replaces the environment (default: this one); proxies are never used for the
    loopback checks."""
    environment = dict(env if env is not None else os.environ)
    environment.update(ANONYMIZED_TELEMETRY="False", NO_PROXY="127.0.0.1,localhost",
                       no_proxy="127.0.0.1,localhost")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=environment,
                                cwd=cwd)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"{args[0]} exited: {log.read_text()[-2000:]}")
                try:
                    request = urllib.request.Request(ready_url, headers=headers or {})
                    with opener.open(request, timeout=2):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(
                            f"{ready_url} not ready: {log.read_text()[-2000:]}") from None
                    time.sleep(0.3)
            yield proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def chroma_command(path: Path, port: int) -> list[str]:
    chroma = Path(sys.executable).with_name("chroma")
    return [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
