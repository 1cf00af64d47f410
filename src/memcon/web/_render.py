"""A document's text as safe HTML, the way history.state.gov shows it, and the small helpers the
pages share (page anchors, document URLs, snippets, dates).

:func:`render_text` turns ``Document.text`` into paragraphs where

- each ``[Page N]`` marker is an anchor ``<a class="page" id="page-N" href="#page-N">[Page N]</a>``
  (the page in effect where the document begins gets an empty anchor of the same id);
- each footnote anchor ``[N]`` links to its note (``#fn-N``) and the note links back (``#fnref-N``);
- each name linked to a person is ``<a class="person" href="/people/{id}">`` with a hover card
  (``title``: who, and the office held on the document's date);
- each speaker turn begins with a label ``<span class="speaker">`` (who speaks, and how the record
  says so);
- editors' insertions (``[Here follows …]``) are ``<span class="editorial">``.

Every character of archive text is escaped (:func:`markupsafe.escape`); only the markup above is
added.  Spans that would cross one another or a paragraph break are left unmarked rather than
producing broken markup.

DOCS: docs/web.md#the-document-reader
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

import nh3
from markupsafe import Markup, escape

from memcon.model.people import Mention
from memcon.model.records import Document
from memcon.model.speech import Statement
from memcon.search.base import Snippet

RENDERER = "memcon.web.render.v1"

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2}))?")


def page_anchor(n: str) -> str:
    """The HTML id of printed page ``n``: ``226`` → ``page-226`` (characters unsafe in an id become ``_``)."""
    return "page-" + _UNSAFE_ID.sub("_", n)


def document_url(doc_id: str, *, page: str | None = None) -> str:
    """``/documents/{id}``, with ``#page-N`` when ``page`` is given."""
    url = "/documents/" + quote(doc_id, safe="/:")
    return url + ("#" + page_anchor(page) if page else "")


def person_url(person_id: str) -> str:
    """The person page of ``person_id`` (``/people/memcon:…``)."""
    return "/people/" + quote(person_id, safe=":")


def show_date(iso: str | None) -> str:
    """``1961-06-04`` → ``June 4, 1961``; ``1919-06`` → ``June 1919``; a range ``a/b`` → ``a – b``."""
    if not iso:
        return "undated"
    parts = []
    for part in iso.split("/"):
        m = _ISO.match(part)
        if not m:
            parts.append(part)
            continue
        year, month, day, hour, minute = m.groups()
        if month is None or not 1 <= int(month) <= 12:
            text = year
        elif day is None:
            text = f"{_MONTHS[int(month) - 1]} {year}"
        else:
            text = f"{_MONTHS[int(month) - 1]} {int(day)}, {year}"
        if hour is not None and (hour, minute) != ("00", "00"):
            text += f", {hour}:{minute}"
        parts.append(text)
    return " – ".join(parts)


def snippet_html(snippet: Snippet | None) -> Markup:
    """A search snippet escaped, its highlights wrapped in ``<mark>``."""
    if snippet is None:
        return Markup("")
    text = snippet.text
    out: list[str] = []
    position = 0
    for start, end in sorted(snippet.highlights):
        if start < position or end > len(text) or start >= end:
            continue
        out.append(str(escape(text[position:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(str(escape(text[position:])))
    return Markup("".join(out).replace("\n", " "))


_ALLOWED_TAGS = {"p", "br", "em", "i", "strong", "b", "u", "blockquote", "ul", "ol", "li", "span", "sup", "sub"}


def sanitize_html(markup: str) -> Markup:
    """Archive HTML (a Wilson Center transcript) cleaned with nh3: a few text tags, no attributes,
    scripts and styles dropped with their content.  Plain text comes out escaped."""
    if "<" not in markup:
        return Markup(str(escape(markup)).replace("\n\n", "<br><br>"))
    clean = nh3.clean(markup, tags=_ALLOWED_TAGS, attributes={}, clean_content_tags={"script", "style"},
                      link_rel=None)
    return Markup(clean)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    open: str
    close: str
    replace: str | None = None
    """Markup standing for the span's text (a page marker, a footnote anchor); ``None``: keep the text."""


@dataclass(frozen=True, slots=True)
class PersonCard:
    """What a linked name's hover card says: the person's name and their office on the date."""

    name: str
    office: str | None = None


def _page_spans(doc: Document) -> tuple[list[_Span], list[str]]:
    spans: list[_Span] = []
    starts: list[str] = []
    text = doc.text
    for pb in doc.pages:
        anchor = page_anchor(pb.n)
        marker = f"[Page {pb.n}]"
        at = text.find(marker, max(0, pb.offset - len(marker) - 2), pb.offset + len(marker) + 2) if pb.marker else -1
        if at == -1:
            starts.append(f'<span class="page page-start" id="{anchor}"></span>')
            continue
        spans.append(_Span(at, at + len(marker), "", "",
                           f'<a class="page" id="{anchor}" href="#{anchor}">[Page {escape(pb.n)}]</a>'))
    return spans, starts


def footnote_id(n: str) -> str:
    """The HTML id of footnote ``n`` (``fn-1``)."""
    return "fn-" + _UNSAFE_ID.sub("_", n)


def _footnote_spans(doc: Document) -> list[_Span]:
    spans = []
    for fn in doc.footnotes:
        if fn.inline or not fn.n:
            continue
        marker = f"[{fn.n}]"
        if doc.text[fn.offset:fn.offset + len(marker)] != marker:
            at = doc.text.find(marker, max(0, fn.offset - len(marker)), fn.offset + len(marker) + 1)
            if at == -1:
                continue
        else:
            at = fn.offset
        ident = footnote_id(fn.n)
        spans.append(_Span(at, at + len(marker), "", "",
                           f'<sup class="fnref"><a id="ref-{ident}" href="#{ident}" '
                           f'aria-label="Footnote {escape(fn.n)}">[{escape(fn.n)}]</a></sup>'))
    return spans


def _mention_spans(mentions: Iterable[Mention], cards: dict[str, PersonCard]) -> list[_Span]:
    spans = []
    for m in mentions:
        if m.footnote is None and m.person_id is None and m.name and m.end > m.start:
            # a title tied to a name the authority does not hold: "The Italian Ambassador" is De Martino
            note = f"{m.name} — not in the person authority"
            spans.append(_Span(m.start, m.end, f'<span class="person-named" title="{escape(note)}">', "</span>"))
            continue
        if m.footnote is not None or m.person_id is None or m.end <= m.start:
            continue
        card = cards.get(m.person_id)
        title = card.name if card else m.person_id
        if card and card.office:
            title += f" — {card.office}"
        spans.append(_Span(m.start, m.end,
                           f'<a class="person" href="{escape(person_url(m.person_id))}" title="{escape(title)}" '
                           f'data-card="{escape(title)}">',
                           "</a>"))
    return spans


def _editorial_spans(doc: Document) -> list[_Span]:
    return [_Span(a.start, a.end, '<span class="editorial">', "</span>")
            for a in doc.annotations if a.kind == "editorial" and a.footnote is None and a.end > a.start]


def speaker_label(statement: Statement, names: dict[str, str]) -> str:
    """``Khrushchev`` (the surname of the person's name); a quotation read out is
    ``quotation read by Khrushchev``; an unresolved speaker keeps the record's words with ``(?)``."""
    who = names.get(statement.speaker_id or "", "").partition(",")[0] or f"{statement.speaker_text} (?)"
    return f"quotation read by {who}" if statement.kind == "quotation" else who


def _turn_title(statement: Statement, names: dict[str, str]) -> str:
    who = names.get(statement.speaker_id or "", statement.speaker_text)
    return f"{who} — {statement.verb or statement.kind}: {statement.reason}"


def _accept(spans: Sequence[_Span], text: str) -> list[_Span]:
    """The spans kept: in priority order, none crossing an accepted one or a paragraph break."""
    taken: list[tuple[int, int]] = []
    kept = []
    for span in spans:
        if span.start < 0 or span.end > len(text):
            continue
        if span.replace is None and "\n\n" in text[span.start:span.end]:
            continue
        if any(span.start < end and start < span.end for start, end in taken):
            continue
        taken.append((span.start, span.end))
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _plain(text: str) -> str:
    """Escaped text with paragraph breaks (``</p><p>``) and line breaks (``<br>``).  Line breaks at
    the edges of ``text`` are kept (it may be a piece between two marks of one paragraph)."""
    paragraphs = text.split("\n\n")
    last = len(paragraphs) - 1
    out = []
    for i, p in enumerate(paragraphs):
        if i > 0:
            p = p.lstrip("\n")
        if i < last:
            p = p.rstrip("\n")
        out.append(str(escape(p)).replace("\n", "<br>\n"))
    return "</p>\n<p>".join(out)


def render_text(
    doc: Document,
    *,
    mentions: Sequence[Mention] = (),
    statements: Sequence[Statement] = (),
    cards: dict[str, PersonCard] | None = None,
    speaker_names: dict[str, str] | None = None,
) -> Markup:
    """``doc.text`` as HTML paragraphs with page anchors, footnote links, linked names, speaker
    labels and editorial marks (see the module docstring).  Archive text is always escaped."""
    text = doc.text
    page_spans, starts = _page_spans(doc)
    spans = _accept([*page_spans, *_footnote_spans(doc), *_mention_spans(mentions, cards or {}),
                     *_editorial_spans(doc)], text)
    labels: dict[int, list[str]] = {}
    last: str | None = None
    for s in sorted(statements, key=lambda s: s.start):
        who = s.speaker_id or s.speaker_text
        if not 0 <= s.start < len(text) or (who == last and s.kind != "quotation"):
            continue  # a label marks a turn: where the speaker changes
        last = who
        label = speaker_label(s, speaker_names or {})
        cls = "speaker" if s.speaker_id else "speaker unresolved"
        labels.setdefault(s.start, []).append(
            f'<span class="{cls}" title="{escape(_turn_title(s, speaker_names or {}))}">{escape(label)}</span> ')
    points = sorted({*labels, *(s.start for s in spans)})
    out: list[str] = ["<p>", *starts]
    position = 0
    by_start = {s.start: s for s in spans}
    for point in points:
        if point < position:
            continue
        out.append(_plain(text[position:point]))
        position = point
        out.extend(labels.get(point, ()))
        span = by_start.get(point)
        if span is None:
            continue
        if span.replace is not None:
            out.append(span.replace)
        else:
            out.append(span.open + _plain(text[span.start:span.end]) + span.close)
        position = span.end
    out.append(_plain(text[position:]))
    out.append("</p>")
    html = "".join(out).replace("<p></p>\n", "").replace("<p></p>", "")
    return Markup(html)


def footnote_html(text: str, *, mentions: Sequence[Mention] = (), cards: dict[str, PersonCard] | None = None) -> Markup:
    """A footnote's text escaped, its paragraphs kept, the persons it names linked (``mentions``:
    this footnote's, offsets into ``text``)."""
    spans = _accept(_mention_spans([dataclasses.replace(m, footnote=None) for m in mentions], cards or {}), text)
    out: list[str] = []
    position = 0
    for span in spans:
        out.append(_plain(text[position:span.start]))
        out.append(span.open + _plain(text[span.start:span.end]) + span.close)
        position = span.end
    out.append(_plain(text[position:]))
    return Markup("".join(out).strip().replace("</p>\n<p>", "<br><br>"))
