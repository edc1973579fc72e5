"""Write the golden extraction outputs the refactoring test compares against.

Run from the repository root: ``python tests/extraction/golden/make_golden.py``.
It extracts every article of the four corpora (the shared dev and train corpora beside
the repository, our own test corpus and the held-out bench) with the repository's
knowledge base, exactly as ``manage.py extract`` does (UTF-8 with an optional BOM, no
``--published``), and writes one JSON object per article to ``extract.jsonl``: the
corpus label, the SHA-256 of the article's bytes and ``to_schema``'s output.

Regenerate only when a change of behaviour is intended, and say so in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
# Where the shared corpora are comes from the settings (../shared, or DIPLOMACY_SHARED_DIR),
# also when this file runs as a script.
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")
from django.conf import settings  # noqa: E402

SHARED = Path(settings.SHARED_DIR)
GOLDEN = HERE / "extract.jsonl"

# label → folder; the label is what the golden file stores, so it does not depend on
# where the repository is checked out.
CORPORA = {
    "shared/corpus/dev": SHARED / "corpus" / "dev",
    "shared/corpus/train": SHARED / "corpus" / "train",
    "tests/extraction/corpus": ROOT / "tests" / "extraction" / "corpus",
    "bench/heldout": ROOT / "bench" / "heldout",
}


def articles() -> list[tuple[str, Path]]:
    """(label, path) of every article, sorted by corpus then file name."""
    return [
        (f"{label}/{path.name}", path)
        for label, folder in CORPORA.items()
        for path in sorted(folder.glob("*.txt"))
    ]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def output_of(label: str, data: bytes, kb) -> dict:
    from diplomacy.extraction import extract, to_schema

    return to_schema(extract(data.decode("utf-8-sig"), None, kb), label)


def main() -> None:
    from diplomacy.extraction import load_knowledge_base
    from diplomacy.leaders.data import LEADERS_FILE

    kb = load_knowledge_base(LEADERS_FILE)
    with GOLDEN.open("w", encoding="utf-8") as out:
        for label, path in articles():
            data = path.read_bytes()
            row = {"file": label, "sha256": digest(data), "output": output_of(label, data, kb)}
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
