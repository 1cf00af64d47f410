"""XML helpers shared by the authority's loaders: a safe parser and an element's text."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from memcon.errors import MalformedInput

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def parse(path: Path) -> etree._Element:
    """The root of an XML file (no entities, no network); :class:`MalformedInput` names the
    file and line of a broken one."""
    try:
        return etree.parse(str(path), _PARSER).getroot()
    except etree.XMLSyntaxError as exc:
        raise MalformedInput(f"not well-formed XML: {exc.msg}", path=str(path), line=exc.lineno) from exc


def text(el: etree._Element | None) -> str:
    """The element's text with spaces collapsed ("" for a missing element)."""
    if el is None:
        return ""
    return " ".join("".join(str(t) for t in el.itertext()).split())
