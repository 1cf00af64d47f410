"""``memcon quote``: where a quote comes from, on which printed page, how faithful it is, and its citation."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.text import Text

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option

if TYPE_CHECKING:
    from memcon.cite.quotes import QuoteMatch, QuoteResult

NOT_FOUND_EXIT = 1
"""Exit status when the quote is not found (as grep does); 0 when it is."""


@click.command(name="quote", context_settings=COMMAND_SETTINGS)
@click.argument("text", metavar="QUOTE")
@store_option
@click.option("--limit", type=click.IntRange(0, 50), default=3, show_default=True,
              help="Other passages to show (the nearest ones when the quote is not found).")
@click.option("--style", default="chicago-note", show_default=True, metavar="STYLE",
              help="Citation style: chicago-note, chicago-short, chicago-bib, apa or mla.")
@json_option
@handle_errors
def quote_cli(text: str, db: str, limit: int, style: str, as_json: bool) -> None:
    """Verify a quote: find the passage it comes from (exact first, then fuzzy), with the document,
    the printed page(s), the citation, and a word-level diff of the quote against the source.

    Punctuation, curly or straight quotes, dashes, line breaks and case do not count; an ellipsis
    (…, ..., . . .) stands for omitted words; typos, OCR errors and spelling variants are
    tolerated and shown.  A word added, dropped without an ellipsis or replaced makes the quote
    "not found": the nearest passages are shown with their similarity, and the exit status is 1.
    QUOTE "-" reads the quote from standard input.

    Example:

        memcon quote "natural love is better than love through interpreters"
        memcon quote "natural love … through interpreters" --style apa
        pbpaste | memcon quote - --json
    """
    from memcon.cite.quotes import verify_quote
    from memcon.workspace import open_workspace

    if text == "-":
        text = sys.stdin.read()
    with open_workspace(db, create=False) as ws:
        result = verify_quote(ws, text, limit=limit, style=style)
    if as_json:
        echo_json(result.to_dict())
    else:
        print_result(result, Console(highlight=False, soft_wrap=True))
    if not result.found:
        sys.exit(NOT_FOUND_EXIT)


ELIDED_WORDS = 12
"""Source words skipped at an ellipsis shown in full up to this many; beyond, counted."""


def diff_text(match: QuoteMatch, *, marks: bool = False) -> Text:
    """The source passage with the quote's differences marked: source words the quote leaves out
    struck through in red (dim ``[…]`` where it says so with an ellipsis), words only the quote has
    in green, a variant's source word in yellow with the quote's spelling after it.  With ``marks``
    (output that is not a terminal) the changes are also written as wdiff does: ``[-source-]``,
    ``{+quote+}``."""
    out = Text()
    left, right = ("[-", "-]") if marks else ("", "")
    plus, end = ("{+", "+}") if marks else ("+", "")
    for op in match.diff:
        if out:
            out.append(" ")
        if op.op == "equal":
            out.append(op.source)
        elif op.op == "delete" and op.elided:
            count = len(op.source.split())
            shown = op.source if count <= ELIDED_WORDS else f"{count} words"
            out.append(f"[… {shown}]", style="dim")
        elif op.op == "delete":
            out.append(f"{left}{op.source}{right}", style="red strike")
        elif op.op == "insert":
            out.append(f"{plus}{op.quote}{end}", style="green bold")
        elif op.variant:
            out.append(op.source, style="yellow")
            out.append(f" ({op.quote})", style="yellow dim")
        else:
            out.append(f"{left}{op.source}{right}", style="red strike")
            out.append(" ")
            out.append(f"{plus}{op.quote}{end}", style="green bold")
    return out


def _where(match: QuoteMatch) -> str:
    page = f"p. {match.page}" if match.page else "no printed page"
    note = f", note {match.footnote}" if match.footnote else ""
    return f"{match.document_id}, {page}{note}"


def print_result(result: QuoteResult, console: Console) -> None:
    """The human-readable form of a :class:`~memcon.cite.quotes.QuoteResult`."""
    match = result.match
    marks = not console.is_terminal
    if match is not None:
        changes = "verbatim" if all(op.op == "equal" or op.elided for op in match.diff) else "with variants"
        console.print(Text.assemble(("Found", "bold green"), f" ({match.method}, {changes}) in {_where(match)}"))
        console.print(f"  {match.heading}" + (f" · {match.date}" if match.date else ""))
        console.print(Text.assemble("  Source: ", diff_text(match, marks=marks)))
        if match.citation:
            console.print(f"  Cite: {match.citation}")
        console.print(f"  similarity {match.similarity:.2f} · {result.method}", style="dim")
        if result.candidates:
            console.print("Also:")
    else:
        console.print(Text.assemble(("Not found", "bold red"),
                                    ": no passage of the corpus holds these words as quoted "
                                    f"({result.method})."))
        if result.candidates:
            console.print("Nearest passages ([-source words the quote lacks-], {+words only the quote has+}):"
                          if marks else "Nearest passages (source words the quote lacks struck through, "
                          "words only the quote has in green):")
        else:
            console.print("No passage comes near it.")
    for n, candidate in enumerate(result.candidates, 1):
        changes = f", {candidate.changes} change{'s' if candidate.changes != 1 else ''}" if candidate.changes else ""
        console.print(f"  {n}. {_where(candidate)} — similarity {candidate.similarity:.2f}{changes}")
        console.print(f"     {candidate.heading}" + (f" · {candidate.date}" if candidate.date else ""), style="dim")
        console.print(Text.assemble("     ", diff_text(candidate, marks=marks)))
