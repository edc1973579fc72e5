"""The knowledge base as shipped: leaders.jsonl (built by build_leaders.py), loaded into
the database by `manage.py load_kb`. Plain data, no Django: whoever runs the extraction
library on the file (its tests, bench/) hands this path in."""

from pathlib import Path

LEADERS_FILE = Path(__file__).resolve().parent / "leaders.jsonl"
