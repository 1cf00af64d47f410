"""Records for the store tests: volumes and documents with every field populated.

The documents look like FRUS documents as the reader renders them: about 7 KB of
text with ``[Page N]`` markers and ``[N]`` footnote anchors, a source note and
footnotes, persName/placeName/term annotations (some inside footnotes), a
participant list, an attachment with its own date, and a DocDate range.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random

from memcon.model.records import (
    AlternateText,
    Annotation,
    Attachment,
    DocDate,
    Document,
    Footnote,
    PageBreak,
    Participant,
    PersonEntry,
    Provenance,
    Reference,
    SourceNote,
    Tag,
    TermEntry,
    Volume,
)

_SENTENCES = (
    "the President said that Soviet missiles were the God of War today and that Berlin "
    "remained the crux of the matter Khrushchev replied the Secretary of State observed "
    "negotiations treaty Laos disarmament nuclear tests ambassador memorandum conversation "
    "government policy question agreement position situation"
)
WORDS = _SENTENCES.split()


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def provenance(volume_id: str, *, version: str = "a", line: int | None = None) -> Provenance:
    return Provenance(
        source=f"/data/frus/{volume_id}.xml",
        sha256=sha_of(volume_id + version),
        reader="memcon.frus_tei",
        reader_version="1",
        format="frus-tei",
        line=line,
    )


def make_volume(volume_id: str, *, version: str = "a") -> Volume:
    """A volume with every header field, persons, terms and provenance."""
    return Volume(
        id=volume_id,
        title=f"Foreign Relations of the United States, {volume_id}",
        series="Foreign Relations of the United States",
        subseries="1961–1963",
        volume_number="V",
        volume_title="Soviet Union",
        editors=("Charles S. Sampson", "Edward C. Keefer"),
        publisher="United States Government Printing Office",
        pub_place="Washington",
        pub_year="1998",
        persons=(
            PersonEntry("p_KNS1", "Khrushchev, Nikita S.", "Chairman of the Council of Ministers"),
            PersonEntry("p_KJF1", "Kennedy, John F.", "President of the United States"),
        ),
        terms=(TermEntry("t_USSR1", "USSR", "Union of Soviet Socialist Republics"),),
        provenance=provenance(volume_id, version=version, line=1),
    )


def _words(rng: random.Random, n_chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < n_chars:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def make_document(
    volume_id: str,
    seq: int,
    *,
    version: str = "a",
    text_chars: int = 7000,
    footnotes: int = 5,
    annotations: int = 10,
) -> Document:
    """A realistic document of ``volume_id`` at position ``seq`` with every field populated."""
    rng = random.Random(f"{volume_id}/{seq}/{version}")
    n = str(seq + 1)
    heading = f"{n}. Memorandum of Conversation ({version})"
    dateline = "Vienna, June 4, 1961, 12:45 p.m."
    paragraphs = [heading, dateline]
    body = _words(rng, text_chars)
    half = len(body) // 2
    page_marker = f"[Page {226 + seq}]"
    body = body[:half] + " " + page_marker + " " + body[half:]
    paragraphs.append(body)
    text = "\n\n".join(paragraphs)
    page_offset = text.index(page_marker)
    notes = [
        Footnote(
            n=None,
            text="Source: Department of State, Central Files.",
            offset=len(heading),
            kind="source",
            inline=True,
            xml_id=f"d{n}fn0",
        )
    ]
    for i in range(1, footnotes):
        notes.append(
            Footnote(
                n=str(i),
                text=f"Footnote {i}: " + _words(rng, 150),
                offset=rng.randrange(len(text)),
                xml_id=f"d{n}fn{i}",
            )
        )
    spans = []
    for i in range(annotations):
        if i % 5 == 4 and len(notes) > 1:
            fn = 1 + i % (len(notes) - 1)
            ftext = notes[fn].text
            spans.append(
                Annotation(kind="term", start=0, end=8, text=ftext[:8], target="#t_USSR1", footnote=fn)
            )
            continue
        start = rng.randrange(len(text) - 20)
        kind = ("persName", "placeName", "orgName", "gloss")[i % 4]
        spans.append(
            Annotation(
                kind=kind,
                start=start,
                end=start + 12,
                text=text[start : start + 12],
                target="#p_KNS1" if kind == "persName" else None,
                role="from" if i == 0 else None,
            )
        )
    return Document(
        id=f"{volume_id}/d{n}",
        volume_id=volume_id,
        heading=heading,
        text=text,
        n=n,
        doc_type="memorandum-of-conversation",
        place="Vienna",
        date=DocDate(
            text="June 4, 1961, 12:45 p.m.",
            when=None,
            start=f"1961-06-{4 + seq % 20:02d}T12:45:00+02:00",
            end=f"1961-06-{5 + seq % 20:02d}",
            not_before="1961-06-01",
            not_after="1961-06-30",
            precision="minute",
            uncertain=seq % 2 == 1,
            timezone="Europe/Vienna",
            source="dateline",
        ),
        subject="Berlin; Laos; nuclear tests",
        source_note=notes[0].text,
        footnotes=tuple(notes),
        participants=(
            Participant("Chairman Khrushchev", side="USSR", person_ref="#p_KNS1"),
            Participant("The President", side="US", person_ref="#p_KJF1"),
        ),
        chapter=("Vienna Summit", "June 3–4, 1961"),
        pages=(
            PageBreak(
                n=str(225 + seq), offset=0, facs=f"{225 + seq}.tif", xml_id=f"pg_{225 + seq}", marker=False
            ),
            PageBreak(n=str(226 + seq), offset=page_offset, facs=None, xml_id=f"pg_{226 + seq}", marker=True),
        ),
        annotations=tuple(spans),
        attachments=(
            Attachment(
                heading="Attachment: Aide-Mémoire",
                start=len(text) - 200,
                end=len(text),
                date=DocDate(text="June 4, 1961", when="1961-06-04", precision="day"),
                place="Vienna",
            ),
        ),
        language="en",
        provenance=(provenance(volume_id, version=version, line=100 + 40 * seq),),
        seq=seq,
        source_fields=SourceNote(
            text=notes[0].text if seq % 2 else "Source: a different text kept on its own.",
            archive="Department of State",
            collection="Central Files",
            file_numbers=("611.61/6-461",),
            classification="Secret",
            handling=("Eyes Only", "Presidential Handling"),
            drafted_by=("Akalovsky",),
            approved_by="the White House",
            approved_on="June 23",
            approved_date="1961-06-23",
            meeting_place="the Soviet Embassy",
            translation=seq % 2 == 0,
            paraphrase=seq % 3 == 0,
            telegram=True,
            serial="No. 109",
            enclosure=("Inclosure 1",),
            received="June 25",
            labels=("Translation",),
            other=("An unrecognised sentence.",),
            parts=(("archive", "Department of State, Central Files."), ("other", "An unrecognised sentence.")),
        ),
        summary="Khrushchev and Kennedy at lunch: missiles, the moon, Berlin.",
        original_language="ru",
        authors=("A. A. Gromyko", "N. S. Khrushchev"),
        archive="Archive of Foreign Policy, Russian Federation (AVP RF)",
        url=f"https://digitalarchive.wilsoncenter.org/document/{114511 + seq}",
        credits="This document was made possible with support from Leon Levy Foundation",
        signed_by="A. GROMYKO",
        signed_date=DocDate(text="20/10/1962", when="1962-10-20", precision="day", source="text"),
        references=(
            Reference("participants", "[Here follows the list of Document 84.]", f"{volume_id}/d84", 10,
                      "Listed on Page 5"),
            Reference("see", "[See Document 12.]", None, None, None),
        ),
        texts=(AlternateText("ru", "Во время беседы с Президентом Кеннеди …", "transcript", "Из телеграммы",
                             "https://digitalarchive.wilsoncenter.org/document/114511"),),
        tags=(Tag("collection", "Cuban Missile Crisis", "12"), Tag("coverage", "Cuba", None)),
    )


def make_documents(volume_id: str, count: int, *, version: str = "a", **options: int) -> list[Document]:
    return [make_document(volume_id, i, version=version, **options) for i in range(count)]


def unset_fields(record: object) -> list[str]:
    """Names of the dataclass fields of ``record`` that are ``None`` or an empty tuple."""
    return [
        f.name
        for f in dataclasses.fields(record)  # type: ignore[arg-type]
        if getattr(record, f.name) is None or getattr(record, f.name) == ()
    ]
