"""Statements v2–v3 (``memcon.statements.v3``): the turn-taking rules, on records written for the
test — who "he" is after the record's own "I", the author named by a "Memorandum by" heading,
a message printed inside the record with its own writer, subjectless telegraphese, a second
speaker inside one sentence, a surname the linker did not take, an office the record names a
holder of, and where the author's own paragraphs stop."""

from __future__ import annotations

from memcon.model.people import Mention
from tests.enrich._speech_records import mention, said

_mention = mention


def _said(text: str, mentions: list[Mention]) -> list[tuple[str, str | None, str]]:
    return said(text, mentions, heading_line=2)  # the record's heading is line 2


MEMO = (
    "711.00/1\n\n"
    "Memorandum by the Secretary of State\n[Washington,] May 2, 1934.\n\n"
    "The Minister of Ruritania, Dr. Novak, came in. I told Dr. Novak that we could not agree. "
    "He said that his Government would reconsider the matter.\n\n"
    "I then asked him about the loan. He replied that the Ambassador of Graustark had objected, "
    "and Dr. Zenda replied that Graustark would not pay.\n\n"
    "The Minister said he would report to his Government.\n\n"
    "Dennis says the treaty will be signed next week."
)


def test_the_memorandum_heading_names_the_i_and_he_is_the_other() -> None:
    text = MEMO
    mentions = [_mention(text, "the Secretary of State", "p:hull", kind="title"),
                _mention(text, "Dr. Novak", "p:novak"), _mention(text, "Dr. Novak", "p:novak", 1),
                _mention(text, "Dr. Zenda", "p:zenda"),
                _mention(text, "The Minister", None, 1, kind="title")]
    got = _said(text, mentions)
    assert got == [
        ("I told Dr. Novak that we", "p:hull", "first-person"),
        ("He said that his Governm", "p:novak", "continuation"),  # the person the 'I' addressed
        ("I then asked him about t", "p:hull", "first-person"),
        ("He replied that the Amba", "p:novak", "continuation"),  # never the 'I'
        ("Dr. Zenda replied that G", "p:zenda", "reported"),  # a second speaker inside the sentence
        ("The Minister said he wou", "p:novak", "reported"),  # "Dr. Novak, the Minister of Ruritania"
        ("Dennis says the treaty w", None, "reported"),  # a surname the linker did not take
    ]


CABLE = (
    "861.00/2\n\n"
    "The Ambassador in Russia (Francis) to the Secretary of State\n\n[Telegram]\n\n"
    "Petrograd, July 22, 1917, 11 p.m.\n\n"
    "Minister of Foreign Affairs just left Embassy. Says cabinet meets to-night. "
    "Told him we expected an answer soon.\n\n"
    "I have the honor to enclose the following letter:\n\n"
    "The Consul at Moscow (Summers) to the Ambassador in Russia (Francis)\nMoscow, July 20, 1917.\n\n"
    "I told the Mayor to-day that the consulate must be protected.\n\n"
    "Francis"
)


def test_telegraphese_and_an_enclosed_letter_with_its_own_writer() -> None:
    text = CABLE
    mentions = [_mention(text, "Francis", "p:francis"), _mention(text, "the Secretary of State", "p:lansing"),
                _mention(text, "Summers", "p:summers"), _mention(text, "Francis", "p:francis", 1),
                _mention(text, "Francis", "p:francis", 2),
                _mention(text, "Minister of Foreign Affairs", "p:tereshchenko", kind="title")]
    got = _said(text, mentions)
    assert ("Says cabinet meets to-ni", "p:tereshchenko", "continuation") in got
    assert ("Told him we expected an ", "p:francis", "first-person") in got
    # the enclosure's "I" is its own writer, named in its heading
    assert ("I told the Mayor to-day ", "p:summers", "first-person") in got
    # the text a colon introduces is not the author's own paragraph
    assert all(not words.startswith("The Consul") for words, _, _ in got)


def test_the_authors_paragraphs_go_on_until_a_colon() -> None:
    text = ("1\n\nMr. Gromyko to the Foreign Ministry\nWashington, October 18, 1962.\n\n"
            "I said to Kennedy that the blockade was illegal.\n\n"
            "The Soviet government stands for peaceful coexistence.\n\n"
            "Cuba belongs to the Cuban people.\n\n"
            "The draft reads as follows:\n\n"
            "Article 1. The parties agree to settle disputes by peaceful means.\n\n"
            "A. GROMYKO")
    mentions = [_mention(text, "Gromyko", "p:gromyko"), _mention(text, "Kennedy", "p:kennedy"),
                _mention(text, "GROMYKO", "p:gromyko")]
    got = _said(text, mentions)
    speakers = {words: who for words, who, _ in got}
    assert speakers["The Soviet government st"] == "p:gromyko"
    assert speakers["Cuba belongs to the Cuba"] == "p:gromyko"
    assert not any(words.startswith("Article 1") for words in speakers)


def test_a_relayed_message_is_its_senders_up_to_his_signature() -> None:
    text = ("1\n\nThe Ambassador in Japan (Morris) to the Secretary of State\n\nTokyo, December 18, 1918.\n\n"
            "Stevens replied to my telegram of December 11 as follows:\n\n"
            "Proposed changes do not cover the most vital error.\n\n"
            "I can not change my views. Stevens.\n\n"
            "I told the Minister yesterday that the plan stands.\n\n"
            "Morris")
    mentions = [_mention(text, "Morris", "p:morris"), _mention(text, "Stevens", "p:stevens"),
                _mention(text, "Stevens", "p:stevens", 1), _mention(text, "Morris", "p:morris", 1)]
    got = _said(text, mentions)
    assert ("Proposed changes do not ", "p:stevens", "direct") in got
    assert ("I can not change my view", "p:stevens", "direct") in got  # his "I", not Morris's
    assert ("I told the Minister yest", "p:morris", "first-person") in got
