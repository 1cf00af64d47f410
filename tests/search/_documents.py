"""Documents for the search tests: FRUS paragraphs typed in, rendered as ``Document.text`` is.

``make_document`` computes the page map from the ``[Page N]`` markers in the
text (the page in effect where the document begins is ``first_page``) and the
footnote offsets from the ``[N]`` anchors, as the FRUS reader does.
"""

from __future__ import annotations

import re

from memcon.model.records import DocDate, Document, Footnote, PageBreak

_MARKER = re.compile(r"\[Page ([^\]]+)\]")


def make_document(
    doc_id: str,
    heading: str,
    text: str,
    *,
    doc_type: str = "document",
    date: str | None = None,
    first_page: str | None = "1",
    footnotes: tuple[str, ...] = (),
) -> Document:
    """A Document whose ``pages`` and footnote offsets follow the markers in ``text``."""
    volume_id = doc_id.split("/")[0]
    pages = [PageBreak(first_page, 0, marker=False)] if first_page else []
    pages += [PageBreak(m.group(1), m.start()) for m in _MARKER.finditer(text)]
    notes = []
    for i, note in enumerate(footnotes, start=1):
        anchor = text.find(f"[{i}]")
        notes.append(Footnote(str(i), note, max(anchor, 0)))
    return Document(
        id=doc_id,
        volume_id=volume_id,
        heading=heading,
        text=text,
        n=doc_id.rsplit("d", 1)[-1],
        doc_type=doc_type,
        date=DocDate(text=date, when=date) if date else None,
        footnotes=tuple(notes),
        pages=tuple(pages),
    )


# frus1919Parisv01, document 337 (abridged), with its enclosure and footnote 29.
D337 = make_document(
    "frus1919Parisv01/d337",
    "The Chargé in France (Bliss) to Mr. Henry White",
    "337. The Chargé in France (Bliss) to Mr. Henry White\n\n"
    "Henry White Papers\n\n"
    "Paris, January 9, 1919.\n\n"
    "Sir: I have the honor to send you herewith enclosed the plan of the preliminary sittings of "
    "the Allied Ministers which I have just received from the Minister for Foreign Affairs in the "
    "French text accompanied by an English translation.\n\n"
    "I have [etc.]\n\n"
    "Robert Woods Bliss\n\n"
    "[Page 386] [Enclosure—Translation]\n\n"
    "Plan of the Preliminary Conversations Between the Allied Ministers[1]\n\n"
    "January 5, 1919.\n\n"
    "A preparatory meeting of the members of the Supreme Council of Versailles is necessary in "
    "order to settle several questions of form and substance.",
    date="1919-01-09",
    first_page="385",
    footnotes=(
        (
            "The translation here printed is that of Appendix A to the Minutes of the Council of Ten, "
            "session of Jan. 12, 1919, 4 p.m. (BC–A1). Cf. also André Tardieu, The Truth About the "
            "Treaty (Indianapolis, 1921), p. 88, where Tardieu states that he had been asked by "
            "M. Clemenceau to prepare this general plan of procedure."
        ),
    ),
)

# frus1919Parisv01: a memorandum paragraph (Lansing, Clemenceau, President Wilson).
MEMO = make_document(
    "frus1919Parisv01/d30",
    "Memorandum by the Secretary of State",
    "30. Memorandum by the Secretary of State\n\n"
    "Mr. Lansing spoke at some length on the organization of an international council in "
    "connection with the League of Nations, which led to a general discussion of the League of "
    "Nations, the question of strategic boundaries, &c. The discussion then led to the recent "
    "election victory of Lloyd George, and the victory of Clemenceau in obtaining in the Chamber "
    "of Deputies the greatest majority vote he had ever received. [Page 161] It was pointed out "
    "that President Wilson alone had met with a political reserve in the recent elections at "
    "home, and that he was also handicapped by the approach of the end of his term of office.",
    date="1918-12-20",
    first_page="160",
)

# frus1919Parisv01: the President's address of November 11, 1918.
ARMISTICE = make_document(
    "frus1919Parisv01/d2",
    "The President's Proclamation",
    "2. The President's Proclamation\n\n"
    "My Fellow Countrymen: The armistice was signed this morning. Everything for which America "
    "fought has been accomplished. It will now be our fortunate duty to assist by example, by "
    "sober, friendly counsel, and by material aid in the establishment of just democracy "
    "throughout the world.\n\nWoodrow Wilson",
    doc_type="proclamation",
    date="1918-11-11",
    first_page="1",
)

# frus1918Russiav03, document 1: a telegram.
TELEGRAM = make_document(
    "frus1918Russiav03/d1",
    "The Secretary of State to the Ambassador in Russia (Francis)",
    "1. The Secretary of State to the Ambassador in Russia (Francis)\n\n"
    "File No. 861.51/131\n\n[Telegram]\n\nWashington, April 3, 1917, 6 p.m.\n\n"
    "1295. Secretary of Treasury requests that you confer immediately with Minister of Finance "
    "and ascertain if financial aid or credit is desired by the Russian Government, and if so, "
    "probable amount and over what period of time it should be available, and as to what is the "
    "most effective way in which such aid or credit can be extended.\n\nLansing",
    doc_type="telegram",
    date="1917-04-03",
    first_page="1",
)

# An undated note (frus1918Russiav03 prints several): no date, no page map.
UNDATED = make_document(
    "frus1918Russiav03/d9",
    "Memorandum: Financial Aid to Russia",
    "9. Memorandum: Financial Aid to Russia\n\nThe armistice question was not discussed. "
    "Credit for the Russian Government was discussed with the Minister of Finance.",
    first_page=None,
)

CORPUS = (D337, MEMO, ARMISTICE, TELEGRAM, UNDATED)
