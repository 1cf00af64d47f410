"""The title resolver's decisions (see :mod:`memcon.enrich.titles` for the order of the evidence):
:func:`resolve_title` for a mention in a document, :func:`resolve_office` for an office asked
on a date (``memcon who``).

DOCS: docs/benchmarks.md#title-labels
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from memcon.authority._names import country
from memcon.authority.titles import office_key
from memcon.enrich._titles_context import (
    Heading,
    agency,
    names_near,
    place_there,
    read_heading,
    republic,
    stated_date,
)
from memcon.enrich._titles_names import ACTING, Named, named_holder
from memcon.enrich.titles import (
    US,
    Resolution,
    TitleMention,
    _date,
    describe_holder,
    document_side,
    find_offices,
    find_titles,
)
from memcon.model.people import Person, Role
from memcon.model.records import Document

if TYPE_CHECKING:
    from memcon.authority.lookup import Authority

_MAX_LISTED = 6
NAMED_ONLY = 0.6
"""Confidence of a title resolved to a name the authority does not hold (no person id)."""
HOST_OFFICES = frozenset({"president", "under-secretary"})
"""US offices a foreign government also has, so that in a record written abroad the bare title
may be the host's ("the President" in Managua, "the Under Secretary" in Teheran)."""


def _query(mention: TitleMention) -> str:
    return mention.query or mention.office.title


def _listing(pairs: Sequence[tuple[Person, Role]]) -> str:
    names = [p.name for p, _ in pairs]
    more = f" and {len(names) - _MAX_LISTED} more" if len(names) > _MAX_LISTED else ""
    return "; ".join(names[:_MAX_LISTED]) + more


def resolve_office(
    authority: Authority,
    title: str,
    *,
    on: str,
    side: str | None = None,
    place: str | None = None,
    prefer: Sequence[str] = (),
    attest: bool = True,
) -> tuple[Resolution, list[tuple[Person, Role]]]:
    """Who held ``title`` on ``on`` for ``side`` (a country; ``None``: any), at ``place`` (the
    country an office is in or to); ``prefer`` are person ids (participants, the heading's
    persons) that break a tie; ``attest``: with no holder in the authority, ask the offices the
    documents attest.  Returns the resolution and every holder found."""
    asked = f"{title} to {place}" if place else title
    holders = authority.holders(asked, on=on, side=side)
    where = f" ({side})" if side else ""
    key = office_key(title)[0]
    if not holders and key in ACTING and side in (None, US):
        for stand_in in ACTING[key]:
            found = authority.holders(stand_in, on=on, side=US)
            if found:
                if len({p.id for p, _ in found}) > 1:
                    return Resolution(None, None, 0.0, f"no {title!r} on {on} in the authority, and "
                                      f"{len(found)} holders of {stand_in!r}, who would act: {_listing(found)}"), found
                person, role = found[0]
                return Resolution(person.id, person.name, 0.7,
                                  f"{describe_holder(person, role)}; on {on} the ranking officer after the "
                                  f"Secretary, who acts for him ({title!r})"), found
    if not holders:
        if not attest:
            return Resolution(None, None, 0.0, f"no holder of {asked!r}{where} on {on} in the authority"), holders
        return _attested(authority, asked, on=on, side=side, where=where), holders
    people = {p.id: (p, r) for p, r in holders}
    if len(people) > 1 and prefer:
        present = {pid: pr for pid, pr in people.items() if pid in prefer}
        if len(present) == 1:
            person, role = next(iter(present.values()))
            return Resolution(person.id, person.name, 0.85,
                              f"{describe_holder(person, role)}; on {on}; named in the document among "
                              f"{len(people)} holders"), holders
    if len(people) == 1:
        person, role = holders[0]
        from memcon.authority.titles import precision

        confidence = (0.95, 0.85, 0.7)[precision(role)]
        return Resolution(person.id, person.name, confidence, f"{describe_holder(person, role)}; on {on}"), holders
    return Resolution(None, None, 0.0, f"{len(people)} holders of {asked!r}{where} on {on}: {_listing(holders)}"), holders


def _attested(authority: Authority, asked: str, *, on: str, side: str | None, where: str) -> Resolution:
    """No holder in the authority: the one the stored documents attest nearest ``on``
    (:mod:`memcon.authority.attested`), or unresolved saying why."""
    none = f"no holder of {asked!r}{where} on {on} in the authority"
    found = authority.attested.holder(asked, on=on, side=side)
    if found is None:
        return Resolution(None, None, 0.0, none)
    if isinstance(found, str):
        return Resolution(None, None, 0.0, f"{none}; {found}")
    if found.person_id is not None:
        name = authority.person(found.person_id).name
        return Resolution(found.person_id, name, found.confidence, f"{found.reason}; {none}")
    return Resolution(None, found.name, min(found.confidence, NAMED_ONLY),
                      f"{found.reason}; {found.name!r} is not a person of the authority; {none}")


def _from_named(named: list[Named], name: str, how: str, mention: TitleMention, on: str | None,
                linked: Sequence[str] = (), linked_names: frozenset[str] = frozenset()) -> Resolution:
    """The resolution a name standing with the title gives; ``linked`` are the persons the name
    linker linked in the document — one of several namesakes among them is the one meant (the
    linker weighed the volume's persons list and the other documents: "McCormick", Chairman of
    the Exports Administrative Board, is Vance C. McCormick); ``linked_names`` their names (a
    persons-list record the authority keeps beside the same man's HistoryAtState record)."""
    if len(named) > 1 and linked:
        chosen = [n for n in named if n.person.id in linked or n.person.name in linked_names]
        if len(chosen) == 1:
            found = chosen[0]
            held = f"; {describe_holder(found.person, found.role)}" if found.role is not None else ""
            return Resolution(found.person.id, found.person.name, 0.8,
                              f"named {name!r} ({how}), one of {len(named)} persons of the authority so named: "
                              f"the one the name linker linked in this document{held}")
    if len(named) != 1:
        names = "; ".join(sorted(n.person.name for n in named))
        return Resolution(None, None, 0.0, f"{mention.text!r} is named {name!r} ({how}), and that name is "
                          f"{len(named)} persons of the authority: {names}")
    found = named[0]
    when = f" on {on}" if on else ""
    if found.role is not None:
        confidence = 0.95 if found.how == "on the date" else 0.85
        held = describe_holder(found.person, found.role)
        return Resolution(found.person.id, found.person.name, confidence,
                          f"named {name!r} ({how}); {held}{'' if found.how == 'on the date' else ' (held at another time)'}")
    return Resolution(found.person.id, found.person.name, 0.7,
                      f"named {name!r} ({how}); the one {found.person.name} of the authority alive{when}; "
                      f"the authority gives him no {_query(mention)!r}")


def _names_of(authority: Authority, person_ids: Sequence[str]) -> list[str]:
    names = []
    for pid in person_ids:
        try:
            names.append(authority.person(pid).name)
        except Exception:  # noqa: BLE001 - a person linked from another store state is no help
            continue
    return names


def _text_named(name: str, how: str, mention: TitleMention) -> Resolution:
    """A title resolved to a name the text gives but the authority does not hold: no person id
    (nothing is linked), the name, and why ("President Zelaya" in a despatch from Managua)."""
    return Resolution(None, name, NAMED_ONLY,
                      f"{mention.text!r} is named {name!r} ({how}); {name!r} is not a person of the authority")


def _unknown_holder(text: str, mention: TitleMention, authority: Authority, query: str, *, on: str,
                    document: Document, heading: Heading) -> Resolution | None:
    """When no holder of the office is known on the date: the one name the document gives this
    office ("President Salomon", "the Minister for Foreign Affairs (Araujo)") if the authority
    does not know it; ``None`` when the document names none, several, or one the authority knows."""
    names: dict[str, str] = {}
    for name, how, at in _same_office_names(text, mention):
        if _in_heading_addressee(document, at, heading) and not how.startswith("named with '"):
            continue
        people, _why = named_holder(authority, name, query, on=on, side=None, strong=True)
        if any(n.role is not None for n in people):
            return None  # the authority knows him in this office: the office-based answer stands
        names.setdefault(name.split()[-1], name)
    if len(names) != 1:
        return None
    name = next(iter(names.values()))
    return _text_named(name, "the document names him with this title", mention)


def _side_words(mention: TitleMention, own: str | None, heading: Heading) -> str | None:
    if mention.side == "own":
        return own
    if mention.side == "republic":  # "the President of the Republic": the other country's
        return heading.written_in if heading.written_in not in (None, own) else heading.post
    return mention.side


def _sender_ids(
    authority: Authority, heading: Heading, mention: TitleMention, query: str, *, on: str, own: str | None
) -> set[str]:
    """The persons the heading's sender names with this office ("The Ambassador in Mexico
    (Sheffield) to the Secretary of State")."""
    ids: set[str] = set()
    if not heading.sender:
        return ids
    for sent in find_titles(heading.sender):
        if sent.office.key != mention.office.key:
            continue
        for near in names_near(heading.sender, sent.start, sent.end):
            people, _ = named_holder(authority, near.name, query, on=on, side=None, strong=True)
            ids.update(n.person.id for n in people)
    return ids


def _addressee_ids(authority: Authority, heading: Heading, *, on: str, own: str | None) -> set[str]:
    """The persons the heading's addressee names with an office ("to the Ambassador in Great
    Britain (Page)")."""
    ids: set[str] = set()
    if not heading.addressee:
        return ids
    for sent in find_offices(heading.addressee):  # the heading drops the article: "to Ambassador in …"
        for near in names_near(heading.addressee, sent.start, sent.end):
            if not near.strong:
                continue
            people, _ = named_holder(authority, near.name, _query(sent), on=on,
                                     side=own if sent.side == "own" else sent.side, strong=True)
            ids.update(n.person.id for n in people)
    return ids


def _same_office_names(text: str, mention: TitleMention) -> list[tuple[str, str, int]]:
    """Names the document gives this office elsewhere: "President Zelaya", "Ambassador
    Bakhmeteff", and names in apposition to another mention of the same office."""
    out: list[tuple[str, str, int]] = []
    word = mention.office.word
    if word:
        pattern = rf"(?<![\w-])(?:(?:Vice|Assistant|Deputy)\s+)?{word}\s+((?:[A-Z]\.\s?)*[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)"
        for m in re.finditer(pattern, text):
            if m.group(0).split()[0] in {"Vice", "Assistant", "Deputy"}:
                continue
            name = m.group(1)
            if name.split()[0] in {"The", "Of", "In", "And", "I", "He", "For", "To", "Mr", "At", "On"} or country(name):
                continue
            out.append((name, "named with the title", m.start()))
    for other in find_titles(text):
        if other.office.key != mention.office.key or other.start == mention.start:
            continue
        if (other.side not in (None, "own") or other.place) and (other.side, other.place) != (mention.side, mention.place):
            continue  # "Mr. Dorticos, President of the Republic of Cuba" names another country's
        if other.query != mention.query and not (other.query or "").endswith("for Foreign Affairs"):
            continue  # "Daniel Willard, the President of the Baltimore and Ohio": another office
        for near in names_near(text, other.start, other.end):
            if near.strong and near.how != "signature":
                out.append((near.name, f"named with {other.text!r}", other.start))
    return out


def resolve_title(
    authority: Authority,
    document: Document,
    mention: TitleMention,
    *,
    participants: Sequence[str] = (),
) -> Resolution:
    """Resolve ``mention`` of ``document`` to a person (see :mod:`memcon.enrich.titles`).

    ``participants`` are memcon person ids of the document's participants, when known: a holder
    among them breaks a tie."""
    text = document.text
    doc_date = _date(document)
    own = document_side(document)
    heading = read_heading(document.heading, document.place)
    query = _query(mention)
    stated = stated_date(text, mention.start, mention.end, before=doc_date)
    on = stated[0] if stated else doc_date
    side = _side_words(mention, own, heading)
    agent = agency(text, mention.start, mention.end)
    if agent and side is None:
        side = US if agent.startswith("and") else own
    if side is None and own == US and mention.office.us and _editorial(document, mention):
        side = own  # the editors' subject line ("Meeting Between The President and …") is US usage

    # 1. a name in apposition
    for near in names_near(text, mention.start, mention.end):
        asked = f"{query} to {mention.place}" if mention.place else query  # "our minister at London"
        named, why = named_holder(authority, near.name, asked, on=on, side=side if side != "own" else own,
                                  strong=near.strong)
        if named and (named[0].role is not None or near.strong):
            if named[0].how == "at another time" and not near.strong and doc_date is not None:
                continue  # a bare word before a comma ("Washington, the President …") is no proof
            linked_names = frozenset(_names_of(authority, participants)) if len(named) > 1 else frozenset()
            return _from_named(named, near.name, near.how, mention, on, linked=participants,
                               linked_names=linked_names)
        if near.strong and not named and why.endswith("is not a person of the authority"):
            return _text_named(near.name, near.how, mention)
        if near.strong and (not named or near.how in {"parenthesis", "following", "colon"}):
            return Resolution(None, None, 0.0, f"{mention.text!r} is named {near.name!r} ({near.how}): {why}")

    if mention.side == "republic" and side is None:
        return Resolution(None, None, 0.0, f"{mention.text!r}: the record does not say which republic")

    # 1b. "the Ambassador" after "The Italian Ambassador came to say …": the same envoy
    earlier = _named_before(document, mention, own)
    if earlier is not None:
        first = resolve_title(authority, document, earlier, participants=participants)
        if first.person_id is not None or first.name is not None:
            return Resolution(first.person_id, first.name, min(first.confidence, 0.8),
                              f"the same as {earlier.text!r} before it: {first.reason}", first.method)

    if on is None:
        return Resolution(None, None, 0.0, "the document has no date and the sentence states none: "
                          "the office's holder cannot be told")
    # not the heading's persons: in his own despatch the sender is "I", and in a telegram to the
    # Ambassador in Great Britain (Page) "the Ambassador" is another man — Page is "you"
    addressed = _addressee_ids(authority, heading, on=on, own=own)
    prefer = [p for p in participants if p not in addressed]
    host = heading.written_in if heading.written_in not in (None, own) else None
    abroad = host or (heading.post if heading.post not in (None, own) else None)

    # 2. the words name the side, or an agency phrase makes it the writer's
    there = place_there(text, mention.start, mention.end) if mention.office.key in {"ambassador", "minister"} else None
    if side is not None or mention.place is not None:
        place = mention.place or there
        unread = re.match(r"\s+(?:in|at|to)\s+[A-Z]", text[mention.end : mention.end + 6]) is not None
        inferred = False
        if place is None and mention.office.key == "ambassador" and side is not None and mention.query is None \
                and not unread:  # "the American Ambassador in <a place memcon does not know>": not guessed
            # "the Soviet Ambassador" in a US record: accredited to the United States; "our
            # Ambassador", or the Soviet one in a Soviet record: to the country the record deals with
            place = own if side != own else (abroad if abroad else (US if own != US else None))
            inferred = abroad is not None
        if side is None and place is not None and place != own and mention.office.key in {"ambassador", "minister"}:
            side = own  # "The Ambassador in the Soviet Union (Thompson)": the record's side's envoy there
        # an envoy whose post is only inferred, in a record written abroad, is not answered by
        # what the documents attest: "the British Ambassador" in London may be the one in Paris
        result, holders = resolve_office(authority, query, on=on, side=side, place=place, prefer=prefer,
                                         attest=not inferred and not (mention.office.key in {"ambassador", "minister"}
                                                                      and place is None))
        if not holders:
            result = _unknown_holder(text, mention, authority, query, on=on, document=document,
                                     heading=heading) or result
        return _dated(result, stated)

    # 3. a signature for the heading's sender: "(For the Ambassador) Colville Barclay" under
    # "The British Ambassador (Spring Rice) to the Secretary of State" — elsewhere in his own
    # despatch the sender is "I", and "the Ambassador" another; "Mr. Ambassador" in a note to
    # the heading's addressee is the addressee
    signing = re.search(r"(?:^|\n|\()\s*(?:For|By)\s+$", text[max(0, mention.start - 12) : mention.start])
    vocative = mention.text.startswith(("Mr.", "Mr ", "Madam"))
    if vocative and heading.addressee:  # "My Dear Mr. Ambassador" in a note to the Ambassador (Morgan)
        for sent in find_titles(heading.addressee):
            if sent.office.key != mention.office.key:
                continue
            for near in names_near(heading.addressee, sent.start, sent.end):
                addressee_side = own if sent.side == "own" else sent.side
                people, _why = named_holder(authority, near.name, query, on=on, side=addressee_side, strong=True)
                if len(people) == 1 and people[0].role is not None:
                    return _from_named(people, near.name, "addressed to him in the heading", mention, on)
    if heading.sender and signing and mention.start > len(document.heading or "") + 40:
        for sent in find_titles(heading.sender):
            if sent.office.key != mention.office.key or sent.query != mention.query:
                continue
            for near in names_near(heading.sender, sent.start, sent.end):
                sender_side = own if sent.side == "own" else sent.side
                people, _why = named_holder(authority, near.name, query, on=on, side=sender_side, strong=True)
                if len(people) == 1 and people[0].role is not None:
                    return _from_named(people, near.name, "the heading's sender", mention, on)

    # 4. the document names a holder of this office (not the addressee)
    addressee_office = bool(heading.addressee and mention.office.word
                            and mention.office.word.lower() in heading.addressee.lower())
    mentioned = [n for n in _same_office_names(text, mention) if not _in_heading_addressee(document, n[2], heading)]
    if mention.office.key == "president" and host is not None and republic(host, on):
        # written in a republic, "the President" is its own: a president named only after it
        # ("that President Ubico be urged", in Managua) is another country's
        mentioned = [n for n in mentioned if n[2] < mention.start]
    writer = _sender_ids(authority, heading, mention, query, on=on, own=own)
    if mentioned and not mention.office.key.startswith("secretary"):
        found: dict[str, Named] = {}
        unknown: list[str] = []
        for name, how, _ in mentioned:
            people, _why = named_holder(authority, name, query, on=on, side=None, strong=True)
            # a holder on the date; an apposition elsewhere ("A. Soheily, Under Secretary of State
            # for Foreign Affairs") names him even where the authority lacks the office
            held = [n for n in people if n.how == "on the date" or (how.startswith("named with '") and n.role is None)]
            if len(held) == 1 and held[0].person.id in writer:
                continue  # the sender holds it: in his own despatch he is "I", "the Ambassador" another
            if len(held) == 1:
                found.setdefault(held[0].person.id, held[0])
            elif not people or len(held) > 1:
                unknown.append(name)
        own_holders = [p.id for p, _ in authority.holders(query, on=on, side=own)] if own and mention.office.us else []
        others = {pid: n for pid, n in found.items() if pid not in own_holders}
        in_republic = mention.office.key == "president" and host is not None and republic(host, on)
        # written in a republic, the document naming our President elsewhere does not make "the
        # President" ours: in Asunción "the President" is Paraguay's, "President Roosevelt" ours
        if len(found) == 1 and not unknown and (others or not host or (set(found) <= set(own_holders)
                                                                       and not in_republic)):
            only = next(iter(found.values()))
            return _from_named([only], only.person.name, "the document names him with this title", mention, on)
        if not found and len({name.split()[-1] for name in unknown}) == 1 \
                and (host or not own_holders or addressee_office):
            return _text_named(unknown[0], "the document names him with this title", mention)
        if (others or unknown) and (host or not own_holders or addressee_office):
            names = "; ".join(sorted({*(n.person.name for n in found.values()), *unknown}))
            return Resolution(None, None, 0.0, f"the document names several holders of {query!r} or one the "
                              f"authority does not know ({names}): which one is meant cannot be told")

    # 5. the other country's office: one the record's side does not have, or written abroad
    if own is None:
        result, _ = resolve_office(authority, query, on=on, prefer=prefer)
        return _dated(result, stated)
    if not mention.office.us or (own != US and mention.office.key == "president"):
        other = abroad or (None if own != US else None)
        if other is None and own != US:
            other = US  # a Soviet record's "Mr. President": its counterpart, the United States
        if other is None:
            return Resolution(None, None, 0.0, f"{query!r} is not an office of {own}, and the record does not "
                              f"say which country's it is")
        result, holders = resolve_office(authority, query, on=on, side=other, prefer=prefer)
        if not holders:
            result = _unknown_holder(text, mention, authority, query, on=on, document=document,
                                     heading=heading) or result
        return _dated(result, stated)
    if host is not None and mention.office.key in HOST_OFFICES:
        # what the documents attest does not settle whose "the President" is in a despatch from
        # a republic ("You may assure the President that …" is ours): only the authority does
        foreign, holders = resolve_office(authority, query, on=on, side=host, prefer=prefer,
                                          attest=mention.office.key != "president")
        if not holders:
            named_there = _unknown_holder(text, mention, authority, query, on=on, document=document,
                                          heading=heading)
            if named_there is not None:
                return _dated(named_there, stated)
        known = foreign.person_id is not None or foreign.name is not None
        if known or mention.office.key != "president" or republic(host, on):
            if not known:
                why = " (a republic then)" if mention.office.key == "president" else ""
                return Resolution(None, None, 0.0, f"written in {host}{why}: {mention.text!r} may be {host}'s; "
                                  f"{foreign.reason}")
            return _dated(Resolution(foreign.person_id, foreign.name, min(foreign.confidence, 0.8),
                                     f"written in {host}: {foreign.reason}"), stated)

    # 6. the record's own side
    result, _ = resolve_office(authority, query, on=on, side=own, prefer=prefer)
    return _dated(result, stated)


def _named_before(document: Document, mention: TitleMention, own: str | None) -> TitleMention | None:
    """For a bare "the Ambassador" / "the Minister", the last mention of the same office before it
    that names another government ("The Italian Ambassador", "the Bolivian Minister"), when no
    mention of that office between them names any: the record goes on speaking of him."""
    if mention.office.key not in {"ambassador", "minister"} or mention.side is not None or mention.place \
            or mention.query or mention.text.startswith(("Mr", "Madam", "our", "Our")):
        return None
    found: TitleMention | None = None
    for other in find_titles(document.text):
        if other.start >= mention.start:
            break
        if other.office.key != mention.office.key:
            continue
        if other.side not in (None, "own", "republic", own) and not other.place and not other.query:
            found = other
        elif other.side is not None or other.place:
            found = None  # another envoy named between: not told which
    return found


def _editorial(document: Document, mention: TitleMention) -> bool:
    """Whether the editors' subject line names this office bare ("Vienna Meeting Between The
    President and Chairman Khrushchev"): FRUS editors mean the US office."""
    subject = document.subject or ""
    word = mention.office.word
    return bool(word) and re.search(rf"\b[Tt]he {re.escape(word)}\b(?! of\b)", subject) is not None


def _in_heading_addressee(document: Document, offset: int, heading: Heading) -> bool:
    """Whether the name at ``offset`` is the heading's addressee ("to the Ambassador in Russia
    (Francis)"): in a telegram to him he is "you", not "the Ambassador"."""
    if not heading.addressee:
        return False
    first = document.text.find(heading.addressee[:20]) if heading.addressee else -1
    return first >= 0 and first - 5 <= offset <= first + len(heading.addressee)


def _dated(result: Resolution, stated: tuple[str, str] | None) -> Resolution:
    if stated is None or result.person_id is None:
        return result
    return Resolution(result.person_id, result.name, result.confidence,
                      f"{result.reason} (the date the sentence states: {stated[1]!r})", result.method)


__all__ = ["resolve_office", "resolve_title"]
