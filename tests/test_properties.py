"""Arbitrary input never breaks the extraction entry point or the upload parser."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomacy.articles.reading import UploadLimits, read_upload
from diplomacy.extraction import extract, load_knowledge_base, to_schema
from diplomacy.leaders.data import LEADERS_FILE

KB = load_knowledge_base(LEADERS_FILE)
LIMITS = UploadLimits(file_bytes=200_000, zip_files=20, zip_bytes=400_000, jsonl_lines=50)

names = st.sampled_from(["Putin", "Xi Jinping", "Macron", "Путин", "Kim Jong Un", "Merz"])
words = st.sampled_from(
    ["met", "a declarat", "said", "„", "”", "«", "»", '"', "'", "în iunie anul trecut", "Beijing",
     "<script>", "&amp;", "\n\n", "date 2025-09-03", "miercuri", "с", "встретился", ",", "."]
)  # fmt: skip
texts = st.one_of(
    st.text(max_size=2000),
    st.lists(st.one_of(names, words, st.text(max_size=12)), max_size=200).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))))
def test_extract_takes_any_text(text, published):
    result = to_schema(extract(text, published, KB), "x.txt")
    for meeting in result["meetings"]:
        for span in meeting["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for statement in result["statements"]:
        assert 0 <= statement["start"] <= statement["end"] <= len(text)


html = st.lists(
    st.sampled_from(
        ["<html>", "<body>", "<p>", "</p>", "<article>", "<div", ">", "<!--", "x", "é"]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.zip", "a.bin", "noname"]),
    data=st.one_of(
        st.binary(max_size=3000),
        html.map(str.encode),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
        st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b),
        st.text(max_size=300).map(lambda t: ('{"text": ' + repr(t) + "}\n").encode()),
    ),
)
def test_upload_parser_takes_any_bytes(name, data):
    items = read_upload(name, data, LIMITS)
    assert items
    for item in items:
        assert (item.article is None) != (item.error == "")
