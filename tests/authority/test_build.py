"""Loading the authority folder and merging identities (memcon/authority/load.py, build.py),
on the tiny authority folder written for the tests and a real persons list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from memcon.authority.build import ALGORITHM, build_authority, forenames_agree, memcon_id
from memcon.authority.load import authority_sources, ingest_authority, is_authority_folder, load_authority
from memcon.authority.volume_persons import load_volume_persons
from memcon.errors import EmptyInput, MalformedInput
from memcon.store.base import Store
from tests.authority.conftest import AUTHORITY_FIXTURE, tiny_volume


@pytest.mark.parametrize(
    "sub", ["", "people", "pocom", "travels", "visits", "travels/presidents", "people/data"]
)
def test_the_folder_and_each_source_are_recognised(sub: str) -> None:
    assert is_authority_folder(AUTHORITY_FIXTURE / sub)


def test_other_folders_are_not_authority_data(tmp_path: Path) -> None:
    assert not is_authority_folder(tmp_path)
    assert not is_authority_folder(AUTHORITY_FIXTURE / "pocom" / "people")
    with pytest.raises(EmptyInput, match="no authority data"):
        list(load_authority(tmp_path))


def test_sources_in_order() -> None:
    assert [name for name, _ in authority_sources(AUTHORITY_FIXTURE)] == [
        "people",
        "pocom",
        "travels",
        "visits",
    ]


def test_records_carry_the_keys_that_merge_them() -> None:
    records = {p.id: p for p in load_authority(AUTHORITY_FIXTURE)}
    assert set(records["hsg:100001"].keys) == {
        "hsg:100001",
        "frus1961-63v05#p_KNS1",
        "frus1958-60v10p1#p_KNS1",
        "visit:russia/premier-khrushchev",
    }
    assert "pocom:rusk-david-dean" in records["hsg:100002"].keys
    assert "president:johnson-lyndon-b" in records["hsg:100005"].keys
    thompson = records["pocom:thompson-llewellyn-e"]
    assert thompson.name == "Thompson, Llewellyn E., Jr."
    (role,) = thompson.roles
    assert (role.title, role.organisation, role.side) == (
        "Ambassador Extraordinary and Plenipotentiary",
        "Soviet Union",
        "United States",
    )
    # start of service, not the appointment (kept in the note)
    assert (role.start, role.end) == ("1957-07-16", "1962-07-27") and "appointed 1957-06-03" in (
        role.note or ""
    )
    visit = records["visit:russia/premier-khrushchev"]
    assert [(r.title, r.start, r.end, r.side) for r in visit.roles] == [
        ("Premier", "1959-09-15", "1959-09-16", "Soviet Union")
    ]


def test_merging_by_keys_and_by_name(store: Store) -> None:
    store.replace_volume(tiny_volume(), [])
    report = ingest_authority(AUTHORITY_FIXTURE, store)
    assert report.version == ALGORITHM == store.authority_version()
    assert report.source == str(AUTHORITY_FIXTURE.resolve()) == store.authority_source()
    assert report.records == {"people": 6, "pocom": 3, "presidents": 2, "visits": 2, "volumes": 7}
    khrushchev = store.persons_with_key("frus1961-63v05#p_KNS1")
    assert [p.id for p in khrushchev] == ["memcon:hsg-100001"]
    assert set(khrushchev[0].keys) >= {"visit:russia/premier-khrushchev", "frus1958-60v10p1#p_KNS1"}
    rusk = store.get_person("memcon:hsg-100002")
    assert "pocom:rusk-david-dean" in rusk.keys
    assert ("Secretary of State", "1961-01-21", "1969-01-20") in [
        (r.title, r.start, r.end) for r in rusk.roles
    ]
    # no people/ record: POCOM's Thompson found by name and dates
    (thompson,) = store.persons_with_key("frus1961-63v05#p_TLEJ1")
    assert thompson.id == "memcon:pocom-thompson-llewellyn-e"
    # the "Home — see Douglas-Home" entry is a name of Douglas-Home, who is in no source
    (home,) = store.persons_with_key("frus1961-63v05#p_HOME1")
    assert home.id == "memcon:frus1961-63v05-p_DHSAF1" and "Home" in [n.name for n in home.names]
    assert report.volume_entries == 7 and report.volume_entries_linked == 6


def test_same_surname_different_people_stay_apart(store: Store) -> None:
    store.replace_volume(tiny_volume(), [])
    ingest_authority(AUTHORITY_FIXTURE, store)
    assert [p.id for p in store.persons_with_key("frus1961-63v05#p_BMG1")] == ["memcon:hsg-100003"]
    assert [p.id for p in store.persons_with_key("pocom:bundy-william-putnam")] == ["memcon:hsg-100004"]
    assert [p.id for p in store.persons_with_key("frus1961-63v05#p_JUA1")] == ["memcon:hsg-100006"]
    lbj = store.persons_with_key("frus1961-63v05#p_JLB1")
    assert [p.id for p in lbj] == ["memcon:hsg-100005"] and "president:johnson-lyndon-b" in lbj[0].keys
    assert {p.id for p in store.find_persons("Johnson")} == {"memcon:hsg-100005", "memcon:hsg-100006"}


def test_ids_are_stable_across_rebuilds_and_source_order(store: Store) -> None:
    records = list(load_authority(AUTHORITY_FIXTURE))
    entries = list(load_volume_persons(tiny_volume()))
    once = build_authority(records, entries)
    again = build_authority(reversed(records), entries)
    assert once == again
    assert [p.id for p in once][:3] == [
        "memcon:frus1961-63v05-p_DHSAF1",
        "memcon:hsg-100001",
        "memcon:hsg-100002",
    ]


def test_a_stray_key_never_joins_two_people_records() -> None:
    records = {p.id: p for p in load_authority(AUTHORITY_FIXTURE)}
    william = records["hsg:100004"]
    # suppose people/ wrongly gave William Bundy McGeorge's persons-list entry too
    confused = type(william)(
        id=william.id, name=william.name, names=william.names, keys=(*william.keys, "frus1961-63v05#p_BMG1")
    )
    persons = build_authority([records["hsg:100003"], confused])
    assert [p.id for p in persons] == ["memcon:hsg-100003", "memcon:hsg-100004"]


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Nikita S.", "Nikita Sergeyevich", True),
        ("N. S.", "Nikita Sergeyevich", True),
        ("U. Alexis", "Ural Alexis", True),
        ("Lyndon B.", "Ural Alexis", False),
        ("McGeorge", "William Putnam", False),
        ("Charles", "David C.", False),
        ("Willing", "W. Baldwin", False),
        ("L. D. (Bronstein)", "Lev Davydovich", True),
        ("", "Dean", False),
    ],
)
def test_forenames_agree(a: str, b: str, same: bool) -> None:
    assert forenames_agree(a, b) is same


def test_memcon_ids() -> None:
    assert memcon_id("hsg:107127") == "memcon:hsg-107127"
    assert memcon_id("visit:russia/premier-khrushchev") == "memcon:visit-russia-premier-khrushchev"
    assert memcon_id("frus1961-63v05#p_KNS1") == "memcon:frus1961-63v05-p_KNS1"


def test_a_broken_file_names_itself(tmp_path: Path) -> None:
    copy = tmp_path / "people"
    shutil.copytree(AUTHORITY_FIXTURE / "people", copy)
    broken = copy / "data" / "100000" / "1" / "0" / "0" / "0" / "100003.xml"
    broken.write_text("<person><id>100003</id>", encoding="utf-8")
    with pytest.raises(MalformedInput, match="100003.xml"):
        list(load_authority(copy))
