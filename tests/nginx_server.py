"""Run Debian's nginx on 127.0.0.1 with the project's deploy/nginx/yingsu.conf, as the tests'
web server: a throw-away prefix directory holds the generated nginx.conf, pid file, logs and
temp paths, so nothing outside it is written and no root-owned path is needed.

The snippet is used verbatim except for its alias path (the unzipped release's site folder),
inside an http block that includes the system's mime.types as Debian's default nginx.conf
does, so a conflict between the two would show. nginx runs in the foreground without a
master process (one process, the caller's user), stopped with SIGTERM.
"""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPET = ROOT / "deploy" / "nginx" / "yingsu.conf"
SYSTEM_MIME_TYPES = Path("/etc/nginx/mime.types")

CONF = """\
daemon off;
master_process off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    {mime_types}
    default_type application/octet-stream;
    log_format bytes '$request_method $request_uri $status $bytes_sent';
    access_log {prefix}/access.log bytes;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {prefix}/yingsu.conf;
    }}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen, seconds: float, what: str, log) -> None:
    """Until the server started as `proc` accepts connections on `port` (a process outside the
    test announces nothing else); RuntimeError with its log if it exits or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start:\n{log()}") from None
            time.sleep(0.02)


def stop_process(proc: subprocess.Popen, seconds: float) -> None:
    """SIGTERM, then SIGKILL if it has not ended within `seconds`."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def snippet_for(site_dir: Path, snippet: Path = SNIPPET) -> str:
    """The nginx snippet (deploy/nginx/yingsu.conf) with its alias pointing at site_dir."""
    text = snippet.read_text(encoding="utf-8")
    text, count = re.subn(r"^(\s*alias\s+)\S+;", lambda m: f"{m.group(1)}{site_dir.as_posix().rstrip('/')}/;",
                          text, flags=re.M)
    assert count == 1, "deploy/nginx/yingsu.conf must contain exactly one alias line"
    return text


class NginxServer:
    """nginx serving `site_dir` under /yingsu/; `base_url`, `origin`, `started_in` (seconds),
    `config_test` (output of nginx -t), `stop()`, `log()` (error log text)."""

    def __init__(self, site_dir: Path, prefix: Path, snippet: Path = SNIPPET):
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx not found: apt-get install nginx (bash dev.sh setup does, as root)")
        self.prefix = prefix
        self.site_dir = site_dir
        (prefix / "tmp").mkdir(parents=True, exist_ok=True)
        (prefix / "yingsu.conf").write_text(snippet_for(site_dir, snippet), encoding="utf-8")
        self.port = free_port()
        mime = f"include {SYSTEM_MIME_TYPES};" if SYSTEM_MIME_TYPES.exists() else ""
        self.conf = prefix / "nginx.conf"
        self.conf.write_text(CONF.format(prefix=prefix.as_posix(), port=self.port, mime_types=mime), encoding="utf-8")
        args = [binary, "-p", str(prefix), "-c", str(self.conf), "-e", str(prefix / "error.log")]
        test = subprocess.run(args + ["-t"], capture_output=True, text=True, timeout=60)
        self.config_test = test.stdout + test.stderr
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{self.config_test}")
        began = time.perf_counter()
        self._proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            wait_port(self.port, self._proc, 30, "nginx", self.log)
        except RuntimeError:
            self.stop()
            raise
        self.started_in = time.perf_counter() - began
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.origin}/yingsu/"

    def sent(self) -> list[tuple[str, str, int, int]]:
        """(method, request URI, status, bytes sent incl. headers) of every request so far, from
        the access log: what went over the wire, compressed as the snippet compresses."""
        path = self.prefix / "access.log"
        rows = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []:
            method, uri, status, sent = line.rsplit(" ", 3) if line.count(" ") >= 3 else ("", line, "0", "0")
            rows.append((method, uri, int(status), int(sent)))
        return rows

    def log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        stop_process(self._proc, 10)
