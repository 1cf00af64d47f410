"""The SVG charts of the people and meetings pages: well-formed, accessible, every piece of archive
text escaped, undated things left off the time axis, every node and mark a link."""

from __future__ import annotations

from lxml import etree

from memcon.model.people import Role
from memcon.model.records import DocDate
from memcon.model.speech import Attendee, Meeting
from memcon.web._people_queries import AttendeeView, Companion, DocumentRef, MeetingView
from memcon.web._svg import ego_network, meetings_timeline, person_url, roles_timeline, year_of

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> & "quoted"'


def _parse(markup: str) -> etree._Element:
    root = etree.fromstring(markup.encode())
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.find(f"{SVG}title") is not None
    assert not root.findall(f".//{SVG}script") and "<script" not in markup
    return root


def test_year_of_reads_days_months_and_years() -> None:
    assert year_of("1961") == 1961.0 and year_of("1961", end=True) == 1962.0
    assert year_of("1961-07") == 1961.5 and year_of("1961-07", end=True) == 1961 + 7 / 12
    assert year_of(None) is None and year_of("undated") is None


def test_roles_timeline_draws_dated_roles_and_escapes_titles() -> None:
    roles = [
        Role(title=HOSTILE, start="1953-09-14", end="1964-10-14", source="frusX/persons#p_1"),
        Role(title="Premier", start="1958-03", end=None, source="frusY/persons#p_2"),
        Role(title="Undated office", start=None, end=None, source="frusZ/persons#p_3"),
    ]
    markup = str(roles_timeline(roles, label="Offices of <Someone>"))
    root = _parse(markup)
    assert len(root.findall(f".//{SVG}rect")) == 2
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert any(HOSTILE in (t or "") for t in titles)
    assert root.get("aria-label") == "Offices of <Someone>"
    assert len(root.findall(f".//{SVG}g[@class='role open']")) == 1
    assert str(roles_timeline([roles[2]], label="none")) == ""


def test_ego_network_links_every_node_to_its_person() -> None:
    people = [Companion("memcon:hsg-1", HOSTILE, 3, 1), Companion("memcon:hsg-2", "Rusk, David Dean", 1, 0)]
    root = _parse(str(ego_network("memcon:hsg-0", "Khrushchev, Nikita", people, label="Network")))
    links = root.findall(f".//{SVG}a")
    assert [a.get("href") for a in links] == [person_url("memcon:hsg-1"), person_url("memcon:hsg-2")]
    assert person_url("memcon:hsg-1") == "/people/memcon:hsg-1"
    widths = [float(line.get("stroke-width", "0")) for line in root.iter(f"{SVG}line")]
    assert widths[0] > widths[1]


def _meeting(day: str | None, place: str) -> MeetingView:
    doc = DocumentRef(id="wilson/1", heading="Cable", date=day, date_text=day, volume_id="wilson", doc_type="cable")
    meeting = Meeting(id=f"m-{day}", documents=("wilson/1",), date=DocDate(text=day, when=day) if day else None,
                      place=place, attendees=(Attendee(text="Gromyko", person_id="memcon:hsg-105222"),))
    view = AttendeeView("Gromyko", "memcon:hsg-105222", HOSTILE, "participant")
    return MeetingView(meeting, day, (("Soviet Union", (view,)),), (doc,))


def test_meetings_timeline_marks_dated_meetings_only_and_stacks_the_same_day() -> None:
    meetings = [_meeting("1962-10-18", "the White House"), _meeting("1962-10-18", "the White House"),
                _meeting(None, "nowhere known"), _meeting("1961-06-04", HOSTILE)]
    root = _parse(str(meetings_timeline(meetings, label="Meetings")))
    marks = root.findall(f".//{SVG}a")
    assert len(marks) == 3 and {a.get("href") for a in marks} == {"/documents/wilson/1"}
    heights = sorted(float(c.get("cy", "0")) for c in root.iter(f"{SVG}circle"))
    assert len(set(heights)) == 2
    assert str(meetings_timeline([_meeting(None, "x")], label="none")) == ""
