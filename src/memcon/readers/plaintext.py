"""Read a plain-text or Markdown file into one :class:`Document` of the volume ``text``.

The fallback reader: a transcript, notes, a document typed or pasted into a text file.
It yields ``Volume(id="text", title="Plain-text documents")`` then one Document whose
``text`` follows the rendered-text convention of :mod:`memcon.model.records`:

* **title** — YAML-ish front matter ``title:`` if present, else the first line (Markdown
  ``# Title`` and setext underlines stripped); a first line that is only a date is the
  date, and the title is the next line.  A file that opens straight into a hard-wrapped
  paragraph gets a title cut from its first sentence, and the paragraph stays in the body.
* **date** — front matter ``date:``, else the first line that *is* a date (optionally after
  a place: "Vienna, June 4, 1961, 1:15 p.m.") among the short blocks just below the title
  (:func:`parse_dateline`).  Never a date inside a paragraph of prose.
* **paragraphs** — blank-line separated; hard-wrapped lines joined again, list items kept
  as lines; Markdown emphasis, heading hashes, link targets, block-quote marks dropped.
* **pages** — ``[Page N]`` markers stay in the text and become the page map; a marker
  alone before the title is the page the document begins on (``marker=False``).

Bytes are decoded with :func:`memcon.readers._encoding.decode_text` (UTF-8, UTF-16/32
with a BOM, cp1252 with a warning; binary refused).  Enrichment (source notes, editorial
brackets) is not done here: :func:`memcon.enrich.enrich_document` does it after reading.

DOCS: docs/formats.md#plain-text-and-markdown
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from memcon.errors import EmptyInput, ReadError
from memcon.model.records import Document, PageBreak, Provenance, Volume
from memcon.readers import _doc_types
from memcon.readers._datelines import (
    Dateline,
    _unquote,
    parse_date_value,
    parse_dateline,
)
from memcon.readers._encoding import decode_text, sniff_text

READER = "memcon.plaintext"
VERSION = "1"
FORMAT = "text"
VOLUME_ID = "text"
VOLUME_TITLE = "Plain-text documents"

DATE_SEARCH_BLOCKS = 3
"""How many blocks below the title may hold the date line (conservative: the top only)."""
DATE_BLOCK_MAX_LINES = 4
TOP_LINE_MAX_CHARS = 160
"""A block above the date with a longer line is prose: the search stops there."""
TITLE_MAX_CHARS = 200
"""A first line longer than this is a paragraph, not a title."""
DERIVED_TITLE_CHARS = 100
MIN_WRAP_WIDTH = 50
"""Below this longest wrapped line, short lines are deliberate (an address), not wrapping."""
WRAP_RATIO = 0.6
"""A line at least this share of the wrap width was broken by wrapping: join the next one."""
WRAPPED_SHARE = 0.6
"""A file is hard-wrapped when this share of its broken lines look broken by wrapping."""
MAX_WRAP_WIDTH = 120
"""Lines longer than this are unwrapped paragraphs: their line break is deliberate."""

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_FRONT_KEYS = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{2,})\s*$")
_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")  # "* * *" stays: an omission in old texts
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)]|[IVXLC]{1,6}\.|\((?:\d{1,3}|[a-z])\))\s+\S")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
PAGE_MARKER = re.compile(r"\[Page ((?:[^\[\]\n]|\[[^\]\n]*\])+)\]")
"""``[Page N]`` as history.state.gov prints it (``N`` may hold brackets: ``[Page [326]]``)."""
_ONLY_PAGE = re.compile(r"^\s*\[Page ((?:[^\[\]\n]|\[[^\]\n]*\])+)\]\s*$")
# inline Markdown, applied in this order
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → its alt text
    (re.compile(r"\[([^\]\n]+)\]\((?:<[^>]*>|[^()\s]+)(?:\s+\"[^\"]*\")?\)"), r"\1"),  # link → its words
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z\"'“])")


@dataclass(frozen=True, slots=True)
class _Block:
    """A run of non-blank lines: ``kind`` is ``para``, ``heading`` or ``code``."""

    kind: str
    lines: tuple[str, ...]
    line: int
    hard: tuple[bool, ...] = ()
    """Per line: the source ended it with a Markdown hard break (two spaces, backslash)."""


def sniff_plaintext(head: bytes) -> bool:
    """True for any decodable text that is not XML/HTML markup or JSON (the fallback reader)."""
    text = sniff_text(head)
    if text is None:
        return False
    start = text.lstrip()
    if start.startswith("<") and re.match(r"<[?!A-Za-z]", start):
        return False
    if start.startswith("{"):
        return False
    # a JSON array: "[{", "[[", '["', "[]", "[1, 2]", "[true" … but "[1] a footnote" is text
    return not re.match(r"\[\s*(?:[{\[\"\]]|-?\d+(?:\.\d+)?\s*(?:,|\]\s*$)|(?:true|false|null)\s*[,\]])", start)


def read_plaintext(source: str | os.PathLike[str], *, sha256: str | None = None) -> Iterator[Volume | Document]:
    """Yield ``Volume("text")`` then the file's one Document (id ``text/`` + sha256[:12]).

    Raises :class:`EmptyInput` for a file with no text, :class:`MalformedInput` for binary
    data or bytes no supported encoding decodes (naming the line), :class:`ReadError` when
    the file cannot be opened.  Warns ``EncodingWarning`` when the file was cp1252.

    DOCS: docs/formats.md#plain-text-and-markdown
    """
    path = os.fspath(source)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}", path=path,
                        hint="check the path and its permissions") from exc
    digest = sha256 or hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyInput("the file is empty", path=path, hint="give a file that holds the document's text")
    text, _encoding = decode_text(data, path=path)
    volume_provenance = Provenance(source=path, sha256=digest, reader=READER, reader_version=VERSION, format=FORMAT)
    yield Volume(id=VOLUME_ID, title=VOLUME_TITLE, provenance=volume_provenance)
    markdown = path.lower().endswith(_MARKDOWN_SUFFIXES)
    yield parse_plaintext(text, path=path, doc_id=f"{VOLUME_ID}/{digest[:12]}", markdown=markdown,
                          provenance=Provenance(source=path, sha256=digest, reader=READER,
                                                reader_version=VERSION, format=FORMAT, line=1))


def parse_plaintext(text: str, *, path: str, doc_id: str, provenance: Provenance | None = None,
                    markdown: bool = False) -> Document:
    """The Document of an already decoded text (see the module docstring for the rules).

    ``markdown`` joins every soft line break of a paragraph (Markdown's rule); otherwise
    only lines broken by wrapping are joined.  Raises :class:`EmptyInput` when no text is left.
    """
    lines = text.split("\n")
    meta, body_start = _front_matter(lines)
    blocks, start_page = _blocks(lines, body_start)
    markdown = markdown or bool(meta) or any(b.kind == "heading" for b in blocks)
    title = _clean(_unquote(meta.get("title", "")), markdown=markdown) or None
    if not blocks and not title:
        raise EmptyInput("the file holds no text" + (" after its front matter" if meta else ""), path=path,
                         hint="give a file that holds the document's text")
    width = _wrap_width(blocks)
    dateline: Dateline | None = None
    date_before_title = False
    if title is None and len(blocks) > 1 and len(blocks[0].lines) == 1:
        dateline = parse_dateline(_clean(blocks[0].lines[0], markdown=markdown))
        if dateline is not None:  # "October 18, 1962" above the title (a Wilson Center page)
            date_before_title = True
            dateline = Dateline(dateline.place, dateline.date, _clean(blocks[0].lines[0], markdown=markdown))
            blocks = blocks[1:]
    heading, title_in_body, head, blocks = _title(title, blocks, markdown=markdown, width=width)
    if dateline is None and title_in_body:
        # the title's own block ("Department of State,\nWashington, February 28, 1861."), then below
        dateline = next((d for d in map(parse_dateline, head) if d is not None), None)
        found = None if dateline else _find_dateline(blocks, markdown=markdown, width=width)
        dateline = found[0] if found else dateline
    elif date_before_title and dateline is not None:
        head = (dateline.printed, *head)
    if "date" in meta:
        meta_date = parse_date_value(meta["date"])
        printed = dateline.date.when or "" if dateline else ""
        if meta_date is not None and not (meta_date.when and printed.startswith(meta_date.when)):
            # the front matter wins, unless the printed dateline says the same, more precisely
            dateline = Dateline(dateline.place if dateline else None, meta_date, dateline.printed if dateline else "")
    parts: list[str] = ["\n".join(((heading,) if title_in_body else ()) + head)]
    parts.extend(_render(block, markdown=markdown, width=width) for block in blocks)
    body = "\n\n".join(p for p in parts if p)
    pages = _page_map(body, start_page)
    year = int(dateline.date.when[:4]) if dateline and dateline.date.when else None
    place = dateline.place if dateline else None
    authors = tuple(a for a in (_clean(x, markdown=True) for x in _list_value(meta.get("author") or
                                                                            meta.get("authors", ""))) if a)
    return Document(
        id=doc_id, volume_id=VOLUME_ID, heading=heading, text=body,
        doc_type=_doc_types.classify(heading, year=year, place=place),
        place=place, date=dateline.date if dateline else None, pages=pages,
        language=_language(meta.get("language") or meta.get("lang"), body),
        provenance=(provenance,) if provenance else (), authors=authors,
    )


# ------------------------------------------------------------------ structure


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """``(keys, first body line)`` of a leading ``---`` … ``---`` block of ``key: value`` lines."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    key: str | None = None
    for i in range(1, min(len(lines), 80)):
        line = lines[i].rstrip()
        if line.strip() in ("---", "..."):
            return (meta, i + 1) if meta else ({}, 0)
        m = _FRONT_KEYS.match(line)
        if m:
            key = m.group(1).lower()
            meta[key] = m.group(2).strip()
        elif key and re.match(r"^\s+-\s+\S", line):  # a YAML list under the last key
            meta[key] = (meta[key] + "\n" if meta[key] else "") + line.strip()[1:].strip()
        elif line.strip() and not line.lstrip().startswith("#"):
            return {}, 0  # not front matter: a horizontal rule above ordinary text
    return {}, 0


def _list_value(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(v) for v in value[1:-1].split(",")]
    return [_unquote(v) for v in value.split("\n")]


def _blocks(lines: list[str], start: int) -> tuple[list[_Block], str | None]:
    """Split the body into blocks; return them and the page given alone before the text."""
    blocks: list[_Block] = []
    current: list[tuple[int, str]] = []
    start_page: str | None = None
    fence: str | None = None

    def flush() -> None:
        if current:
            blocks.extend(_split_headings(current))
            current.clear()

    for number, raw in enumerate(lines[start:], start=start + 1):
        if fence is not None:
            if raw.strip().startswith(fence):
                _close_code(blocks, current)
                fence = None
            else:
                current.append((number, raw.rstrip()))
            continue
        fenced = _FENCE.match(raw)
        if fenced:
            flush()
            fence = fenced.group(1)
            continue
        if not _QUOTE.sub("", raw).strip():  # blank, or an empty quote line ">"
            flush()
            continue
        if not blocks and not current and start_page is None and (m := _ONLY_PAGE.match(raw)):
            start_page = m.group(1).strip()
            continue
        current.append((number, raw))
    if fence is not None:
        _close_code(blocks, current)
    flush()
    return [b for b in blocks if b.lines], start_page


def _close_code(blocks: list[_Block], current: list[tuple[int, str]]) -> None:
    """A fenced code block, verbatim but for blank lines at its ends (none if it is empty)."""
    while current and not current[-1][1].strip():
        current.pop()
    while current and not current[0][1].strip():
        current.pop(0)
    if current:
        blocks.append(_Block("code", tuple(line for _, line in current), current[0][0]))
    current.clear()


def _split_headings(lines: list[tuple[int, str]]) -> list[_Block]:
    """One blank-line block → paragraphs and headings (ATX ``#`` lines, setext underlines, rules)."""
    out: list[_Block] = []
    para: list[tuple[int, str]] = []

    def close() -> None:
        if para:
            out.append(_Block("para", tuple(line.rstrip() for _, line in para), para[0][0],
                              tuple(line.endswith("  ") or line.rstrip().endswith("\\") for _, line in para)))
            para.clear()

    for number, line in lines:
        atx = _ATX.match(line)
        if atx:
            close()
            out.append(_Block("heading", (atx.group(2).strip(),), number))
        elif para and _SETEXT.match(line) and not _LIST_ITEM.match(para[-1][1]):
            heading = " ".join(text.strip() for _, text in para)
            first = para[0][0]
            para.clear()
            out.append(_Block("heading", (heading,), first))
        elif _RULE.match(line):
            close()
        else:
            para.append((number, line))
    close()
    return out


def _wrap_width(blocks: list[_Block]) -> int:
    """The width the file was hard-wrapped at, or 0 when its line breaks are deliberate.

    A wrapping editor breaks a line only when the next word would not fit: most broken
    lines of a wrapped file pass :func:`_wrapped` at the longest line's width.  An unwrapped
    file breaks lines where the writer chose (a heading above its dateline, an address).
    """
    pairs = [(line.strip(), b.lines[i + 1].strip()) for b in blocks if b.kind == "para"
             for i, line in enumerate(b.lines[:-1]) if len(line.strip()) <= MAX_WRAP_WIDTH]
    width = max((len(line) for line, _ in pairs), default=0)
    near = sum(1 for line, after in pairs if _wrapped(line, after, width))
    return width if width >= MIN_WRAP_WIDTH and near >= 2 and near >= WRAPPED_SHARE * len(pairs) else 0


def _wrapped(line: str, after: str, width: int) -> bool:
    """True when ``line`` was broken by wrapping at ``width``: the next word would not have fit."""
    first = after.split(" ", 1)[0]
    return WRAP_RATIO * width <= len(line) <= width < len(line) + 1 + len(first)


def _reflows(block: _Block, width: int) -> bool:
    """True when the lines of ``block`` are one paragraph broken by wrapping."""
    return (len(block.lines) > 1 and width > 0
            and not any(_LIST_ITEM.match(line) for line in block.lines)
            and all(_wrapped(a.strip(), b.strip(), width) for a, b in pairwise(block.lines)))


def _title(title: str | None, blocks: list[_Block], *, markdown: bool, width: int
           ) -> tuple[str, bool, tuple[str, ...], list[_Block]]:
    """``(heading, heading is printed as the first line, lines printed under it, other blocks)``."""
    if title is not None:
        if blocks and _clean(" ".join(blocks[0].lines), markdown=markdown) == title:
            blocks = blocks[1:]
        return title, True, (), blocks
    first = blocks[0]
    if first.kind == "heading":
        return _clean(first.lines[0], markdown=markdown), True, (), blocks[1:]
    line = _clean(first.lines[0].strip(), markdown=markdown)
    if len(line) > TITLE_MAX_CHARS or (first.kind == "para" and (markdown and len(first.lines) > 1
                                                                 and not _LIST_ITEM.match(first.lines[1])
                                                                 or _reflows(first, width))):
        # the text opens with prose: a title from its first sentence, the paragraph stays
        return _derived_title(_render(first, markdown=markdown, width=width)), False, (), blocks
    head = tuple(x for x in (_clean(raw, markdown=markdown) for raw in first.lines[1:]) if x)
    return line, True, head, blocks[1:]


def _derived_title(paragraph: str) -> str:
    text = " ".join(paragraph.split())
    m = _SENTENCE.match(text)
    if m and len(m.group(1)) <= DERIVED_TITLE_CHARS:
        return m.group(1)
    if len(text) <= DERIVED_TITLE_CHARS:
        return text
    cut = text[:DERIVED_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _find_dateline(blocks: list[_Block], *, markdown: bool, width: int) -> tuple[Dateline, int] | None:
    """The first line that is a date in the short blocks at the top, and its block's index."""
    for index, block in enumerate(blocks[:DATE_SEARCH_BLOCKS]):
        if block.kind == "code":
            continue
        lines = [x.strip() for x in block.lines]
        if (len(lines) > DATE_BLOCK_MAX_LINES or any(len(x) > TOP_LINE_MAX_CHARS for x in lines)
                or any(_wrapped(a, b, width) for a, b in pairwise(lines))):
            break  # prose begins: a date below it is inside the document, not its dateline
        for i, line in enumerate(lines):
            if i + 1 < len(lines) and lines[i + 1][:1].islower():
                continue  # "October 18, 1962\nat the latest": a sentence goes on
            found = parse_dateline(_clean(line, markdown=markdown))
            if found is not None:
                return found, index
    return None


# ------------------------------------------------------------------ rendering


def _clean(line: str, *, markdown: bool) -> str:
    """One line without Markdown markup (emphasis, links, quote marks, escapes) nor edge spaces."""
    line = _QUOTE.sub("", line).strip()
    if line.endswith("\\") and markdown:
        line = line[:-1].rstrip()
    for pattern, repl in _INLINE:
        if pattern.search(line):
            line = pattern.sub(repl, line)
    if markdown and "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line


def _render(block: _Block, *, markdown: bool, width: int) -> str:
    """A block as text: code verbatim, a heading as its words, a paragraph reflowed."""
    if block.kind == "code":  # verbatim, but never more than one blank line in a row
        return re.sub(r"\n\s*\n(?:\s*\n)+", "\n\n", "\n".join(line.rstrip() for line in block.lines))
    if block.kind == "heading":
        return _clean(block.lines[0], markdown=markdown)
    out: list[str] = []
    previous_item = False
    for i, raw in enumerate(block.lines):
        item = bool(_LIST_ITEM.match(raw))
        line = _clean(raw, markdown=markdown) if not item else _clean_item(raw, markdown=markdown)
        if not line:
            continue
        if not out or item:
            out.append(line)
        elif previous_item and raw[:1].isspace():
            out[-1] += " " + line  # an indented continuation of a list item
            continue
        elif _joins(block, i, markdown=markdown, width=width):
            out[-1] += " " + line
        else:
            out.append(line)
        previous_item = item
    return "\n".join(out)


def _clean_item(raw: str, *, markdown: bool) -> str:
    """A list item: its marker kept as printed, the rest cleaned."""
    m = re.match(r"^\s*(\S+)\s+(.*)$", raw)
    assert m is not None
    return f"{m.group(1)} {_clean(m.group(2), markdown=markdown)}"


def _joins(block: _Block, i: int, *, markdown: bool, width: int) -> bool:
    """Whether line ``i`` continues line ``i-1`` of the same paragraph."""
    if block.hard and block.hard[i - 1] and markdown:
        return False
    if markdown:
        return True
    before, line = block.lines[i - 1].strip(), block.lines[i].strip()
    if line[:1].islower() and before[-1:] not in ".:;!?":
        return True  # "… expected on October 18, 1962\nat the latest": the sentence goes on
    if width == 0 or not _wrapped(before, line, width):
        return False
    return before[-1:].islower() or parse_dateline(line) is None  # a dateline under a long heading


def _page_map(text: str, start_page: str | None) -> tuple[PageBreak, ...]:
    pages = [PageBreak(n=start_page, offset=0, marker=False)] if start_page else []
    pages.extend(PageBreak(n=m.group(1).strip(), offset=m.start()) for m in PAGE_MARKER.finditer(text))
    return tuple(pages)




_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in that is was he it for with on as by".split()),
    "fr": frozenset("le la les des et du que une est dans pour qui sur pas au".split()),
    "de": frozenset("der die und das nicht ist mit den dem sich auf ein eine des zu".split()),
    "es": frozenset("el la los las y que del por con una para es se su".split()),
    "it": frozenset("il di che la e per non del della con una sono gli le".split()),
    "pt": frozenset("o a os as e que do da dos das em um uma para com não".split()),
}


def _language(declared: str | None, text: str) -> str:
    """ISO 639-1 code: as the front matter declares it, else by script, else by common words."""
    if declared and re.fullmatch(r"[a-z]{2}", declared.strip().lower()):
        return declared.strip().lower()
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) > 0.3 * letters:
            return code
    words = re.findall(r"[^\W\d_]+", sample.lower())
    scores = {code: sum(1 for w in words if w in stop) for code, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] > scores["en"] else "en"


__all__ = ["FORMAT", "Dateline", "parse_date_value", "parse_dateline", "READER", "VERSION", "VOLUME_ID", "VOLUME_TITLE", "parse_plaintext", "read_plaintext",
           "sniff_plaintext"]
