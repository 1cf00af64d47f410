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
