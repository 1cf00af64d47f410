"""Title resolution (memcon.enrich.titles) against the real shared authority: offices by date,
side and place, names in apposition, dates the sentence states, the seeds, and `memcon who`.

The store (the whole shared ``authority/``, the d88 excerpt, both seeds and three shared
volumes) is built once per session; the tests skip without the shared data and fail under CI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.authority.lookup import Authority
from memcon.enrich.titles import Resolution, TitleMention, document_side, find_titles, resolve_title, who
from memcon.model.records import DocDate, Document, Provenance
from memcon.store.sqlite import SQLiteStore
from tests._shared import require, shared_path

ROOT = Path(__file__).resolve().parents[2]
VOLUMES = ("frus1894Nicaragua.xml", "frus1930v01.xml", "frus1936v03.xml", "frus1901.xml")


@pytest.fixture(scope="session")
def titles_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the shared authority, the d88 excerpt, the seeds and a few shared volumes."""
    from memcon.ingest import ingest_paths

    root = shared_path()
    authority = require(root / "authority", "the shared authority data")
    inputs = [require(root / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the d88 excerpt"),
              require(root / "corpus" / "seeds", "the seeds")]
    inputs += [require(root / "corpus" / "frus" / name, name) for name in VOLUMES]
    db = tmp_path_factory.mktemp("titles") / "memcon.db"
    report = ingest_paths([*inputs, authority], store_path=db)
    assert report.authority and report.authority[0].persons > 15_000
    return db


@pytest.fixture(scope="session")
def store(titles_db: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(titles_db, create=False)
    yield s
    s.close()


@pytest.fixture(scope="session")
def authority(store: SQLiteStore) -> Authority:
    return Authority.from_store(store)


def _surname(result: Resolution) -> str | None:
    return result.name.split(",")[0] if result.name else None


def _doc(text: str, on: str, *, place: str | None = None, heading: str = "Memorandum", subject: str | None = None,
         us: bool = True) -> Document:
    """A small record written for a test: a FRUS-like US record, or (``us=False``) a Soviet one."""
    if us:
        return Document(id="frus-test/d1", volume_id="frus-test", heading=heading, text=text, place=place,
                        date=DocDate(on, when=on), subject=subject,
                        provenance=(Provenance("t", "0", "memcon.frus_tei", "1", "frus-tei"),))
    return Document(id="wilson/test", volume_id="wilson", heading=heading, text=text, place=place,
                    date=DocDate(on, when=on), original_language="ru", archive="AVP RF")


def _resolve(authority: Authority, document: Document, words: str, nth: int = 0) -> Resolution:
    mentions = [m for m in find_titles(document.text) if words in m.text]
    assert mentions, f"the finder does not see {words!r} in {document.text!r}"
    return resolve_title(authority, document, mentions[nth])


# -- offices by date (real dates from the authority data) -----------------------------------------

SECRETARIES = [
    ("1945-03-01", "Stettinius"), ("1946-06-01", "Byrnes"), ("1948-06-01", "Marshall"), ("1950-06-01", "Acheson"),
    ("1955-06-01", "Dulles"), ("1960-06-01", "Herter"), ("1961-06-04", "Rusk"), ("1968-06-01", "Rusk"),
    ("1971-06-01", "Rogers"), ("1975-06-01", "Kissinger"), ("1978-06-01", "Vance"), ("1980-08-01", "Muskie"),
    ("1981-06-01", "Haig"), ("1985-06-01", "Shultz"), ("1989-06-01", "Baker"),
]
PRESIDENTS = [
    ("1945-03-01", "Roosevelt"), ("1945-06-01", "Truman"), ("1955-06-01", "Eisenhower"), ("1962-10-18", "Kennedy"),
    ("1964-06-01", "Johnson"), ("1971-06-01", "Nixon"), ("1975-06-01", "Ford"), ("1978-06-01", "Carter"),
    ("1985-06-01", "Reagan"), ("1989-06-01", "Bush"),
]
AMBASSADORS_TO_USSR = [
    ("1945-06-01", "Harriman"), ("1947-06-01", "Smith"), ("1950-06-01", "Kirk"), ("1952-07-01", "Kennan"),
    ("1955-06-01", "Bohlen"), ("1960-06-01", "Thompson"), ("1964-06-01", "Kohler"), ("1968-06-01", "Thompson"),
    ("1971-06-01", "Beam"), ("1975-06-01", "Stoessel"), ("1977-06-01", "Toon"), ("1980-06-01", "Watson"),
    ("1984-06-01", "Hartman"), ("1988-06-01", "Matlock"),
]


@pytest.mark.parametrize(("on", "surname"), SECRETARIES)
def test_the_secretary_in_a_us_record_is_the_secretary_of_state(authority: Authority, on: str, surname: str) -> None:
    result = _resolve(authority, _doc("He told the Secretary that he agreed.", on), "the Secretary")
    assert _surname(result) == surname, result.reason
    assert "Secretary of State" in result.reason and "(POCOM)" in result.reason and result.confidence >= 0.9


@pytest.mark.parametrize(("on", "surname"), PRESIDENTS)
def test_the_president_in_a_us_record_is_the_us_president(authority: Authority, on: str, surname: str) -> None:
    result = _resolve(authority, _doc("The President said that he would think it over.", on), "The President")
    assert _surname(result) == surname, result.reason
    assert "(presidents list)" in result.reason


@pytest.mark.parametrize("on", ["1958-06-01", "1960-05-01", "1962-10-26", "1964-06-01"])
def test_khrushchev_is_the_chairman_1958_1964(authority: Authority, on: str) -> None:
    us_record = _resolve(authority, _doc("Talks with Chairman Khrushchev. The Chairman replied that he did not "
                                         "agree.", on), "The Chairman")
    assert _surname(us_record) == "Khrushchev", us_record.reason
    unnamed = _resolve(authority, _doc("The Chairman replied that he did not agree.", on), "The Chairman")
    assert unnamed.person_id is None and "which country" in unnamed.reason  # a US record: whose Chairman?
    answer, _ = who(authority, "the Chairman", on=on, side="Soviet")
    assert _surname(answer) == "Khrushchev", answer.reason
    assert "Council of Ministers" in answer.reason


@pytest.mark.parametrize(("on", "surname"), AMBASSADORS_TO_USSR)
def test_ambassadors_to_the_soviet_union(authority: Authority, on: str, surname: str) -> None:
    result = _resolve(authority, _doc("He said so to the Ambassador in the Soviet Union yesterday.", on), "Ambassador")
    assert _surname(result) == surname, result.reason
    answer, _ = who(authority, "our Ambassador", on=on, place="Moscow")
    assert _surname(answer) == surname, answer.reason


# -- the finder on real sentences -----------------------------------------------------------------

def _labels() -> list[dict[str, str]]:
    with open(ROOT / "benchmarks" / "data" / "roles.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _span(text: str, quote: str, title: str) -> tuple[int, int]:
    flat = re.sub(r"\s+", " ", text)
    at = flat.find(re.sub(r"\s+", " ", quote).strip())
    assert at >= 0, quote
    start = at + quote.find(title)
    # offsets in the flattened text; map back by counting non-space characters
    count = len(re.sub(r"\s", "", flat[:start]))
    pos = seen = 0
    while seen < count:
        seen += not text[pos].isspace()
        pos += 1
    while text[pos].isspace():
        pos += 1
    return pos, pos + len(title)


def test_the_finder_sees_the_labelled_titles_of_the_stored_documents(store: SQLiteStore) -> None:
    wanted = {"frus1894Nicaragua", "frus1930v01", "frus1936v03", "frus1901", "frus1961-63v05", "wilson"}
    seen = missed = 0
    for label in _labels():
        if label["doc"].split("/")[0] not in wanted:
            continue
        text = store.get_document(label["doc"]).text
        start, end = _span(text, label["quote"], label["title"])
        hit = [m for m in find_titles(text) if m.start < end and start < m.end]
        seen += bool(hit)
        missed += not hit
    assert seen >= 50 and missed == 0


@pytest.mark.parametrize(("sentence", "words", "key", "side", "place", "query"), [
    ("I shall write to Mr. Wood, our minister at Copenhagen, at once.", "our minister at Copenhagen", "minister",
     "own", "Denmark", None),
    ("The Secretary of State to the Minister in Denmark (Egan)", "the Minister in Denmark", "minister", None,
     "Denmark", None),
    ("to the head of the Soviet government N. S. Khrushchev", "the head of the Soviet government",
     "head-of-government", "Soviet Union", None, None),
    ("a meeting with the US President in order to", "the US President", "president", "United States", None, None),
    ("the statement of Mr. Dorticos, President of the Republic of Cuba, at the", "President of the Republic of Cuba",
     "president", "Cuba", None, None),
    ("Treasury Department, Office of the Secretary, Washington", "the Secretary", "secretary", None, None,
     "Secretary of the Treasury"),
    ("the Secretary of War deems it expedient", "the Secretary of War", "secretary", None, None, "Secretary of War"),
    ("No. 17. President of the Council wishes me to say", "President of the Council", "head-of-government", None,
     None, None),
    ("the Secretary of State of the United States. Then", "the Secretary of State of the United States",
     "secretary-of-state", "United States", None, None),
    ("I thanked President for the conversation", "President", "president", None, None, None),
])
def test_the_finder_reads_the_office_and_its_qualifiers(
    sentence: str, words: str, key: str, side: str | None, place: str | None, query: str | None
) -> None:
    found = [m for m in find_titles(sentence) if m.text == words]
    assert found, [m.text for m in find_titles(sentence)]
    m: TitleMention = found[0]
    assert (m.office.key, m.side, m.place, m.query) == (key, side, place, query)


@pytest.mark.parametrize("sentence", [
    "President Kennedy said", "the Vice President agreed", "the Assistant Secretary of State for Europe",
    "the First Secretary of the Embassy", "Chairman Khrushchev replied",
])
def test_names_and_other_offices_are_not_title_mentions(sentence: str) -> None:
    assert [m.text for m in find_titles(sentence) if m.office.key in {"president", "secretary-of-state", "chairman"}
            and not m.query] == []


# -- side, place, names and dates ------------------------------------------------------------------

def test_a_name_in_apposition_decides(authority: Authority) -> None:
    doc = _doc("I shall write to Mr. Wood, our minister at Copenhagen, at once.", "1864-03-01")
    result = _resolve(authority, doc, "our minister")
    assert result.name is not None and result.name.startswith("Wood, Bradford"), result.reason
    assert "apposition" in result.reason


def test_a_name_in_apposition_the_authority_does_not_know_stays_unresolved(authority: Authority) -> None:
    doc = _doc("the present President of the Republic, Mr. Zzyzxwq, received me.", "1882-02-03", place="Santiago")
    result = _resolve(authority, doc, "President of the Republic")
    assert result.person_id is None and "Zzyzxwq" in result.reason


def test_a_date_the_sentence_states_overrides_the_documents(authority: Authority) -> None:
    doc = _doc("In the spirit of these movements the President of the United States, in the year 1854, "
               "submitted two propositions.", "1861-04-24")
    result = _resolve(authority, doc, "the President")
    assert _surname(result) == "Pierce" and "1854" in result.reason
    on_doc = _resolve(authority, _doc("the President of the United States submitted two propositions.",
                                      "1861-04-24"), "the President")
    assert _surname(on_doc) == "Lincoln"


def test_a_sentence_opening_with_a_date(authority: Authority) -> None:
    doc = _doc("Earlier talks failed. On the 24th of January, 1894, the Secretary addressed a note.", "1897-05-10")
    assert _surname(_resolve(authority, doc, "the Secretary")) == "Gresham"


def test_the_president_written_in_a_republic_is_the_hosts_unless_the_text_says(authority: Authority) -> None:
    managua = "Legation of the United States, Managua"
    host = _resolve(authority, _doc("The President informs me that the Indians were crowded out.", "1894-03-08",
                                    place=managua), "The President")
    assert host.person_id is None and "Nicaragua" in host.reason  # the authority knows no Nicaraguan President then
    own = _resolve(authority, _doc("I am directed by the President to protest.", "1894-03-08", place=managua),
                   "the President")
    assert _surname(own) == "Cleveland"
    washington = _resolve(authority, _doc("The President informs me that he agrees.", "1894-05-12",
                                          place="Department of State, Washington"), "The President")
    assert _surname(washington) == "Cleveland"
    monarchy = _resolve(authority, _doc("He desired me to tender to the President his thanks.", "1861-05-10",
                                        place="Brussels"), "the President")
    assert _surname(monarchy) == "Lincoln"


def test_an_office_the_us_does_not_have_is_the_host_countrys(authority: Authority) -> None:
    london = _resolve(authority, _doc("I conferred yesterday with the Prime Minister.", "1930-01-23",
                                      place="London"), "the Prime Minister")
    assert _surname(london) == "MacDonald", london.reason
    washington = _resolve(authority, _doc("I conferred yesterday with the Prime Minister.", "1930-01-23",
                                          place="Washington"), "the Prime Minister")
    assert washington.person_id is None


def test_another_departments_secretary_is_not_the_secretary_of_state(authority: Authority) -> None:
    doc = _doc("Treasury Department, Office of the Secretary, Washington, December 6, 1884.", "1884-12-18")
    result = _resolve(authority, doc, "the Secretary")
    assert result.person_id is None and "Secretary of the Treasury" in result.reason


def test_the_acting_secretary_is_the_officer_who_acts(authority: Authority) -> None:
    result = _resolve(authority, _doc("The Acting Secretary of State to the Ambassador in Russia (Francis)",
                                      "1917-07-09", place="Washington"), "The Acting Secretary")
    assert _surname(result) == "Polk" and "Counselor" in result.reason and result.confidence < 0.9


def test_the_foreign_ambassador_is_accredited_to_the_records_side(authority: Authority) -> None:
    result = _resolve(authority, _doc("He talked with the Soviet Ambassador about Cuba.", "1962-10-18"),
                      "the Soviet Ambassador")
    assert _surname(result) == "Dobrynin", result.reason


def test_no_date_no_holder(authority: Authority) -> None:
    doc = Document(id="frus-test/d2", volume_id="frus-test", heading="x", text="the President said so.")
    result = _resolve(authority, doc, "the President")
    assert result.person_id is None and "no date" in result.reason


def test_several_holders_stay_unresolved_and_are_listed(authority: Authority) -> None:
    result = _resolve(authority, _doc("our minister said so.", "1864-03-01"), "our minister")
    assert result.person_id is None and "holders of 'Minister'" in result.reason


def test_document_side() -> None:
    assert document_side(_doc("x", "1962-10-18")) == "United States"
    assert document_side(_doc("x", "1962-10-18", us=False)) == "Soviet Union"


# -- the seeds --------------------------------------------------------------------------------------

def _in(store: SQLiteStore, authority: Authority, doc_id: str, quote: str, title: str) -> Resolution:
    document = store.get_document(doc_id)
    start, end = _span(document.text, quote, title)
    mention = next(m for m in find_titles(document.text) if m.start < end and start < m.end)
    return resolve_title(authority, document, mention)


def test_the_wilson_record(store: SQLiteStore, authority: Authority) -> None:
    doc = "wilson/114511"
    assert _surname(_in(store, authority, doc, "It is well known to you, Mr. President, the attitude",
                        "Mr. President")) == "Kennedy"
    head = _in(store, authority, doc, "a meeting between the Head of the Soviet government and the US President",
               "the Head of the Soviet government")
    assert _surname(head) == "Khrushchev"
    assert _surname(_in(store, authority, doc, "expounded by our Attorney General, Robert Kennedy",
                        "our Attorney General")) == "Kennedy"


def test_d88(store: SQLiteStore, authority: Authority) -> None:
    doc = "frus1961-63v05/d88"
    president = _in(store, authority, doc, "pressure was being brought to bear on the President to resume",
                    "the President")
    assert president.name == "Kennedy, John F."
    chairman = _in(store, authority, doc, "opportunity to meet the Chairman", "the Chairman")
    assert _surname(chairman) == "Khrushchev"


# -- memcon who -------------------------------------------------------------------------------------

def test_memcon_who(titles_db: Path) -> None:
    from memcon.cli.main import cli

    result = CliRunner().invoke(cli, ["who", "the Secretary", "--date", "1961-06-04", "--db", str(titles_db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Rusk, David Dean") and "Secretary of State 1961-01-21" in result.output
    many = CliRunner().invoke(cli, ["who", "the President", "--date", "1962-10-18", "--side", "any",
                                    "--db", str(titles_db), "--json"])
    data = json.loads(many.output)
    assert data["person_id"] is None and len(data["holders"]) > 10
    assert any(h["name"] == "Kennedy, John F." for h in data["holders"])
    place = CliRunner().invoke(cli, ["who", "the Prime Minister", "--date", "1930-01-19", "--place", "London",
                                     "--db", str(titles_db)])
    assert place.output.startswith("MacDonald, James Ramsay"), place.output
    soviet = CliRunner().invoke(cli, ["who", "Mr. President", "--date", "1962-10-18", "--side", "Soviet",
                                      "--db", str(titles_db)])
    assert soviet.output.startswith("Kennedy, John F."), soviet.output
    bad = CliRunner().invoke(cli, ["who", "the Secretary", "--date", "June 1961", "--db", str(titles_db)])
    assert bad.exit_code == 2


def test_the_heading_decides_only_in_a_signature_or_a_vocative(authority: Authority) -> None:
    heading = "The British Ambassador (Spring Rice) to the Secretary of State"
    signed = _doc(f"{heading}\n\nWashington, June 27, 1917.\n\nSir: I have the honour to enclose a memorandum "
                  "on the matter we discussed.\n\nI have [etc.]\n\n(For the Ambassador)\nColville Barclay",
                  "1917-06-27", heading=heading, place="Washington")
    assert _surname(_resolve(authority, signed, "the Ambassador")) == "Spring Rice"  # "(For the Ambassador)"
    own = "The Ambassador in Italy (Garrett) to the Secretary of State"
    body = _doc(f"{own}\n\nRome, March 3, 1930.\n\nThe Ambassador added that his Government appeared to be "
                "reluctant to act.", "1930-03-03", heading=own, place="Rome")
    assert _resolve(authority, body, "The Ambassador", nth=1).person_id is None  # Garrett writes "I"
    note = "The Minister for Foreign Affairs to the American Ambassador (Morgan)"
    vocative = _doc(f"{note}\n\nRio de Janeiro, December 4, 1930.\n\nMy Dear Mr. Ambassador: In reference to "
                    "the correspondence exchanged between us.", "1930-12-04", heading=note, place="Rio de Janeiro")
    assert _surname(_resolve(authority, vocative, "Mr. Ambassador")) == "Morgan"


def test_signature_formulas(authority: Authority) -> None:
    proclamation = Document(id="frus-test/d3", volume_id="frus-test", heading="[Untitled]",
                            text="Done at the city of Washington.\n\n[seal.]\n\nU. S. GRANT.\n\nBy the President:\n\n"
                                 "Hamilton Fish, Secretary of State.")
    result = _resolve(authority, proclamation, "the President")
    assert _surname(result) == "Grant" and "signature" in result.reason  # no date: the name decides
    for_him = _doc("Accept [etc.]\n\nFor the Secretary of State:\nWilliam Phillips", "1934-05-08")
    assert _surname(_resolve(authority, for_him, "the Secretary of State")) == "Hull"  # Phillips signs for him


def test_other_departments_and_foreign_secretaries(authority: Authority) -> None:
    treasury = _doc("a letter from the Acting Secretary of the Treasury, stating that", "1897-07-28")
    assert _resolve(authority, treasury, "the Acting Secretary").person_id is None
    british, _ = who(authority, "the Secretary of State for Foreign Affairs", on="1952-06-01", place="London")
    assert _surname(british) == "Eden"


def test_a_page_break_inside_a_title_and_offices_of_other_bodies(authority: Authority) -> None:
    found = [m for m in find_titles("made the statement to the Ambassador of [Page 588] Mexico that") if m.side]
    assert found and found[0].side == "Mexico"
    railroad = _doc("Daniel Willard, the President of the Baltimore and Ohio Railroad, came in. I therefore "
                    "conferred with the President, and he asks me to send the men.", "1917-11-01",
                    place="Washington")
    assert _surname(_resolve(authority, railroad, "the President", nth=1)) == "Wilson"


def test_the_sender_named_in_the_heading_is_not_the_ambassador_of_his_despatch(authority: Authority) -> None:
    heading = "The Ambassador in Mexico (Sheffield) to the Secretary of State"
    doc = _doc(f"{heading}\n\nMexico, June 1, 1925.\n\nAmbassador Sheffield has been told that the Ambassador "
               "of Japan will call; the Ambassador said nothing more.", "1925-06-01", heading=heading, place="Mexico")
    result = _resolve(authority, doc, "the Ambassador", nth=1)
    assert result.name != "Sheffield, James Rockwell"


def test_naming_our_president_elsewhere_does_not_make_the_hosts_ours(authority: Authority) -> None:
    text = ("At the President’s invitation I called at his house. The President stated emphatically that the "
            "demand is not a proper subject for arbitration. He asked me whether I thought that President "
            "Roosevelt would join in such a movement.")
    result = _resolve(authority, _doc(text, "1934-09-14", place="Asunción"), "The President")
    assert result.person_id is None and "Paraguay" in result.reason


def test_one_man_under_two_records_is_one_holder(authority: Authority) -> None:
    # people/ keeps a "Hay, John" (a 1945 persons list: Secretary of State 1898–1905) beside POCOM's
    # "Hay, John Milton": the Secretary of State of 1901 is one man
    result = _resolve(authority, _doc("The Secretary adds, however, that he will not insist.", "1901-08-30"),
                      "The Secretary")
    assert result.name == "Hay, John Milton", result.reason
    named = _resolve(authority, _doc("the Secretary of State, Mr. John Hay, said so.", "1901-08-30"),
                     "the Secretary of State")
    assert named.name == "Hay, John Milton", named.reason


def test_where_an_officer_is_is_not_whose_he_is(authority: Authority) -> None:
    found = [m for m in find_titles("sent your cable to the Secretary of State in Paris. Assure him")]
    assert found[0].text == "the Secretary of State" and found[0].side is None
    assert _surname(_resolve(authority, _doc("sent your cable to the Secretary of State in Paris.", "1918-12-19",
                                             place="Washington"), "the Secretary of State")) == "Lansing"
    assert [m.text for m in find_titles("The first President shall be chosen by lot.")] == []


# -- holders the authority does not know, named by the document ----------------------------------

def test_a_president_the_authority_lacks_is_the_one_the_despatch_names(store: SQLiteStore,
                                                                       authority: Authority) -> None:
    """Managua, 1894: "President Zelaya" is named in the despatch and is in no authority record;
    "The President" then is Zelaya by name, and nothing is linked (no person id)."""
    document = store.get_document("frus1894Nicaragua/d12")
    mention = next(m for m in find_titles(document.text) if m.text == "The President")
    result = resolve_title(authority, document, mention)
    assert result.person_id is None
    assert result.name == "Zelaya"
    assert "not a person of the authority" in result.reason and result.confidence < 0.7


def test_a_name_in_apposition_the_authority_lacks_is_kept_as_a_name(authority: Authority) -> None:
    document = _doc("The Secretary of Agriculture (Jabez Quillfeather) called this morning.", "1897-10-01")
    result = _resolve(authority, document, "Secretary of Agriculture")
    assert result.person_id is None and result.name == "Jabez Quillfeather"


def test_a_known_holder_is_not_replaced_by_a_name_the_document_gives(authority: Authority) -> None:
    """The authority's holder wins over a stranger the text names elsewhere with the title."""
    document = _doc("The Secretary of State received the Minister. Later Secretary Quillfeather left.",
                    "1962-03-01")
    result = _resolve(authority, document, "The Secretary of State")
    assert _surname(result) == "Rusk"


def test_two_unknown_names_with_the_title_stay_unresolved(authority: Authority) -> None:
    document = _doc("President Quillfeather met President Ostrogoth at Managua. The President spoke.",
                    "1894-04-10", place="Managua")
    result = _resolve(authority, document, "The President")
    assert result.person_id is None and result.name is None


def test_a_bare_envoy_after_a_named_one_is_the_same(authority: Authority) -> None:
    d = _doc("Memorandum by the Secretary of State\n\nThe Italian Ambassador came to say that he had reported "
             "our talk. I hoped that the Ambassador would say to Signor Grandi that I trusted him.", "1930-10-30",
             heading="Memorandum by the Secretary of State", place="Washington")
    first = _resolve(authority, d, "The Italian Ambassador")
    bare = _resolve(authority, d, "the Ambassador")
    assert (bare.person_id, bare.name) == (first.person_id, first.name)
    assert bare.reason.startswith("the same as 'The Italian Ambassador' before it")
    # another envoy named between: not told
    between = _doc("Memorandum\n\nThe Italian Ambassador called. The British Ambassador (Lindsay) came later. "
                   "I told the Ambassador that I agreed.", "1930-10-30", place="Washington")
    last = _resolve(authority, between, "the Ambassador")
    assert not last.reason.startswith("the same as")
