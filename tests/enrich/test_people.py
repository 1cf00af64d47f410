"""The mention linker (memcon.enrich.people) on real documents, their editors' tags as answer key."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.enrich.people import METHOD, Linker, link_document, person_candidates, volume_candidates
from memcon.model.records import Annotation, DocDate, Document, PersonEntry, Volume
from memcon.readers import read
from tests._shared import require, shared_path

D88 = "corpus/frus-excerpts/frus1961-63v05-d88.xml"


def _read(rel: str) -> tuple[Volume, list[Document]]:
    records = list(read(require(shared_path() / rel, rel)))
    volume = records[0]
    assert isinstance(volume, Volume)
    return volume, [r for r in records[1:] if isinstance(r, Document)]


@cache
def _d88() -> tuple[Volume, Document, Linker]:
    volume, docs = _read(D88)
    return volume, docs[0], Linker(volume_candidates(volume))


def _doc(text: str, *, date: str | None = "1961-06-04", footnotes: tuple[str, ...] = ()) -> Document:
    from memcon.model.records import Footnote

    return Document(
        id="t/d1", volume_id="t", heading="1. Test", text=text,
        date=DocDate(date, when=date) if date else None,
        footnotes=tuple(Footnote(str(i + 1), t, 0) for i, t in enumerate(footnotes)),
    )


def _by_text(mentions: tuple) -> dict[str, str | None]:  # type: ignore[type-arg]
    return {m.text: m.person_id for m in mentions}


def _scored(doc: Document, mentions: tuple, volume_id: str) -> tuple[int, int]:  # type: ignore[type-arg]
    """(tagged with a target, linked right: the span or an overlapping one to the same entry)."""
    right = total = 0
    for a in doc.annotations:
        if a.kind != "persName" or not a.target:
            continue
        vol, _, xml = a.target.partition("#")
        want = f"{vol or volume_id}#{xml}"
        total += 1
        right += any(m.footnote == a.footnote and m.start < a.end and a.start < m.end and m.person_id == want
                     for m in mentions)
    return total, right


# -- real documents and their editors' tags ------------------------------------------------


@pytest.mark.shared
def test_d88_every_editor_tag_is_linked_right() -> None:
    volume, doc, linker = _d88()
    mentions = linker.link(doc)
    total, right = _scored(doc, mentions, volume.id)
    assert total == 26 and right == 26
    assert all(m.method == METHOD and m.reason and m.text == (doc.text if m.footnote is None else
               doc.footnotes[m.footnote].text)[m.start:m.end] for m in mentions)


@pytest.mark.shared
def test_the_linker_never_reads_the_annotations() -> None:
    _, doc, linker = _d88()
    bare = linker.link(replace(doc, annotations=()))
    decoy = Annotation("persName", 0, 10, doc.text[:10], "#p_RD1")
    assert linker.link(doc) == bare == linker.link(replace(doc, annotations=(decoy,) * 50))


@pytest.mark.shared
def test_editor_tagged_paragraphs_of_1918_russia() -> None:
    volume, docs = _read("corpus/frus/frus1918Russiav03.xml")
    linker = Linker(volume_candidates(volume))
    total = right = 0
    for doc in docs:
        t, r = _scored(doc, linker.link(replace(doc, annotations=())), volume.id)
        total, right = total + t, right + r
    assert total == 1852
    assert right / total >= 0.97  # measured 0.979 (benchmarks/linking.py --no-authority)


@pytest.mark.shared
def test_heading_titles_choose_between_namesakes() -> None:
    """"The Ambassador in Japan (Morris)" is Roland S. Morris, not Ira N. Morris (Sweden)."""
    volume, docs = _read("corpus/frus/frus1918Russiav03.xml")
    linker = Linker(volume_candidates(volume))
    doc = next(d for d in docs if "The Ambassador in Japan (Morris)" in d.text)
    at = doc.text.index("The Ambassador in Japan (Morris)") + len("The Ambassador in Japan (")
    mention = next(m for m in linker.link(doc) if m.start == at and m.footnote is None)
    assert mention.person_id == f"{volume.id}#p_MRS1"
    assert "title" in mention.reason


# -- the seeds ---------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_web_page_with_the_volume_persons_list() -> None:
    from memcon.readers.hsg_page import read_hsg_page

    _, _, linker = _d88()
    doc = [r for r in read_hsg_page(require(shared_path() / "corpus/seeds/frus1961-63v05-d88.web.txt", "seed"))][-1]
    assert isinstance(doc, Document)
    got = Counter(m.person_id for m in linker.link(doc))
    for xml in ("p_KNS1", "p_GAA1", "p_RD1", "p_AK1"):  # Khrushchev, Gromyko, Rusk, Adenauer
        assert got[f"frus1961-63v05#{xml}"] >= 1, xml
    assert got["frus1961-63v05#p_KNS1"] >= 18
    assert got[None] == 0


@pytest.mark.shared
def test_seed_wilson_record_with_the_volume_persons_list() -> None:
    from memcon.readers.wilson_page import read_wilson_page

    _, _, linker = _d88()
    doc = [r for r in read_wilson_page(require(shared_path() / "corpus/seeds/wilson-114511.txt", "seed"))][-1]
    assert isinstance(doc, Document)
    mentions = linker.link(doc)
    named = {m.text: m.person_id for m in mentions}
    v = "frus1961-63v05#"
    assert named["Rusk"] == v + "p_RD1"
    assert named["Thompson"] == v + "p_TLEJ1"
    assert named["Akalovsky"] == v + "p_AAA1"
    assert named["Dobrynin"] == v + "p_DAF1"
    assert named["Suhodrev"] == v + "p_SVM1"  # a spelling variant of Sukhodrev
    assert named["Fidel Castro"] == v + "p_CF1"
    assert named["Robert Kennedy"] == v + "p_KRF1"
    assert named["A. GROMYKO"] == v + "p_GAA1" and named["A.A. GROMYKO"] == v + "p_GAA1"
    assert named["N. S. Khrushchev"] == v + "p_KNS1"
    kennedy = [m for m in mentions if m.text == "Kennedy"]
    assert kennedy and all(m.person_id == v + "p_KJF1" for m in kennedy)
    fuzzy = next(m for m in mentions if m.text == "Suhodrev")
    assert "spelling variant of 'Sukhodrev'" in fuzzy.reason and fuzzy.confidence < 0.8


@pytest.fixture(scope="module")
def authority_linker() -> Linker:
    """The whole authority (people/, POCOM, presidents, visits) merged with d88's list."""
    authority = require(shared_path() / "authority", "authority data")
    try:
        from memcon.authority.build import build_authority
        from memcon.authority.load import load_authority
        from memcon.authority.volume_persons import load_volume_persons
    except ImportError:  # pragma: no cover - until the authority lands
        pytest.skip("memcon.authority not available")
    volume, _, _ = _d88()
    persons = build_authority(load_authority(authority), list(load_volume_persons(volume)))
    linker = Linker(person_candidates(persons))
    listed = {p.id for p in persons if any(k.startswith(volume.id + "#") for k in p.keys)}
    return linker.with_listed(listed)


@pytest.mark.shared
def test_seeds_with_the_authority(authority_linker: Linker) -> None:
    from memcon.readers.hsg_page import read_hsg_page
    from memcon.readers.wilson_page import read_wilson_page

    seeds = shared_path() / "corpus/seeds"
    web = [r for r in read_hsg_page(seeds / "frus1961-63v05-d88.web.txt")][-1]
    wilson = [r for r in read_wilson_page(seeds / "wilson-114511.txt")][-1]
    assert isinstance(web, Document) and isinstance(wilson, Document)
    names = {c.id: c.name for c in authority_linker.candidates}

    def linked(doc: Document) -> set[str]:
        return {names[m.person_id].split(",")[0] for m in authority_linker.link(doc) if m.person_id}

    assert {"Khrushchev", "Gromyko", "Rusk", "Adenauer", "Strauss", "Lenin"} <= linked(web)
    assert {"Rusk", "Thompson", "Hillenbrand", "Akalovsky", "Semenov", "Dobrynin", "Sukhodrev", "Kennedy",
            "Gromyko", "Khrushchev", "Castro", "Dorticós Torrado"} <= linked(wilson)


@pytest.mark.shared
def test_clashes_with_the_authority(authority_linker: Linker) -> None:
    """Johnson and Bundy among the authority's namesakes, the d88 list as the volume's."""
    names = {c.id: c.name for c in authority_linker.candidates}

    def linked(text: str, date: str, volume: str = "frus1961-63v05") -> list[tuple[str, str | None]]:
        doc = replace(_doc(text, date=date), id=f"{volume}/d1", volume_id=volume)
        return [(m.text, names.get(m.person_id or "")) for m in authority_linker.link(doc)]

    assert linked("Mr. Johnson met the Ambassador.", "1961-06-04") == [("Johnson", "Johnson, Ural Alexis")]
    assert linked("President Johnson spoke.", "1965-03-01", "t") == [("Johnson", "Johnson, Lyndon Baines")]
    assert linked("William P. Bundy called. Later Bundy agreed.", "1964-08-04") == [
        ("William P. Bundy", "Bundy, William Putnam"), ("Bundy", "Bundy, William Putnam")]
    assert linked("McGeorge Bundy called. Later Bundy agreed.", "1962-10-18") == [
        ("McGeorge Bundy", "Bundy, McGeorge"), ("Bundy", "Bundy, McGeorge")]


@pytest.mark.shared
def test_a_bare_surname_is_not_linked_to_a_person_known_only_from_other_decades(authority_linker: Linker) -> None:
    """The authority's only Lozano with dates is Julio Lozano Díaz, Honduras's head of state in
    1954–56 (no birth year): "Dr. Lozano" of a 1934 despatch (Colombia's Fabio Lozano) is not
    him; in 1955 he is."""
    names = {c.id: c.name for c in authority_linker.candidates}

    def linked(text: str, date: str) -> list[tuple[str, str | None]]:
        doc = replace(_doc(text, date=date), id="frus-t/d1", volume_id="frus-t")
        return [(m.text, names.get(m.person_id or "")) for m in authority_linker.link(doc)]

    assert linked("Dr. Lozano said that his Legation had nothing to report.", "1934-10-05") == [("Lozano", None)]
    assert linked("Dr. Lozano said that his Government had nothing to report.", "1955-03-01") == [
        ("Lozano", "Lozano Díaz, Julio")]


@pytest.mark.shared
def test_namesakes_of_a_bare_surname_are_narrowed_to_those_known_in_its_years(authority_linker: Linker) -> None:
    """Several namesakes: a bare surname keeps only those something places in the document's
    years ("Mr. Frelinghuysen" of 1883 is the Secretary of State, not the Peter H. B.
    Frelinghuysen of the 1960s), and links no one when each is known only from other years
    ("Señor Fernandez" of 1884 is not Costa Rica's president of 1968)."""
    names = {c.id: c.name for c in authority_linker.candidates}

    def linked(text: str, date: str) -> list[tuple[str, str | None]]:
        doc = replace(_doc(text, date=date), id="frus-t/d1", volume_id="frus-t")
        return [(m.text, names.get(m.person_id or "")) for m in authority_linker.link(doc)]

    assert linked("Mr. Frelinghuysen said that the note had gone.", "1883-05-02") == [
        ("Frelinghuysen", "Frelinghuysen, Frederick Theodore")]
    assert linked("Señor Fernandez informed me that the question was settled.", "1884-06-10") == [
        ("Fernandez", None)]
    assert linked("Mr. Adams said that the Queen's Government would not move.", "1861-07-01") == [
        ("Adams", "Adams, Charles Francis")]
    # the one namesake known some years away (Romualdo Pacheco, minister in the 1890s) is not
    # Spain's minister of state of 1864: in office or listed that year, or no one
    assert linked("Mr. Pacheco remarked that his government was far from wishing hostilities.", "1864-04-24") == [
        ("Pacheco", None)]


# -- surname clashes, forms, boundaries ----------------------------------------------------


def _clash_linker() -> Linker:
    """Real namesakes: the d88 list's two Johnsons, and real Bundys and Joneses."""
    volume = Volume("t", "t", persons=(
        PersonEntry("p_JLB1", "Johnson, Lyndon B.",
                    "Vice President of the United States until November 22, 1963; thereafter President"),
        PersonEntry("p_JUA1", "Johnson, U. Alexis", "Deputy Under Secretary of State for Political Affairs from May 1961"),
        PersonEntry("p_BMG1", "Bundy, McGeorge", "President's Special Assistant for National Security Affairs"),
        PersonEntry("p_BWP1", "Bundy, William P.", "Deputy Assistant Secretary of Defense for International Security Affairs"),
        PersonEntry("p_JC1", "Jones, Charles", "Counselor of Embassy"),
        PersonEntry("p_MH1", "Macmillan, Harold", "Prime Minister of the United Kingdom"),
        PersonEntry("p_JD1", "Jones, David", "General, Chairman of the Joint Chiefs of Staff"),
        PersonEntry("p_GAA1", "Gromyko, Andrei A.", "Soviet Foreign Minister"),
        PersonEntry("p_KNS1", "Khrushchev, Nikita S.", "Chairman of the Council of Ministers of the Soviet Union"),
        PersonEntry("p_RD1", "Rusk, Dean", "Secretary of State"),
    ))
    return Linker(volume_candidates(volume))


def test_johnson_by_title() -> None:
    linker = _clash_linker()
    m = linker.link(_doc("Mr. Johnson met the Ambassador."))[0]
    assert (m.text, m.person_id) == ("Johnson", "t#p_JUA1")
    m = linker.link(_doc("President Johnson spoke.", date="1964-03-01"))[0]
    assert m.person_id == "t#p_JLB1" and "President" in m.reason
    m = linker.link(_doc("Johnson spoke."))[0]
    assert m.person_id is None and "ambiguous" in m.reason


def test_bundy_and_jones_by_forename_in_the_same_document() -> None:
    linker = _clash_linker()
    ms = linker.link(_doc("McGeorge Bundy called the Secretary. Later Bundy said he agreed."))
    assert [(m.text, m.person_id) for m in ms] == [("McGeorge Bundy", "t#p_BMG1"), ("Bundy", "t#p_BMG1")]
    assert "named as 'McGeorge Bundy'" in ms[1].reason
    ms = linker.link(_doc("William P. Bundy and Charles Jones arrived; Jones spoke first, Bundy after him."))
    assert _by_text(ms) == {"William P. Bundy": "t#p_BWP1", "Charles Jones": "t#p_JC1", "Jones": "t#p_JC1",
                            "Bundy": "t#p_BWP1"}
    m = linker.link(_doc("General Jones reported."))[0]
    assert m.person_id == "t#p_JD1"
    m = linker.link(_doc("Harold Jones reported."))[0]  # a Jones of neither forename
    assert m.person_id is None and "no candidate of that forename" in m.reason
    m = linker.link(_doc("Mrs. Jones was present."))[0]
    assert m.person_id is None


def test_forms_possessives_initials_upper_case_boundaries() -> None:
    linker = _clash_linker()
    text = ("Gromyko's reply reached N. S. Khrushchev, then A.A. Gromyko’s note; Khrushchev, Nikita S. "
            "signed.\n\nA. GROMYKO\n\nRuskin and Gromykovich and Rusks are no one; Secretary Rusk is.")
    ms = linker.link(_doc(text))
    assert [m.text for m in ms] == ["Gromyko", "N. S. Khrushchev", "A.A. Gromyko", "Khrushchev, Nikita S.",
                                    "A. GROMYKO", "Rusk"]
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert {m.person_id for m in ms} == {"t#p_GAA1", "t#p_KNS1", "t#p_RD1"}


def test_footnotes_page_markers_and_common_words() -> None:
    volume = Volume("t", "t", persons=(PersonEntry("p_PWH1", "Page, Walter Hines", "Ambassador in Great Britain"),
                                       PersonEntry("p_HEM1", "House, Colonel Edward M.", "special representative")))
    linker = Linker(volume_candidates(volume))
    doc = _doc("The [Page 12] house of the White House; Colonel House saw the page.\n\nPage\n",
               footnotes=("Walter Hines Page, Ambassador in Great Britain.",))
    ms = linker.link(doc)
    assert [(m.text, m.footnote) for m in ms] == [("House", None), ("Page", None), ("Walter Hines Page", 0)]


def test_cyrillic_original() -> None:
    linker = _clash_linker()
    text = "Беседа А. А. Громыко с Хрущевым.\n\nН. ХРУЩЕВ"
    ms = linker.link_text(text, date="1962-10-18")
    assert [(text[m.start:m.end], m.person_id) for m in ms] == [
        ("А. А. Громыко", "t#p_GAA1"), ("Хрущевым", "t#p_KNS1"), ("Н. ХРУЩЕВ", "t#p_KNS1")]


def test_link_document_accepts_candidates_or_a_linker() -> None:
    volume = Volume("t", "t", persons=(PersonEntry("p_RD1", "Rusk, Dean", "Secretary of State"),))
    doc = _doc("Secretary Rusk said.")
    assert link_document(doc, volume_candidates(volume)) == link_document(doc, Linker(volume_candidates(volume)))


def test_merged_candidates_take_the_authority_id_and_stay_listed() -> None:
    from memcon.enrich.people import merge_candidates
    from memcon.model.people import NameVariant, Person

    volume = Volume("frus1961-63v05", "t", persons=(PersonEntry("p_RD1", "Rusk, Dean", "Secretary of State"),))
    rusk = Person("memcon:hsg-111738", "Rusk, David Dean", names=(NameVariant("Rusk, Dean", "original"),),
                  keys=("hsg:111738", "frus1961-63v05#p_RD1"))
    howard = Person("memcon:hsg-111739", "Rusk, Howard", keys=("hsg:111739",), birth="1901")
    merged = merge_candidates(volume_candidates(volume), person_candidates([rusk, howard]),
                              key_to_id={"frus1961-63v05#p_RD1": rusk.id})
    assert {c.id: c.listed for c in merged} == {rusk.id: True, howard.id: False}
    m = Linker(merged).link(replace(_doc("Rusk said."), volume_id="frus1961-63v05"))[0]
    assert m.person_id == rusk.id and "in the volume's persons list" in m.reason
    # the same automaton with nobody listed: a surname alone of an authority person counts only
    # for a person of the document's years (Dean Rusk is in a 1961-63 list, Howard Rusk in none)
    other = Linker(merged).with_listed([])
    m = other.link(_doc("Rusk said."))[0]
    assert m.person_id == rusk.id and "in the candidates" in m.reason
    assert other.link(_doc("Rusk said.", date="1930-01-01")) == ()


# -- properties ----------------------------------------------------------------------------

_WORDS = st.sampled_from([
    "Gromyko", "Gromyko's", "Khrushchev", "N. S.", "A.A.", "Mr.", "President", "Johnson", "Bundy", "McGeorge",
    "GROMYKO", "Rusk", "Ruskin", "the", "said", ",", ".", "\n\n", "[Page 3]", "Jones", "Charles", "William P.",
    "Хрущев", "Громыко", "Suhodrev", "Mrs.", "Secretary",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40), st.sampled_from([" ", "", "  "]))
def test_mentions_never_overlap_and_quote_the_text(words: list[str], sep: str) -> None:
    linker = _clash_linker()
    text = sep.join(words)
    ms = linker.link(_doc(text))
    last = -1
    for m in ms:
        assert m.text == text[m.start:m.end] and m.start < m.end
        assert m.start >= last
        last = m.end
        assert m.reason and (m.person_id is None) == (m.confidence == 0.0)
