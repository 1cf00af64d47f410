"""Offices the documents attest (:func:`memcon.enrich.attestations.find_attestations`) on small
records written for the tests, in the forms the FRUS volumes print them."""

from __future__ import annotations

from memcon.enrich.attestations import METHOD, find_attestations
from memcon.model.people import Attestation
from memcon.model.records import DocDate, Document, Footnote, Provenance


def doc(text: str, on: str = "1864-05-26", *, heading: str | None = None, place: str | None = None,
        footnotes: tuple[Footnote, ...] = ()) -> Document:
    heading = heading if heading is not None else text.split("\n", 1)[0]
    return Document(id="frus-test/d1", volume_id="frus-test", heading=heading, text=text, place=place,
                    date=DocDate(on, when=on) if on else None, footnotes=footnotes,
                    provenance=(Provenance("t", "0", "memcon.frus_tei", "1", "frus-tei"),))


def found(document: Document) -> list[tuple[str, str | None, str, str, str]]:
    return [(a.office, a.place, a.side, a.name, a.date) for a in find_attestations(document)]


def test_an_address_line_attests_a_cabinet_office() -> None:
    d = doc("Mr. Seward to Mr. Stanton.\n\nSir: I have the honor …\n\nHon. E. M. Stanton, Secretary of War.")
    (a,) = find_attestations(d)
    assert a == Attestation("frus-test/d1", "1864-05-26", "secretary of war", None, "United States", "E. M. Stanton",
                            None, "E. M. Stanton, Secretary of War", a.start, a.end, METHOD)
    assert d.text[a.start:a.end] == a.text


def test_a_frus_heading_attests_the_office_in_parentheses() -> None:
    d = doc("The Salvadoran Minister for Foreign Affairs (Araujo) to the Secretary of State\n\nExcellency: …",
            "1934-10-25")
    assert found(d) == [("foreign minister", None, "El Salvador", "Araujo", "1934-10-25")]


def test_a_foreign_envoy_without_a_post_counts_only_in_the_heading() -> None:
    heading = doc("The Bolivian Minister (Finot) to the Secretary of State\n\nSir: …", "1934-06-13")
    assert found(heading) == [("minister", "United States", "Bolivia", "Finot", "1934-06-13")]
    body = doc("Memorandum\n\nToday the Bolivian Minister (Finot) called.", "1934-06-13")
    assert found(body) == []


def test_an_apposition_names_the_government() -> None:
    d = doc("Memorandum\n\nIn the afternoon President Hoover, Mr. Hamaguchi, the Prime Minister of Japan, and "
            "Mr. Ramsay MacDonald will speak.", "1930-10-22")
    (a,) = find_attestations(d)
    assert (a.side, a.name) == ("Japan", "Hamaguchi")
    assert "Mr. Hamaguchi" in a.text  # the printed words stay; the name loses its honorific


def test_former_holders_and_other_years_are_not_attestations() -> None:
    assert found(doc("Memorandum\n\nI saw the former Secretary of War, Mr. Knox, who said …", "1793-08-23")) == []
    assert found(doc("Memorandum\n\nIn 1891 the Secretary of the Navy, Mr. Tracy, answered the note.",
                     "1897-06-04")) == []


def test_a_bare_secretary_is_his_departments_by_the_letterhead() -> None:
    letter = ("[Inclosure in No. 39.]\n\nMr. Wilson to Mr. Sherman.\nU. S. Department of Agriculture,\n"
              "Office of the Secretary,\nWashington, D. C., September 28, 1897.\n\nSir: …\n\nVery respectfully,\n\n"
              "James Wilson, Secretary.")
    d = doc("Mr. Sherman to Mr. Storer.\n\nSir: I inclose …\n\n" + letter, "1897-10-01")
    # the inclosure's own dateline dates the attestation
    assert found(d) == [("secretary of agriculture", None, "United States", "James Wilson", "1897-09-28")]
    assert found(doc("Mr. Wilson to Mr. Sherman.\n\nSir: …\n\nJames Wilson, Secretary.", "1897-10-01")) == []


def test_offices_of_bodies_are_not_cabinet_offices() -> None:
    d = doc("Memorandum\n\nThe decree was signed by the Secretary of the Senate, M. Caballero, and sent.",
            "1901-05-04")
    assert found(d) == []


def test_the_president_of_this_republic_is_the_hosts() -> None:
    text = ("Mr. Hall to Mr. Frelinghuysen.\n\nSir: The Government has received information that General Don J. "
            "Rufino Barrios, President of this Republic, has left the United States.")
    d = doc(text, "1882-08-29", place="Legation of the United States, Guatemala")
    assert found(d) == [("president", None, "Guatemala", "J. Rufino Barrios", "1882-08-29")]
    assert found(doc(text, "1882-08-29", place=None)) == []  # whose republic is not said


def test_the_editors_footnotes_identify_offices() -> None:
    note = Footnote("3", "Anthony Eden, British Secretary of State for Foreign Affairs; representative of the "
                         "United Kingdom on the Council of the League of Nations.", 20)
    d = doc("Memorandum\n\nEden[3] spoke of sanctions.", "1936-05-12", footnotes=(note,))
    (a,) = find_attestations(d)
    assert (a.office, a.side, a.name, a.footnote) == ("foreign minister", "United Kingdom", "Anthony Eden", 0)
    assert note.text[a.start:a.end] == a.text


def test_an_undated_record_attests_nothing() -> None:
    assert found(doc("Hon. E. M. Stanton, Secretary of War.", "")) == []
