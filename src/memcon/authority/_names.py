"""Name and country helpers shared by the authority's loaders, its merger and its lookup.

* :func:`fold` — accent- and case-insensitive form of any string (``"Dorticós"`` → ``"dorticos"``);
* :func:`name_forms` — the normalised surname and natural-order form of a name as any source
  writes it (``"Rusk, Dean"``, ``"Dean Rusk"``, ``"Premier Khrushchev"``);
* :func:`country` — the canonical country name for a name, an adjective or a POCOM/visits
  territory id (``"U.S.S.R."``, ``"Soviet"``, ``russia`` in 1961 → ``"Soviet Union"``).

DOCS: docs/authority.md#names
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")

UNITED_STATES = "United States"
SOVIET_UNION = "Soviet Union"

# Words that stand before a name but are not part of it (visits' "Premier Khrushchev",
# persons lists' "Sihanouk, Prince Norodom", people/'s "Dennis, Lieutenant Commander Lloyd").
HONORIFICS = frozenset(
    """mr mrs miss ms dr sir lord lady dame prince princess king queen emperor empress shah sultan
    emir amir sheikh shaikh general gen lieutenant lt colonel col major maj captain capt commander
    cdr admiral adm marshal field brigadier sergeant president premier chancellor chairman
    minister prime acting vice secretary ambassador senator governor mayor judge justice
    reverend rev father monsignor cardinal archbishop bishop pope crown grand duke duchess count
    countess baron baroness generalissimo his her excellency honorable hon the first deputy
    foreign state head of chief""".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq"})
PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "van", "von", "la", "le", "el", "al", "ten", "ter"}
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, accents dropped, punctuation as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ø", "o").replace("Ø", "o"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _PUNCT.sub(" ", stripped.replace("'", "").replace("’", "")).lower()).strip()


def split_name(name: str) -> tuple[str, str]:
    """``(surname, forenames)`` of a name: ``"Rusk, Dean"`` → ``("Rusk", "Dean")``; a name
    without a comma is read in natural order with honorifics dropped (``"Premier Khrushchev"`` →
    ``("Khrushchev", "")``, ``"Dean Rusk"`` → ``("Rusk", "Dean")``)."""
    if "," in name:
        surname, _, rest = name.partition(",")
        rest_words = [w for w in rest.split() if fold(w) not in SUFFIXES]
        return surname.strip(), " ".join(rest_words).strip()
    words = name.split()
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and fold(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return name.strip(), ""
    # a particle belongs to the surname: "Charles de Gaulle" → "de Gaulle"
    cut = len(words) - 1
    while cut > 0 and fold(words[cut - 1]) in PARTICLES:
        cut -= 1
    return " ".join(words[cut:]), " ".join(words[:cut])


@lru_cache(maxsize=200_000)
def name_forms(name: str) -> tuple[str, str]:
    """``(surname_norm, natural_norm)``: the folded surname and the folded name in natural
    order (``"Khrushchev, Nikita S."`` → ``("khrushchev", "nikita s khrushchev")``)."""
    surname, forenames = split_name(name)
    sur = fold(surname)
    return sur, fold(f"{forenames} {surname}") if forenames else sur


def surname_keys(surname_norm: str) -> tuple[str, ...]:
    """The surname, without its particles (``"de gaulle"`` → ``("de gaulle", "gaulle")``), and
    the first word of a compound one (``"dorticos torrado"`` → ``"dorticos"``)."""
    words = surname_norm.split()
    keys = [surname_norm]
    if len(words) > 1 and words[0] not in PARTICLES:
        keys.append(words[0])
    while len(words) > 1 and words[0] in PARTICLES:
        words = words[1:]
        keys.append(" ".join(words))
    return tuple(dict.fromkeys(k for k in keys if k))


def slug(text: str) -> str:
    """A folded, hyphenated form for ids (``"Premier Khrushchev"`` → ``"premier-khrushchev"``)."""
    return fold(text).replace(" ", "-")


# -- countries ---------------------------------------------------------------------------------

# Territory ids of POCOM and visits whose title-cased form is not the name FRUS uses.
_TERRITORY_NAMES = {
    "united-kingdom": "United Kingdom",
    "german-democratic-republic": "German Democratic Republic",
    "vietnam-south": "South Vietnam",
    "south-vietnam-1975": "South Vietnam",
    "state-of-vietnam-1955": "Vietnam",
    "korea-south": "South Korea",
    "korea-north": "North Korea",
    "congo-kinshasa": "Congo (Kinshasa)",
    "congo-democratic-republic": "Congo (Kinshasa)",
    "congo-brazzaville": "Congo (Brazzaville)",
    "congo-republic": "Congo (Brazzaville)",
    "czechoslovakia-1993": "Czechoslovakia",
    "socialist-federal-republic-of-yugoslavia-1992": "Yugoslavia",
    "yugoslavia-1946": "Yugoslavia",
    "albania-1946": "Albania",
    "kingdom-of-two-sicilies-1861": "Two Sicilies",
    "two-sicilies": "Two Sicilies",
    "joseon-dynasty-1910": "Korea",
    "holy-see": "Holy See",
    "cote-divoire": "Côte d'Ivoire",
    "taiwan": "China",
    "micronesia-federated-states-of": "Micronesia",
}

# Names, short forms and adjectives as FRUS and the authority data print them → canonical name.
_COUNTRY_WORDS: dict[str, str] = {
    "soviet": SOVIET_UNION,
    "soviet union": SOVIET_UNION,
    "ussr": SOVIET_UNION,
    "u s s r": SOVIET_UNION,
    "union of soviet socialist republics": SOVIET_UNION,
    "the soviet union": SOVIET_UNION,
    "russia": "Russia",
    "russian": "Russia",
    "united states": UNITED_STATES,
    "united states of america": UNITED_STATES,
    "usa": UNITED_STATES,
    "u s a": UNITED_STATES,
    "u s": UNITED_STATES,
    "us": UNITED_STATES,
    "american": UNITED_STATES,
    "british": "United Kingdom",
    "great britain": "United Kingdom",
    "britain": "United Kingdom",
    "england": "United Kingdom",
    "english": "United Kingdom",
    "uk": "United Kingdom",
    "united kingdom": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "west german": "Germany",
    "west germany": "Germany",
    "federal republic of germany": "Germany",
    "germany federal republic of": "Germany",
    "east german": "German Democratic Republic",
    "east germany": "German Democratic Republic",
    "gdr": "German Democratic Republic",
    "italian": "Italy",
    "japanese": "Japan",
    "chinese": "China",
    "republic of china": "China",
    "peoples republic of china": "China",
    "communist china": "China",
    "polish": "Poland",
    "cuban": "Cuba",
    "cambodian": "Cambodia",
    "indian": "India",
    "pakistani": "Pakistan",
    "israeli": "Israel",
    "egyptian": "Egypt",
    "turkish": "Turkey",
    "greek": "Greece",
    "yugoslav": "Yugoslavia",
    "czechoslovak": "Czechoslovakia",
    "czech": "Czechoslovakia",
    "hungarian": "Hungary",
    "romanian": "Romania",
    "rumanian": "Romania",
    "rumania": "Romania",
    "bulgarian": "Bulgaria",
    "austrian": "Austria",
    "belgian": "Belgium",
    "dutch": "Netherlands",
    "netherlands": "Netherlands",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "chilean": "Chile",
    # the spellings of the 19th-century volumes
    "chili": "Chile",
    "chilian": "Chile",
    "hayti": "Haiti",
    "haytian": "Haiti",
    "corea": "Korea",
    "corean": "Korea",
    "roumania": "Romania",
    "roumanian": "Romania",
    "servia": "Serbia",
    "servian": "Serbia",
    "new granada": "Colombia",
    "united states of colombia": "Colombia",
    "sandwich islands": "Hawaii",
    "hawaiian islands": "Hawaii",
    "ottoman empire": "Turkey",
    "san domingo": "Dominican Republic",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "swiss": "Switzerland",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "saudi": "Saudi Arabia",
    "jordanian": "Jordan",
    "lebanese": "Lebanon",
    "syrian": "Syria",
    "korean": "Korea",
    "south korean": "South Korea",
    "north korean": "North Korea",
    "vietnamese": "Vietnam",
    "south vietnamese": "South Vietnam",
    "north vietnamese": "North Vietnam",
    "republic of vietnam": "South Vietnam",
    "democratic republic of vietnam": "North Vietnam",
    "north vietnam": "North Vietnam",
    "south vietnam": "South Vietnam",
    "laotian": "Laos",
    "indonesian": "Indonesia",
    "philippine": "Philippines",
    "thai": "Thailand",
    "burmese": "Burma",
    "australian": "Australia",
    "irish": "Ireland",
    "afghan": "Afghanistan",
    "ethiopian": "Ethiopia",
    "ghanaian": "Ghana",
    "nigerian": "Nigeria",
    "congolese": "Congo (Kinshasa)",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "tunisian": "Tunisia",
    "libyan": "Libya",
    "venezuelan": "Venezuela",
    "colombian": "Colombia",
    "peruvian": "Peru",
    "bolivian": "Bolivia",
    "ecuadorean": "Ecuador",
    "panamanian": "Panama",
    "haitian": "Haiti",
    "guatemalan": "Guatemala",
    "nicaraguan": "Nicaragua",
    "honduran": "Honduras",
    "salvadoran": "El Salvador",
    "uruguayan": "Uruguay",
    "paraguayan": "Paraguay",
    "icelandic": "Iceland",
    "ceylon": "Sri Lanka",
    "ceylonese": "Sri Lanka",
    "vatican": "Holy See",
    "vatican city": "Holy See",
    "siam": "Thailand",
    "persia": "Iran",
    "persian": "Iran",
    "ottoman": "Turkey",
    "serbian": "Serbia",
    "montenegrin": "Montenegro",
}

_COUNTRY_IDS = """afghanistan albania algeria andorra angola antigua-barbuda argentina armenia australia
austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bolivia
bosnia-herzegovina botswana brazil brunei bulgaria burkina-faso burma burundi cambodia cameroon canada
cape-verde central-african-republic chad chile china colombia comoros costa-rica croatia cuba cyprus
czech-republic czechoslovakia denmark djibouti dominica dominican-republic ecuador egypt el-salvador
equatorial-guinea eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana greece
grenada guatemala guinea-bissau guinea guyana haiti hawaii honduras hungary iceland india indonesia iran
iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan
laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg macedonia madagascar malawi
malaysia maldives mali malta marshall-islands mauritania mauritius mexico micronesia moldova monaco
mongolia montenegro morocco mozambique namibia nauru nepal netherlands new-zealand nicaragua niger nigeria
norway oman pakistan palau panama papua-new-guinea paraguay peru philippines poland portugal qatar
romania rwanda saint-kitts-nevis saint-lucia saint-vincent-grenadines samoa san-marino
sao-tome-and-principe saudi-arabia senegal serbia seychelles sierra-leone singapore slovakia slovenia
solomon-islands somalia south-africa south-sudan spain sri-lanka sudan suriname swaziland sweden
switzerland syria tajikistan tanzania texas thailand timor-leste togo tonga trinidad-and-tobago tunisia
turkey turkmenistan tuvalu uganda ukraine united-arab-emirates uruguay uzbekistan vanuatu venezuela
vietnam yemen yugoslavia zambia zimbabwe""".split()

for _tid in _COUNTRY_IDS:
    _COUNTRY_WORDS.setdefault(
        fold(_tid.replace("-", " ")), _TERRITORY_NAMES.get(_tid, _tid.replace("-", " ").title())
    )
for _tid, _name in _TERRITORY_NAMES.items():
    _COUNTRY_WORDS.setdefault(fold(_name), _name)
_COUNTRY_WORDS["the gambia"] = "Gambia"
CANONICAL_COUNTRIES = frozenset(_COUNTRY_WORDS.values())


def country(text: str | None) -> str | None:
    """The canonical country for a country name or adjective (``"U.S.S.R."``, ``"the Soviet
    Union"``, ``"Soviet"`` → ``"Soviet Union"``), or ``None`` when ``text`` is none."""
    if not text:
        return None
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    return _COUNTRY_WORDS.get(key)


def territory(territory_id: str, *, on: str | None = None, label: str | None = None) -> str:
    """The country of a POCOM/visits territory id at date ``on``: ``russia`` is the Soviet
    Union from 1922-12-30 to 1991-12-25, Russia otherwise; ``label`` (the name the source
    prints) is used for ids this module does not know."""
    if territory_id == "russia":
        if on is not None and "1922-12-30" <= on[:10] <= "1991-12-25":
            return SOVIET_UNION
        return "Russia"
    if territory_id in _TERRITORY_NAMES:
        return _TERRITORY_NAMES[territory_id]
    known = country(territory_id.replace("-", " "))
    if known:
        return known
    return (label or territory_id.replace("-", " ").title()).strip()
