"""Real Celery worker processes for tests, against the Redis and PostgreSQL of CI."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ARTIFACTS = Path(settings.BASE_DIR) / "tests" / "artifacts"
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
    "--save", "", "--appendonly", "no",
]  # fmt: skip


def real_stack_missing() -> str:
    """Why real workers cannot run here, or "" when they can (read from the settings alone,
    so tests/conftest.py skips worker tests before they open the test database)."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if not settings.CELERY_BROKER_URL.startswith("redis") or "postgresql" not in engine:
        return "needs CELERY_BROKER_URL (Redis) and PostgreSQL (.ci/run sets both)"
    return ""


def require_real_stack() -> None:
    if missing := real_stack_missing():
        pytest.skip(missing)


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`celery worker` in its own process group, logging to tests/artifacts/."""

    def __init__(self, name: str, beat: bool = False, **env: str):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log = (ARTIFACTS / f"celery-{name}.log").open("w")
        # With beat, this process also runs the periodic sweep, as production's beat does.
        schedule = ["--beat", "-s", str(ARTIFACTS / f"beat-{name}")] if beat else []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "diplomacy", "worker", "--pool=solo",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "-n", f"{name}@%h",
             *schedule],
            cwd=settings.BASE_DIR,
            env={**os.environ, "DATABASE_URL": database_url(), **env},
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL, as a crash would: no clean shutdown, no acknowledgement."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


def wait_for(condition, seconds: float, every: float = 0.25, on_wait=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if on_wait:
            on_wait()
        time.sleep(every)
    raise AssertionError(f"condition not met within {seconds}s")


def redis_up() -> bool:
    run = subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True)
    return run.stdout.strip() == "PONG"


def redis_stop() -> None:
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], capture_output=True)
    wait_for(lambda: not redis_up(), 10)


def redis_start() -> None:
    if not redis_up():
        subprocess.run(REDIS_START, check=True, capture_output=True)
    wait_for(redis_up, 15)
