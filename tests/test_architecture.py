"""The apps' one-way order (docs/architecture.md), also when only pytest runs: the
contracts in pyproject.toml ([tool.importlinter]) checked by import-linter."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings


def test_imports_follow_the_order_of_the_apps_and_make_no_circle():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [lint_imports, "--no-cache"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout
