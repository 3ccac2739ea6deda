"""Debian's Apache (apache2) and Tomcat (tomcat10) on free loopback ports, each with a config
directory of its own under a throw-away prefix, serving a release folder deployed as
DEPLOY.txt says (like tests/nginx_server.py for nginx). Nothing outside the prefix is written;
the system's services are not touched.

- ApacheServer(folder, prefix, modules=...): the release's deploy/apache/yingsu.conf with its
  three /var/www/yingsu paths replaced by `folder`, inside a server config that loads the
  modules Debian loads by default plus those `a2enmod headers deflate rewrite` adds (pass fewer
  to see what a server without them does), the system's mime.types as Debian's apache2.conf
  has it. Run as root it serves as www-data (as on a server), so `folder` must be readable by
  all (the instructions' chmod step).
- TomcatServer(folder, prefix): CATALINA_BASE with Debian's /etc/tomcat10 configuration and a
  server.xml whose connector has compression="on" (the instructions' step), the folder as the
  web application /yingsu.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from nginx_server import free_port, stop_process, wait_port

APACHE = "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
# Loaded by Debian's apache2 package by default (mods-enabled/ of a fresh install) ...
DEBIAN_DEFAULT = ("mpm_event", "authz_core", "authz_host", "authn_core", "access_compat", "alias", "dir", "mime",
                  "deflate", "filter", "env", "setenvif", "reqtimeout", "status", "negotiation", "autoindex")
# ... and what the instructions enable: a2enmod headers deflate rewrite
INSTRUCTED = ("headers", "rewrite")

CATALINA_HOME = Path("/usr/share/tomcat10")
TOMCAT_CONF = Path("/etc/tomcat10")


class ApacheServer:
    def __init__(self, folder: Path, prefix: Path, conf_source: Path, modules=DEBIAN_DEFAULT + INSTRUCTED):
        self.prefix = prefix
        (prefix / "logs").mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        site = conf_source.read_text(encoding="utf-8").replace("/var/www/yingsu/", folder.as_posix().rstrip("/") + "/")
        (prefix / "yingsu.conf").write_text(site, encoding="utf-8")
        loads = "\n".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so" for m in modules)
        user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
        (prefix / "apache2.conf").write_text(f"""\
ServerRoot "{prefix}"
ServerName localhost
Listen 127.0.0.1:{self.port}
PidFile "{prefix}/apache2.pid"
ErrorLog "{prefix}/logs/error.log"
LogLevel warn
Mutex file:{prefix} default
{loads}
{user}
TypesConfig /etc/mime.types
DocumentRoot "{prefix}/htdocs"
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
AccessFileName .htaccess
Include "{prefix}/yingsu.conf"
""", encoding="utf-8")
        (prefix / "htdocs").mkdir(exist_ok=True)
        args = [APACHE, "-d", str(prefix), "-f", str(prefix / "apache2.conf")]
        env = dict(os.environ, APACHE_RUN_DIR=str(prefix), APACHE_LOCK_DIR=str(prefix), APACHE_LOG_DIR=str(prefix / "logs"))
        test = subprocess.run(args + ["-t"], capture_output=True, text=True, env=env, timeout=60)
        self.config_test = test.stdout + test.stderr
        if test.returncode != 0:
            raise RuntimeError(f"apache2 -t failed:\n{self.config_test}")
        self._proc = subprocess.Popen(args + ["-DFOREGROUND"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        wait_port(self.port, self._proc, 30, "apache2", self.log)
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.origin}/yingsu/"

    def log(self) -> str:
        path = self.prefix / "logs" / "error.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        stop_process(self._proc, 20)   # apache2 -DFOREGROUND: SIGTERM stops it and its children


SERVER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Server port="-1" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector port="{port}" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="20000"
               compression="on" compressibleMimeType="text/html,text/css,text/javascript,application/json,application/xml,text/plain,image/svg+xml,application/wasm" />
    <Engine name="Catalina" defaultHost="localhost">
      <Host name="localhost" appBase="webapps" unpackWARs="false" autoDeploy="false" />
    </Engine>
  </Service>
</Server>
"""


class TomcatServer:
    def __init__(self, folder: Path, prefix: Path):
        self.prefix = prefix
        base = prefix / "base"
        for name in ("conf", "logs", "temp", "work", "webapps"):
            (base / name).mkdir(parents=True, exist_ok=True)
        for name in ("web.xml", "context.xml", "catalina.properties", "logging.properties"):
            shutil.copyfile(TOMCAT_CONF / name, base / "conf" / name)
        self.port = free_port()
        (base / "conf" / "server.xml").write_text(SERVER_XML.format(port=self.port), encoding="utf-8")
        (base / "webapps" / "yingsu").symlink_to(folder, target_is_directory=True)
        env = dict(os.environ, CATALINA_HOME=str(CATALINA_HOME), CATALINA_BASE=str(base),
                   CATALINA_TMPDIR=str(base / "temp"), CATALINA_OUT=str(base / "logs" / "catalina.out"))
        self._out = open(prefix / "catalina.out", "wb")
        self._proc = subprocess.Popen([str(CATALINA_HOME / "bin" / "catalina.sh"), "run"], env=env,
                                      stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True)
        wait_port(self.port, self._proc, 120, "tomcat", self.log)
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base_url = f"{self.origin}/yingsu/"
        self._wait_deployed()

    def _wait_deployed(self) -> None:
        import urllib.error
        import urllib.request
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(self.base_url + "sw.js", timeout=10).close()
                return
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline or self._proc.poll() is not None:
                    raise RuntimeError(f"tomcat did not deploy /yingsu:\n{self.log()}")
                time.sleep(0.2)

    def log(self) -> str:
        path = self.prefix / "catalina.out"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        stop_process(self._proc, 30)
        self._out.close()
