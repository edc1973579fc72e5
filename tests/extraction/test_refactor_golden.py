"""The engine's output on every corpus article equals the golden output saved before the rebuild.

``golden/extract.jsonl`` holds, for each article of the four corpora (shared dev and
train, our own test corpus, the held-out bench), the SHA-256 of its bytes and what
``to_schema(extract(...))`` returned when it was written (see ``golden/make_golden.py``).
A refactoring must reproduce it exactly; a change of behaviour regenerates it, in its own
commit. Articles of the shared corpora are skipped when that folder is not beside the
repository.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
_spec = importlib.util.spec_from_file_location("make_golden", GOLDEN_DIR / "make_golden.py")
make_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_golden)

ROWS = [json.loads(line) for line in make_golden.GOLDEN.read_text(encoding="utf-8").splitlines()]
PATHS = dict(make_golden.articles())


def test_golden_file_covers_every_article_of_the_corpora_present():
    present = [label for label, folder in make_golden.CORPORA.items() if folder.is_dir()]
    stored = [row["file"] for row in ROWS if row["file"].rsplit("/", 1)[0] in present]
    assert sorted(stored) == sorted(PATHS)


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_extraction_equals_the_golden_output(row, knowledge_base):
    path = PATHS.get(row["file"])
    if path is None:
        pytest.skip(f"{row['file']} is not here (shared corpus missing?)")
    data = path.read_bytes()
    assert make_golden.digest(data) == row["sha256"], f"{row['file']} changed since golden"
    assert make_golden.output_of(row["file"], data, knowledge_base) == row["output"]
