"""Statements v7 (``memcon.statements.v7``) on records written for the test: speakers the
authority lacks (an honorific and a name no mention covers), the holder of an office named in
lower case or among several, a deposition's own writer, a note's "undersigned", and an
unresolved author's own paragraphs."""

from __future__ import annotations

from memcon.enrich._speech_names import unlinked_names
from memcon.enrich._speech_people import MentionIndex, find_author
from memcon.enrich.statements import extract_statements
from memcon.model.records import Document, Footnote
from memcon.model.speech import Statement
from tests.enrich._speech_records import mention


def _statements(text: str, mentions: list | None = None, **fields: object) -> tuple[Statement, ...]:
    """The statements of a record written for the test, its first line the heading."""
    return extract_statements(Document("t/d1", "t", text.split("\n")[0], text, **fields), mentions or [])  # type: ignore[arg-type]


def _found(text: str, mentions: list | None = None) -> list[tuple[str, str | None, str]]:
    return [(text[s.start:s.end][:28], s.speaker_text, s.kind) for s in _statements(text, mentions)]


def test_names_after_an_honorific_that_no_mention_covers() -> None:
    text = ("M. Drouyn de l’Huys said so. The President. He left. Marshal Graziani and Señor Fernandez met "
            "Mr. C. T. Wang; Mr. President, the General Assembly and Lord John Russell agreed.")
    covered = mention(text, "Fernandez", "p:fernandez")
    got = [(m.text, m.person_id, m.kind) for m in unlinked_names(text, [covered])]
    assert got == [("Drouyn de l’Huys", None, "name"), ("Graziani", None, "name"), ("C. T. Wang", None, "name"),
                   ("John Russell", None, "name")]
    assert all(m.reason.endswith("a name no person of the authority bears") for m in unlinked_names(text, []))


def test_an_unlinked_speaker_is_the_subject_and_he_goes_back_to_him() -> None:
    text = ("Mr. Dayton to Mr. Seward.\n\nSir: M. Drouyn de l’Huys opened the conversation at once. "
            "He said he had fully examined the contract of sale.\n\nWM. L. DAYTON.")
    got = _found(text)
    he = next(g for g in got if g[0].startswith("He said"))
    assert he[1] == "M. Drouyn de l’Huys" and he[2] == "continuation"


def test_the_office_the_record_names_in_lower_case_and_among_several() -> None:
    text = ("Mr. Denby to Mr. Olney.\n\nSir: I saw Prince Ching and then Prince Kung at the Yamên. "
            "The prince promised me that he would wire to Sheng.\n\nCharles Denby.")
    got = _found(text)
    prince = next(g for g in got if g[0].startswith("The prince"))
    assert prince[1] == "The prince (Kung)"  # of the two princes, the one named nearest before
    text = ("Mr. Engert to Mr. Hull.\n\nSir: I called on Marshal Graziani this morning. "
            "The Marshal replied that he had received instructions from Rome.\n\nEngert")
    marshal = next(g for g in _found(text) if g[0].startswith("The Marshal"))
    assert marshal[1:] == ("The Marshal (Graziani)", "reported")


def test_a_deposition_is_its_writers_statement() -> None:
    text = ("Affidavit of George Washington Robbins\n\n"
            "I, George Washington Robbins, of Sandridge, near Melbourne, in the colony of Victoria, do solemnly "
            "declare as follows:\n\nI have been in business in Sandridge as a ship-chandler. I saw the vessel "
            "Shenandoah in the port of Melbourne.\n\nGEORGE WASHINGTON ROBBINS.")
    found = _statements(text, [])
    assert [text[s.start:s.end][:11] for s in found] == ["I, George W", "I have been"]
    assert all(s.speaker_text == "George Washington Robbins" and s.speaker_id is None for s in found)
    assert "I saw the vessel" in text[found[1].start:found[1].end]  # what he says after it is his


def test_the_undersigned_is_the_notes_signer() -> None:
    text = ("Lord Tenterden to Mr. Davis.\n\nThe undersigned has the honor to inform Mr. Davis that the "
            "counter-case is ready.\n\nTENTERDEN.")
    tenterden = mention(text, "TENTERDEN", "p:tenterden")
    found = _statements(text, [tenterden])
    first = next(s for s in found if text[s.start:].startswith("The undersigned"))
    assert (first.speaker_id, first.kind) == ("p:tenterden", "first-person")


def test_the_writers_own_first_person_sentences_are_his_statements() -> None:
    text = ("Mr. Fay to Mr. Seward.\n\nSir: Referring to my No. 417, I communicated a German translation of "
            "the inaugural. I have some reason to suppose that the commissioners were in Paris. President "
            "Knüsel said I must not think the government had forgotten.\n\nTHEO. S. FAY.")
    fay = mention(text, "Fay", "p:fay")
    found = _statements(text, [fay, mention(text, "FAY", "p:fay")])
    first = next(s for s in found if "I communicated" in text[s.start:s.end])
    assert (first.speaker_id, first.kind) == ("p:fay", "first-person")
    assert "I have some reason to suppose" in text[first.start:first.end]
    knusel = next(s for s in found if text[s.start:].startswith("President"))
    assert knusel.speaker_text == "President Knüsel"  # another speaker's "I" stays his


def test_a_note_whose_undersigned_has_his_style_in_apposition() -> None:
    text = ("The Dominican Minister (Ariza) to the Secretary of State\n\nThe undersigned, Envoy Extraordinary and "
            "Minister Plenipotentiary of the Dominican Republic, has the honor to inform the Secretary of State "
            "that he has received instructions.\n\nJ. C. Ariza")
    found = _statements(text, [])
    assert found and text[found[0].start:].startswith("The undersigned")
    assert found[0].kind == "first-person"


def test_a_surname_ending_like_a_nation_and_a_passive_agent_after_a_phrase() -> None:
    text = ("The Ambassador in Italy (Long) to the Secretary of State\n\nSuvich replied that his Government had no "
            "such policy. Approval of what I had said was expressed to the meeting by Senator Robinson.\n\nLong")
    got = _found(text)
    assert [(g[0][:6], g[1]) for g in got][:2] == [("Suvich", "Suvich"), ("Approv", "Robinson")]


def test_a_signature_with_the_signers_office_names_the_writer() -> None:
    text = ("[Untitled]\n\nSir: I have the honor to call your attention to the new boundary line.\n\n"
            "I am, sir, very respectfully your obedient servant,\n\nJ. C. STORER, Collector.\n\n"
            "Hon. Secretary of the Treasury, Washington, D. C.")
    found = _statements(text, [])
    assert found[0].speaker_text == "J. C. STORER" and "closing signature" in found[0].reason


def test_a_sworn_witness_speaks_in_the_first_person() -> None:
    text = ("United States Consulate Court\n\nHenry Brunk being duly sworn, says: I repeat my evidence given upon "
            "the inquisition. Webster had no pistol; I examined his bed after the murder.\n\n"
            "Samuel Smith being sworn, says: I was present at the murder.\n\nGEORGE F. SEWARD, Consul.")
    found = _statements(text, [])
    by_quote = {text[s.start:s.end][:12]: s.speaker_text for s in found}
    assert by_quote.get("Henry Brunk ") == "Henry Brunk" and by_quote.get("Samuel Smith") == "Samuel Smith"


def test_surnames_no_mention_covers_opening_a_sentence_or_after_an_opening_phrase() -> None:
    text = ("Mr. Cotton to Mr. Stimson\n\nI had a talk with Swanson and Borah today. Borah stated that a pact "
            "would do.\n\nSwanson on the other hand dislikes political pacts and he fears the Senate's reactions."
            "\n\nAfter he had gone Mello Franco said that a telegram had come. Denying it, he said nothing.\n\nCotton")
    got = _found(text)
    assert ("Swanson" in {g[1] for g in got}) and ("Mello Franco" in {g[1] for g in got})
    assert "Denying" not in {g[1] for g in got}  # a capital that opens a sentence only is no name


def test_the_editors_note_on_an_office_names_its_holder() -> None:
    text = ("Memorandum by the Under Secretary of State (Phillips)\n\nThe Italian Ambassador[1] came in this "
            "afternoon. I said that Europe was anxious.\n\nThe Ambassador mentioned that a Senator had cautioned him.")
    note = Footnote("1", "Augusto Rosso.", text.index("[1]"))
    found = _statements(text, [mention(text, "Phillips", "p:phillips")], footnotes=(note,))
    amb = next(s for s in found if text[s.start:].startswith("The Ambassador mentioned"))
    assert amb.speaker_text == "The Ambassador (Augusto Rosso)" and "names Augusto Rosso as its Ambassador" in amb.reason


def test_no_body_or_pronoun_passes_for_a_surname_and_a_head_of_state_named_later_is_not_the_one() -> None:
    text = ("The Minister in Nicaragua (Lane) to the Secretary of State\n\nThe President stated to me that the date "
            "was a pretext. He requested me to ask that President Ubico be urged to reconsider.\n\n"
            "Yesterday I saw Mr. Gharib again, from which I gather that the Foreign Office now knows the worst."
            "\n\nLane")
    got = _found(text, [mention(text, "Lane", "p:lane"), mention(text, "Lane", "p:lane", 1)])
    assert all("Ubico" not in g[1] and g[1] != "Foreign Office" for g in got)
    text = "Mr. Lane to Mr. Hull\n\nYesterday I saw Mr. Gharib again at the Club.\n\nLane"
    assert _found(text, [mention(text, "Lane", "p:lane", 1)])[0][1:] == ("I", "first-person")


def test_an_inclosed_letter_by_a_marquis_is_his_even_when_the_despatch_says_nothing_before_it() -> None:
    text = ("No. 289. Mr. Hamlin to Mr. Frelinghuysen.\n\nNo. 62.]\n\nSir: Referring to your instruction, a copy "
            "goes herewith.\n\n[Inclosure in No. 62.—Translation.]\n\nThe Marquis de la Vega de Armijo to Mr. Hamlin."
            "\nMinistry of State,\nPalace, July 3, 1882.\n\nExcellency: I have the honor to state that the ministry "
            "has transmitted the matter.\n\nEl Marques DE LA VEGA DE ARMIJO.")
    found = _statements(text, [mention(text, "Hamlin", "p:hamlin")])
    his = next(s for s in found if "I have the honor to state" in text[s.start:s.end])
    assert his.speaker_text == "Marquis de la Vega de Armijo" and his.speaker_id is None


def test_an_affidavit_of_who_personally_appeared_and_an_article_that_is_no_signature() -> None:
    text = ("[Untitled]\n\nOn this day personally appeared before me John Allmand, an American citizen, who, having "
            "duly sworn on his oath, deposes and says that he heard the cries of a man in distress. Affiant further "
            "swears that they let the Japanese go.\n\nJNO. ALLMAND, Jr.")
    found = _statements(text, [])
    swears = next(s for s in found if "Affiant further swears" in text[s.start:s.end])
    assert swears.speaker_text == "John Allmand"
    text = ("Earl Granville to Sir E. Thornton.\n\nSir: I send you the draught of a Convention.\n\nI am, &c.,\n\n"
            "GRANVILLE.\n\n[Inclosure.]\n\nSketch of a Convention.\n\nArticle III.")
    author = find_author(Document("t/d10", "t", text.split("\n")[0], text), MentionIndex([]))
    assert author.text != "Article III"  # the inclosure's last line is no signature


def test_an_office_no_mention_covers_as_the_subject_of_a_coordinated_predicate() -> None:
    text = ("The Minister Resident in Ethiopia (Engert) to the Secretary of State\n\nThe Marshal sent for me and told "
            "me rather naively that he had instructions from the Duce.\n\nEngert")
    got = _found(text)
    assert got[0][1:] == ("The Marshal", "reported")
