"""Statements v3 (``memcon.statements.v3``): subjects and turns added in v3, on records written for
the test — a relative clause ("… saw Balfour who said …"), "he" after a conversation with one
person, "…, but he said" after "I told X", "he" after "I" keeping the other speaker however he was
named, initials and a surname, "the latter", an office opening a telegram's sentence, the author
of a two-paragraph cable by its signature or by a heading sender past an earlier " to ", and the
verb table compiled as a trie."""

from __future__ import annotations

import re

from memcon.enrich._speech_text import SPEECH_VERBS, VERB_RE, trie_pattern
from memcon.enrich.statements import extract_statements
from memcon.model.people import Mention
from memcon.model.records import Document
from tests.enrich._speech_records import mention, said

_mention = mention


def _said(text: str, mentions: list[Mention]) -> list[tuple[str, str | None, str]]:
    return said(text, mentions, heading_line=0)  # the record's heading is line 0


DIARY = (
    "Mr. Auchincloss to Colonel House\nParis, December 11, 1918.\n\n"
    "Yesterday Mr. Hoover called me up about the passports. He enquired about a passport for his chief. "
    "I told Mr. Hoover that none was needed, but he said that his chief wished to have one.\n\n"
    "Wiseman has no news tonight but he saw Balfour at four o'clock who said that the note raised "
    "important questions.\n\n"
    "During general conversation with Butler Wright at the Embassy this morning he stated that the "
    "meeting was disorderly.\n\n"
    "Auchincloss"
)


def test_relative_clause_conversation_with_and_but_he_said() -> None:
    text = DIARY
    mentions = [_mention(text, "Auchincloss", "p:auch"), _mention(text, "Colonel House", "p:house"),
                _mention(text, "Hoover", "p:hoover"), _mention(text, "Hoover", "p:hoover", 1),
                _mention(text, "Wiseman", "p:wiseman"), _mention(text, "Balfour", "p:balfour"),
                _mention(text, "Butler Wright", "p:wright"), _mention(text, "Auchincloss", "p:auch", 1)]
    got = _said(text, mentions)
    assert got == [
        ("He enquired about a pass", "p:hoover", "continuation"),  # "Yesterday Mr. Hoover" opened the sentence before
        ("I told Mr. Hoover that n", "p:auch", "first-person"),
        ("he said that his chief w", "p:hoover", "continuation"),  # "…, but he said": the one "I" told
        ("Balfour at four o'clock ", "p:balfour", "reported"),  # "… saw Balfour … who said"
        ("During general conversat", "p:wright", "continuation"),  # "conversation with Butler Wright … he stated"
    ]


CABLE = (
    "The Ambassador in Japan (Morris) to the Secretary of State\nTokyo, September 3, 1918.\n\n"
    "I conveyed to the Minister of Foreign Affairs the proposals. He replied that there were two difficulties.\n\n"
    "I pointed out that Stevens and his associates were the agents of the Russian people. He then stated "
    "that his Government would consider the proposals.\n\n"
    "The Chinese commission sailed on the 2nd. C. T. Wang stated that the breach would be healed.\n\n"
    "Morris"
)


def test_he_after_i_keeps_the_other_speaker_and_unlinked_subjects() -> None:
    text = CABLE
    mentions = [_mention(text, "Morris", "p:morris"), _mention(text, "the Secretary of State", "p:lansing", kind="title"),
                _mention(text, "the Minister of Foreign Affairs", None, kind="title"),
                _mention(text, "Stevens", "p:stevens"), _mention(text, "Morris", "p:morris", 1)]
    got = _said(text, mentions)
    assert got[0] == ("I conveyed to the Minist", "p:morris", "first-person")
    assert got[1] == ("He replied that there we", None, "continuation")  # the unresolved Minister, not a guess
    assert got[2] == ("I pointed out that Steve", "p:morris", "first-person")
    # "He then stated": still the Minister the record's "I" talks with, never Stevens named just before
    assert got[3] == ("He then stated that his ", None, "continuation")
    assert got[-1] == ("C. T. Wang stated that t", None, "reported")  # initials and a surname: unlinked
    document = Document("t/d1", "t", "", text)
    said = {text[s.start:s.start + 10]: s for s in extract_statements(document, mentions)}
    assert "Minister of Foreign Affairs" in said["He then st"].reason
    assert said["C. T. Wang"].speaker_text == "C. T. Wang"
    # "Minister of War just left Embassy. Says …": the office opening the sentence before, unresolved
    # (v2: the person named nearest before it, the Secretary of the Treasury of the cable's first line)
    tele = ("The Ambassador in Russia (Francis) to the Secretary of State\nPetrograd, July 22, 1917.\n\n"
            "Also for the Secretary of the Treasury:\n\n"
            "Minister of War just left Embassy. Says troops are being dispatched to Finland.\n\nFrancis")
    mentions = [_mention(tele, "Francis", "p:francis"), _mention(tele, "the Secretary of the Treasury", "p:mcadoo",
                                                                  kind="title"), _mention(tele, "Francis", "p:francis", 1)]
    found = extract_statements(Document("t/d2", "t", "", tele), mentions)
    says = next(s for s in found if tele[s.start:].startswith("Says troops"))
    # shown by the words that named him (v4), not "(he)"
    assert says.speaker_text == "Minister of War" and says.speaker_id is None and "'(he)'" in says.reason


def test_the_author_of_a_short_cable_and_a_heading_sender_past_an_earlier_to() -> None:
    short = ("The Chairman of the Railway Experts to Russia (Stevens) to the Secretary of State\n"
             "Harbin, May 22, 1918.\n\nI told him I could not discuss such matters.\n\nStevens")
    mentions = [_mention(short, "Stevens", "p:stevens"), _mention(short, "the Secretary of State", "p:lansing",
                                                                   kind="title")]
    assert _said(short, mentions) == [("I told him I could not d", "p:stevens", "first-person")]  # heading sender
    signed = short.replace("(Stevens) ", "")
    mentions = [_mention(signed, "the Secretary of State", "p:lansing", kind="title"),
                _mention(signed, "Stevens", "p:stevens")]
    assert _said(signed, mentions) == [("I told him I could not d", "p:stevens", "first-person")]  # signature


def test_the_latter() -> None:
    text = ("The Ambassador in France (Derby) to Mr. Balfour\nParis, December 16, 1918.\n\n"
            "The President of the Council had a long conversation yesterday with President Wilson.\n\n"
            "Latter informed him that he was anxious to attend the Peace Conference.\n\nDerby")
    mentions = [_mention(text, "Derby", "p:derby"), _mention(text, "Mr. Balfour", "p:balfour"),
                _mention(text, "The President of the Council", "p:clemenceau", kind="title"),
                _mention(text, "President Wilson", "p:wilson"), _mention(text, "Derby", "p:derby", 1)]
    assert ("Latter informed him that", "p:wilson", "reported") in _said(text, mentions)


def test_verb_table_trie_matches_the_plain_alternation() -> None:
    plain = re.compile(r"\b(" + "|".join(re.escape(v) for v in SPEECH_VERBS) + r")\b")
    sample = ("He expressed the hope that, as Mr. X said and Mr. Y says, they went on; she expressed regret, "
              "thought, felt, re-emphasized and reemphasized it; the saidness of sayings; he put in a remark.")
    assert [m.span() for m in VERB_RE.finditer(sample)] == [m.span() for m in plain.finditer(sample)]
    assert VERB_RE.pattern.startswith(r"\b(") and trie_pattern(("ab", "abc", "b")) == "(?:ab(?:c)?|b)"


def test_footnote_anchor_after_the_speaker_his_excellency_and_a_qualified_office() -> None:
    text = ("The Minister in Norway (Schmedeman) to the Acting Secretary of State\nChristiania, December 7, 1918.\n\n"
            "The Minister for Foreign Affairs[5] informed me that a copy of the note had been forwarded.\n\n"
            "Mr. Ihlen stated that it was most important to meet.\n\n"
            "His Excellency also expressed the desire that the Chiefs of Missions attend.\n\nA. G. Schmedeman")
    mentions = [_mention(text, "The Minister in Norway", "p:schmedeman", kind="title"),
                _mention(text, "Schmedeman", "p:schmedeman"),
                _mention(text, "the Acting Secretary of State", "p:polk", kind="title"),
                _mention(text, "The Minister for Foreign Affairs", None, kind="title"),
                _mention(text, "Mr. Ihlen", "p:ihlen"), _mention(text, "A. G. Schmedeman", "p:schmedeman")]
    found = extract_statements(Document("t/d3", "t", "", text), mentions)
    said = {text[s.start:s.start + 12]: s for s in found}
    informed = said["The Minister"]  # the anchor "[5]" stands between the subject and the verb
    assert informed.verb == "informed" and informed.kind == "reported"
    # "The Minister for Foreign Affairs" is not "The Minister in Norway (Schmedeman)", the record's author
    assert informed.speaker_id is None and informed.speaker_text == "The Minister for Foreign Affairs"
    # "His Excellency" with nobody addressed: the last speaker, not the person named nearest before
    excellency = said["His Excellen"]
    assert excellency.speaker_id == "p:ihlen" and "the last speaker" in excellency.reason


def test_a_sentence_ends_before_a_footnote_anchor_and_an_absolute_saying_clause() -> None:
    text = ("Mr. Auchincloss to Colonel House\nParis, December 11, 1918.\n\n"
            "The note was delivered about 2:30.[5] Wiseman says that the first reaction was financial, "
            "Drummond saying that the United States should finance it.\n\nAuchincloss")
    mentions = [_mention(text, "Auchincloss", "p:auch"), _mention(text, "Colonel House", "p:house"),
                _mention(text, "Wiseman", "p:wiseman"), _mention(text, "Drummond", "p:drummond"),
                _mention(text, "Auchincloss", "p:auch", 1)]
    assert _said(text, mentions) == [
        ("Wiseman says that the fi", "p:wiseman", "reported"),  # v2: no sentence began after "2:30.[5]"
        ("Drummond saying that the", "p:drummond", "reported"),
    ]
