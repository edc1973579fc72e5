"""Build ``geo/country_names.json``: country names in the eight article languages, from CLDR.

Run at build time only (``python diplomacy/extraction/data/build_country_names.py``);
the engine reads the generated file (through ``country_names.py``) and never imports
babel.
"""

import json
from pathlib import Path

from babel import Locale

LANGUAGES = ("en", "ro", "fr", "de", "es", "it", "pt", "ru")
OUT = Path(__file__).resolve().parent / "geo" / "country_names.json"


def build() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for language in LANGUAGES:
        territories = Locale.parse(language).territories
        for code, name in territories.items():
            # Two-letter codes are countries; numeric ones are regions, ZZ/EZ/UN are not states.
            if len(code) != 2 or not code.isalpha() or code in {"ZZ", "EZ", "UN", "QO", "EU"}:
                continue
            names.setdefault(code, [])
            if name not in names[code]:
                names[code].append(name)
    return dict(sorted(names.items()))


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
