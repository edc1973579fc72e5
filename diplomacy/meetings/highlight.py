"""Evidence sentences with the leaders' mentions marked, escaped piece by piece."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def highlight(text: str, offset: int, spans: list[tuple[int, int]]) -> SafeString:
    """`text` starts at `offset` in its article; `spans` are article offsets to mark.

    Every piece of article text goes through escape(), so nothing in an article is
    ever rendered as markup.
    """
    pieces, position = [], 0
    for start, end in sorted(spans):
        start, end = start - offset, end - offset
        if start < position or start < 0 or end > len(text):
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
