"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temp dir, on a Unix socket.

Debian's ``postgresql`` package (installed by ``make test``) provides the binaries. As root the
cluster runs as the ``postgres`` user the package creates (initdb refuses root). The cluster
listens on no TCP port, only on a socket in its own folder, and is stopped by the fixture.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _as_postgres(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster in a temp dir; yield the URL of its ``postgres`` database; stop and delete it.

    Raises LookupError, with the reason, when PostgreSQL cannot be run here.
    """
    binaries = _binaries()
    if binaries is None:
        raise LookupError("PostgreSQL is not installed (Debian package postgresql; `make test` installs it)")
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise LookupError("running as root and the postgres user does not exist") from None
    folder = Path(tempfile.mkdtemp(prefix="transpub-pg-"))
    data, sockets = folder / "data", folder / "socket"
    sockets.mkdir()
    if user is not None:
        for path in (folder, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    log = folder / "server.log"
    try:
        subprocess.run(
            _as_postgres(
                [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
            ),
            check=True,
            capture_output=True,
        )
        options = f"-k {sockets} -c listen_addresses='' -c fsync=off"
        subprocess.run(
            _as_postgres(
                [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]
            ),
            check=True,
            capture_output=True,
        )
        yield f"postgresql://postgres@/postgres?host={sockets}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                capture_output=True,
            )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a fresh PostgreSQL cluster's ``postgres`` database, for this test session."""
    try:
        cluster = throwaway_cluster()
        url = cluster.__enter__()
    except LookupError as reason:
        pytest.skip(str(reason))
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


@pytest.fixture
def fresh_database(postgres_url: str) -> Iterator[str]:
    """A new empty database in the session's cluster, dropped afterwards."""
    import psycopg

    name = f"tm_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url.replace("/postgres?", f"/{name}?")
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _numbers() -> Iterator[int]:
    number = 0
    while True:
        number += 1
        yield number


_counter = _numbers()


@pytest.fixture
def password_role(postgres_url: str) -> Iterator[str]:
    """The URL, without its password, of a new role of the session's cluster that must give the
    password ``right`` (the cluster trusts every other role), owner of a database of its name."""
    import time

    import psycopg

    name = f"tm_pw_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD 'right'")
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{name}"')
        hba = Path(admin.execute("SHOW hba_file").fetchone()[0])
        hba.write_text(
            f"local all {name} scram-sha-256\n" + hba.read_text(encoding="utf-8"), encoding="utf-8"
        )
        admin.execute("SELECT pg_reload_conf()")
    url = postgres_url.replace("postgres@/postgres?", f"{name}@/{name}?")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # (the server reads pg_hba.conf again a moment later)
        try:
            psycopg.connect(url, password="", connect_timeout=2).close()
        except psycopg.OperationalError:
            break
        time.sleep(0.1)
    try:
        yield url
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')
