"""Extraction engine: news article text → leaders, meetings and statements.

A plain Python library (no Django): ``extract(text, published, kb)`` returns an
``Extraction`` of dataclasses; ``to_schema`` turns it into the JSON object scored by
``eval/score.py``. The knowledge base is built from ``LeaderEntry`` values, from the
repository's JSONL file or from the application's database alike.
"""

from diplomacy.extraction.dates import read_date_marker
from diplomacy.extraction.engine import extract, to_schema
from diplomacy.extraction.knowledge import (
    KnowledgeBase,
    load_knowledge_base,
    load_leader_entries,
)
from diplomacy.extraction.language import detect_language

__all__ = [
    "KnowledgeBase",
    "detect_language",
    "extract",
    "load_knowledge_base",
    "load_leader_entries",
    "read_date_marker",
    "to_schema",
]
