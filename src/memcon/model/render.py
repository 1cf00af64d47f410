"""The plain-text reading view of a document, as history.state.gov shows it.

The text (heading, dateline, paragraphs with ``[Page N]`` markers and ``[N]`` anchors),
then the footnotes listed after it: ``N. text``, the source note first.  Inline notes are
printed in the text itself and are not listed again.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

from memcon.model.records import Document, Footnote


def render_document(doc: Document, *, footnotes: bool = True) -> str:
    """``doc.text``, followed (unless ``footnotes=False``) by its footnotes, one per line."""
    if not footnotes:
        return doc.text
    listed = [fn for fn in doc.footnotes if not fn.inline]
    if not listed:
        return doc.text
    listed.sort(key=lambda fn: fn.kind != "source")  # stable: the source note first, then in order
    lines = [_footnote_line(fn) for fn in listed]
    return doc.text + "\n\n" + "\n".join(lines)


def _footnote_line(fn: Footnote) -> str:
    """``N. text``; a footnote of several paragraphs continues on indented lines."""
    prefix = f"{fn.n}. " if fn.n else ""
    lines = [line.strip() for line in fn.text.strip().split("\n") if line.strip()]
    return prefix + ("\n" + " " * len(prefix)).join(lines)


_LANGUAGES = {"en": "English", "ru": "Russian", "zh": "Chinese", "de": "German", "fr": "French",
              "es": "Spanish", "it": "Italian", "ja": "Japanese", "pl": "Polish", "cs": "Czech",
              "hu": "Hungarian", "ro": "Romanian", "bg": "Bulgarian", "ko": "Korean", "vi": "Vietnamese"}


def language_name(code: str | None) -> str | None:
    """``ru`` → ``Russian``; an unknown code is returned as it is."""
    return None if code is None else _LANGUAGES.get(code, code)


def render_details(doc: Document) -> str:
    """What the record says besides its text, one ``Label: value`` line each: summary,
    languages, authors, signature, archive, URL, credits, parsed source note, references,
    texts in other languages, and every source it was read from.  Empty when there is none."""
    lines: list[str] = []

    def add(label: str, value: str | None) -> None:
        if value:
            lines.append(f"{label}: {value}")

    add("Summary", doc.summary)
    if doc.original_language and doc.original_language != doc.language:
        add("Language", f"{language_name(doc.language)} translation of the {language_name(doc.original_language)} "
            "original")
    add("Authors", "; ".join(doc.authors))
    signed = doc.signed_by
    if doc.signed_date is not None:
        signed = f"{signed or '(unsigned)'}, {doc.signed_date.when or doc.signed_date.text}"
    add("Signed", signed)
    add("Archive", doc.archive)
    add("URL", doc.url)
    add("Credits", doc.credits)
    note = doc.source_fields
    if note is not None:
        archive = ", ".join(x for x in (note.archive, note.collection, *note.file_numbers) if x)
        add("Source", archive)
        add("Classification", "; ".join(x for x in (note.classification, *note.handling) if x))
        add("Drafted by", ", ".join(note.drafted_by))
        if note.approved_by or note.approved_on:
            add("Approved", " ".join(x for x in (note.approved_by, note.approved_date or note.approved_on) if x))
        add("Meeting place", note.meeting_place)
    for ref in doc.references:
        target = f" → {ref.target}" if ref.target else ""
        what = "Participants" if ref.kind == "participants" else "See"
        add(what, f"{ref.text}{target}" + (f" ({ref.note})" if ref.note else ""))
    for alt in doc.texts:
        add(f"Also in {language_name(alt.language)}", f"{alt.kind}, {len(alt.text):,} characters"
            + (f" — {alt.title}" if alt.title else ""))
    for tag in doc.tags:
        add(tag.kind.capitalize(), tag.value)
    for p in doc.provenance:
        add("Read from", f"{p.source} ({p.format}, {p.reader} v{p.reader_version})")
    return "\n".join(lines)
