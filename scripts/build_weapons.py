"""Build ``src/claimscope/extractors/weapons/data/weapons.json``, the weapons gazetteer.

Two sources are merged:

1. ``data/curated.txt`` (hand-curated, source ``manual``): missiles, drones, glide bombs,
   air defence, munitions and the platforms news names most often. It wins every alias
   conflict.
2. Oryx-derived platforms (source ``oryx``): the distinct system strings of
   scarnecchia/oryx_data (CC BY 4.0) with categories from the PetroIvaniuk
   2022-Ukraine-Russia-War-Dataset Oryx table (MIT), both built on the Oryx blog
   "Attack On Europe: Documenting Equipment Losses During The 2022 Russian Invasion Of
   Ukraine" (oryxspioenkop.com). Only a curated table of names, categories and origins is
   kept; the upstream files are not copied.

Usage::

    python scripts/build_weapons.py [--external /work/shared/external/weapons]

The script is deterministic: the same inputs give the same JSON, byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from claimscope.types import WEAPON_CATEGORIES

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "claimscope" / "extractors" / "weapons" / "data"
CATEGORIES = WEAPON_CATEGORIES
ROLES = frozenset({"platform", "munition", "launcher"})

#: Oryx section headings -> SCHEMA.md category.
ORYX_CATEGORY = {
    "Tanks": "tank",
    "Armoured Fighting Vehicles": "armoured_vehicle",
    "Infantry Fighting Vehicles": "armoured_vehicle",
    "Armoured Personnel Carriers": "armoured_vehicle",
    "Infantry Mobility Vehicles": "armoured_vehicle",
    "Mine-Resistant Ambush Protected": "armoured_vehicle",
    "Self-Propelled Artillery": "artillery",
    "Towed Artillery": "artillery",
    "Multiple Rocket Launchers": "rocket_artillery",
    "Surface-To-Air Missile Systems": "air_defence",
    "Anti-Aircraft Guns": "air_defence",
    "Self-Propelled Anti-Aircraft Guns": "air_defence",
    "Self-Propelled Anti-Tank Missile Systems": "anti_tank_weapon",
    "Aircraft": "aircraft",
    "Helicopters": "helicopter",
    "Naval Ships": "naval_vessel",
    "Reconnaissance Unmanned Aerial Vehicles": "drone",
    "Unmanned Combat Aerial Vehicles": "drone",
    "Radars": "other",
    "Jammers And Deception Systems": "other",
    "Command Posts And Communications Stations": "other",
    "Engineering Vehicles And Equipment": "other",
    "Artillery Support Vehicles And Equipment": "other",
}

#: Keyword rules for Oryx strings without a joined category, tried in order.
KEYWORD_RULES: tuple[tuple[str, str], ...] = (
    (r"\b(radar|jammer|electronic warfare|EW system|command|communications?|workshop|"
     r"repair|recovery|bridge|ambulance|decontamination|fuel|tanker|mine-?clearing|"
     r"minelay|engineering|excavator|crane|trench|loader|transloading|pontoon|ferry|"
     r"generator|truck|pickup|tractor|bus|van|jeep|car)\b", "other"),
    (r"\b(UAV|drone|quadcopter|unmanned)\b", "drone"),
    (r"\bhelicopter\b", "helicopter"),
    (r"\b(aircraft|fighter|bomber|jet|trainer)\b", "aircraft"),
    (r"\b(boat|ship|corvette|frigate|cruiser|submarine|minesweeper|landing craft|tug|"
     r"-class)\b", "naval_vessel"),
    (r"\b(SAM|MANPADS|anti-aircraft|AA gun|air defen[cs]e)\b", "air_defence"),
    (r"\b(MLRS|MRL|rocket launcher)\b", "rocket_artillery"),
    (r"\b(howitzer|mortar|field[- ]gun|gun-howitzer|artillery|gun)\b", "artillery"),
    (r"\b(IFV|APC|AFV|MRAP|armoured|armored|infantry mobility|fighting vehicle)\b",
     "armoured_vehicle"),
    (r"\btank\b", "tank"),
)
PREFIX_RULES: tuple[tuple[str, str], ...] = (
    (r"^(T-\d|PT-91|Leopard|Challenger|M1A|M-84|M-55)", "tank"),
    (r"^(BMP|BMD|BTR|MT-LB|BRDM|BMPT|M113|M2A|M1117|YPR|Stryker|CV90|Marder|Kozak|"
     r"Spartak|Novator|Dozor|Tigr|Typhoon|Linza|Patrol|Bars|Varta|Kirpi|Senator|MaxxPro|"
     r"Cougar|M-ATV|Bushmaster|Mastiff|Husky|Wolfhound|Cobra|Hummer|HMMWV|VAB|AMX|Pandur|"
     r"Patria|XA-|Sisu|FV\d|Bucephalus|Lynx|Vepr|Dingo|Fuchs|Rosomak|BVP)", "armoured_vehicle"),
    (r"^\d+(\.\d+)?mm\b", "artillery"),
    (r"^(Su|MiG|Tu|Il|An|Yak|L|Be)-\d", "aircraft"),
    (r"^(Mi|Ka)-\d", "helicopter"),
    (r"^(KamAZ|Ural|GAZ|ZiL|KrAZ|MAZ|UAZ|Tatra|MAN|DAF|Iveco|Volvo|Mercedes|Toyota|Ford|"
     r"Bogdan|Kamaz|Scania|Renault|Land Rover|Mitsubishi|Nissan)", "other"),
)

#: Oryx flag names -> ISO 3166-1 alpha-2. "Soviet Union" maps to RU, as the gold does.
COUNTRY = {
    "Russia": "RU", "Soviet Union": "RU", "the Soviet Union": "RU", "Ukraine": "UA",
    "United States": "US", "United Kingdom": "GB", "Germany": "DE", "France": "FR",
    "Italy": "IT", "Poland": "PL", "Czech Republic": "CZ", "Czechia": "CZ", "Slovakia": "SK",
    "Sweden": "SE", "Norway": "NO", "Finland": "FI", "Denmark": "DK", "Netherlands": "NL",
    "Belgium": "BE", "Austria": "AT", "Switzerland": "CH", "Spain": "ES", "Portugal": "PT",
    "Turkey": "TR", "Israel": "IL", "Iran": "IR", "China": "CN", "Belarus": "BY",
    "Canada": "CA", "Australia": "AU", "Japan": "JP", "South Korea": "KR", "Greece": "GR",
    "Bulgaria": "BG", "Romania": "RO", "Yugoslavia": "RS", "Serbia": "RS", "Croatia": "HR",
    "Slovenia": "SI", "Estonia": "EE", "Latvia": "LV", "Lithuania": "LT", "Hungary": "HU",
    "South Africa": "ZA", "United Arab Emirates": "AE", "North Korea": "KP", "Brazil": "BR",
    "New Zealand": "NZ", "India": "IN", "Jordan": "JO", "Luxembourg": "LU", "Ireland": "IE",
    "Iceland": "IS", "Egypt": "EG", "Pakistan": "PK", "Georgia": "GE", "Lebanon": "LB",
    "East Germany": "DE", "Czechoslovakia": "CZ", "Syria": "SY",
}

#: Single words that are ordinary English or common names: never unguarded aliases.
STOP_ALIASES = frozenset((
    "unknown", "vehicle", "vehicles", "truck", "trucks", "tank", "patrol", "bars", "tiger",
    "typhoon", "cobra", "husky", "wolfhound", "lynx", "fox", "vepr", "varta", "spartak",
    "novator", "mastiff", "senator", "cougar", "dingo", "boxer", "marder", "leopard",
    "patriot", "storm", "tornado", "hurricane", "ural", "grad", "tor", "buk", "osa", "strela",
    "kub", "alligator", "kartograf", "gyurza", "kozak", "shark", "fury", "furia", "raven",
    "puma",
))


@attrs.frozen
class System:
    """One gazetteer entry before serialisation."""

    canonical: str
    category: str
    origin: str | None
    role: str
    family: str
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...]
    source: str


def parse_curated(path: Path) -> Iterator[System]:
    """Read ``curated.txt``: one line per system; ``+Name@cat@origin`` starts a sub-entry."""
    lines = path.read_text("utf-8").splitlines()
    # "?|a;b" lines mark names ambiguous wherever they occur (people, places, words).
    always = {a.strip().lower() for raw in lines if raw.startswith("?|")
              for a in raw[2:].split(";") if a.strip()}
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith(("#", "?|")):
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != 6:
            raise ValueError(f"{path}:{number}: expected 6 fields, got {len(fields)}")
        canonical, category, origin, role, family, alias_field = fields
        head = [canonical, category, origin, role, family or canonical]
        groups: list[tuple[list[str], list[str]]] = [(head, [])]
        for alias in filter(None, (a.strip() for a in alias_field.split(";"))):
            if alias.startswith("+"):
                name, _, rest = alias[1:].partition("@")
                cat, _, org = rest.partition("@")
                groups.append(([name, cat or category, org or origin, role, name], [name]))
            else:
                groups[-1][1].append(alias)
        for (canon, cat, org, rl, fam), aliases in groups:
            if cat not in CATEGORIES or rl not in ROLES:
                raise ValueError(f"{path}:{number}: bad category/role {cat!r}/{rl!r}")
            names = [canon, *aliases]
            names += [f"?{a}" for a in names if a.lstrip("?").lower() in always]
            yield _system(canon, cat, org or None, rl, fam, names, "manual")


def _system(canonical: str, category: str, origin: str | None, role: str, family: str,
            aliases: Iterable[str], source: str) -> System:
    plain: list[str] = []
    ambiguous: list[str] = []
    marked = {a[1:].lower() for a in aliases if a.startswith("?")}
    for alias in aliases:
        name = alias.lstrip("?")
        # An inflection of an ambiguous name is ambiguous too ("Patriots", "CAESAR").
        target = ambiguous if name.lower() in marked or name.lower().rstrip("s") in marked \
            else plain
        if name not in plain and name not in ambiguous:
            target.append(name)
    return System(canonical, category, origin, role, family, tuple(plain), tuple(ambiguous),
                  source)


def clean_oryx(system: str) -> tuple[str, str | None]:
    """Strip quotes, parentheses and descriptive tails; return (name, calibre prefix).

    >>> clean_oryx("152mm 2S19 Msta-S")
    ('2S19 Msta-S', '152mm')
    >>> clean_oryx("Ka-52 'Alligator' attack helicopter")
    ('Ka-52 Alligator', None)
    """
    text = re.sub(r"\(.*?\)", " ", system).replace("''", "'")
    text = re.sub(r"['\"]", "", text)
    text = re.sub(r"^(\d+)?\s*(Unknown|unknown)\b", "", text).strip()
    calibre = None
    match = re.match(r"^(\d+(?:\.\d+)?mm)\s+", text)
    if match:
        calibre, text = match.group(1), text[match.end():]
    kept: list[str] = []
    for word in text.split():
        if kept and (word.islower() and not any(c.isdigit() for c in word)):
            break
        kept.append(word)
    return " ".join(kept).strip(" ,-/"), calibre


def categorise(system: str, joined: str) -> str | None:
    """Category from the Oryx heading, else from prefix and keyword rules, else None."""
    if joined in ORYX_CATEGORY:
        return ORYX_CATEGORY[joined]
    for pattern, category in PREFIX_RULES:
        if re.search(pattern, system):
            return category
    for pattern, category in KEYWORD_RULES:
        if re.search(pattern, system, flags=re.IGNORECASE):
            return category
    return None


def family_of(name: str) -> str:
    """The family a designation belongs to: ``T-72B3`` -> ``T-72``."""
    match = re.match(r"^([A-Za-z]{1,5}-\d+)", name)
    return match.group(1) if match else name


def oryx_systems(external: Path) -> Iterator[System]:
    """Categorised Oryx platforms, one per cleaned system name."""
    petro = external / "petroivaniuk-2022-ukraine-russia-war-dataset"
    joined = {row["model"]: row["equipment_oryx"] for row in json.loads(
        (petro / "russia_losses_equipment_oryx.json").read_text("utf-8"))}
    rows = (external / "scarnecchia-oryx-data" / "derived_systems_by_origin.csv")
    seen: dict[str, System] = {}
    with rows.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            raw = row["system"]
            name, calibre = clean_oryx(raw)
            # A bare word ("Mobile", "Coastal", "SAM") is a truncated description, no name.
            if len(name) < 3 or name.isalpha() or not (name[0].isupper() or name[0].isdigit()):
                continue
            category = categorise(raw, row.get("oryx_category_if_known") or joined.get(raw, ""))
            if category is None or name in seen:
                continue
            origin = COUNTRY.get(row["origin_country"].strip())
            aliases = [name]
            if calibre:
                aliases.append(f"{calibre} {name}")
            words = name.split()
            if len(words) > 1 and any(c.isdigit() for c in words[0]):
                aliases.append(words[0])
                tail = " ".join(words[1:])
                # "2S19 Msta-S" -> "Msta-S"; a bare word tail ("Ambulance", "Obr.") is no name.
                if re.search(r"[\d-]", tail) and not tail.startswith("Obr"):
                    aliases.append(tail)
            role = "launcher" if category in {"rocket_artillery", "air_defence"} else "platform"
            ambiguous = [a for a in aliases if _is_ambiguous(a)]
            seen[name] = System(name, category, origin, role, family_of(name),
                                tuple(a for a in aliases if a not in ambiguous),
                                tuple(ambiguous), "oryx")
    yield from seen.values()


def _is_ambiguous(alias: str) -> bool:
    return alias.lower() in STOP_ALIASES or (alias.isalpha() and " " not in alias)


def variants(alias: str, spaced: bool = True) -> set[str]:
    """Spelling variants of one alias: hyphen/space/joined designations, X-/C- look-alikes.

    >>> sorted(variants("Kh-101"))
    ['Kh 101', 'Kh-101', 'Kh101', 'X-101']
    """
    out = {alias}
    if re.search(r"[A-Za-z]-\d", alias) and " " not in alias:
        out.add(re.sub(r"([A-Za-z])-(\d)", r"\1\2", alias))
        if spaced and re.match(r"[A-Za-z]{2,}-\d", alias):  # "Kh 101", never "A 50"
            out.add(re.sub(r"([A-Za-z])-(\d)", r"\1 \2", alias))
    if alias.startswith("Kh-"):
        out.add("X-" + alias[3:])
    if re.match(r"^S-\d{3}", alias):
        out.add("C-" + alias[2:])
    return {v for v in out if len(v) >= 2}


def merge(systems: Iterable[System]) -> list[System]:
    """Merge entries sharing a canonical name and drop aliases claimed by earlier ones."""
    by_name: dict[str, System] = {}
    claimed: dict[str, str] = {}
    order: list[str] = []
    for system in systems:
        key = system.canonical
        if system.source == "oryx" and (key.lower() in claimed or key in by_name):
            continue
        spaced = system.source == "manual"
        fresh = tuple(a for v in system.aliases for a in sorted(variants(v, spaced))
                      if claimed.setdefault(a.lower(), key) == key)
        # A manual ambiguous alias may name several systems (Grom: UA missile, PL MANPADS);
        # the extractor picks one from context.
        amb = tuple(a for a in system.ambiguous
                    if claimed.setdefault(a.lower(), key) == key or system.source == "manual")
        if key in by_name:
            old = by_name[key]
            by_name[key] = attrs.evolve(old, aliases=_uniq(old.aliases + fresh),
                                        ambiguous=_uniq(old.ambiguous + amb))
        else:
            by_name[key] = attrs.evolve(system, aliases=_uniq(fresh), ambiguous=_uniq(amb))
            order.append(key)
    return [by_name[k] for k in order if by_name[k].aliases or by_name[k].ambiguous]


def _uniq(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


PROVENANCE = {
    "manual": "Hand-curated by the claimscope authors from public general knowledge "
              "(designations, NATO reporting names, producer countries); data/curated.txt.",
    "oryx": "Derived from scarnecchia/oryx_data @ a8624b4 (CC BY 4.0) and "
            "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset @ 37655f8 (MIT, Copyright (c) "
            "2022 Petro Ivaniuk), both compiled from Oryx, 'Attack On Europe: Documenting "
            "Equipment Losses During The 2022 Russian Invasion Of Ukraine' "
            "(oryxspioenkop.com). Only cleaned system names, a category and the origin flag "
            "are kept; credit Oryx and the dataset authors when redistributing.",
}
NOTE = ("Weapons gazetteer for the claimscope `weapons` plugin, generated by "
        "scripts/build_weapons.py; do not edit by hand. Fields: c canonical, k category "
        "(SCHEMA.md), o origin ISO 3166-1 alpha-2 (Soviet-era designs as RU), r role, "
        "f family, a aliases, q ambiguous aliases (accepted only with military context: "
        "an adjacent class noun, a count before the name, a launch/strike verb or another "
        "weapon in the same sentence), s source (see 'sources').")


def build(external: Path) -> dict[str, object]:
    """The gazetteer document: provenance notes plus one record per system."""
    systems = merge([*parse_curated(DATA / "curated.txt"), *oryx_systems(external)])
    records = [{"c": s.canonical, "k": s.category, "o": s.origin, "r": s.role,
                "f": s.family, "a": list(s.aliases), "q": list(s.ambiguous), "s": s.source}
               for s in systems]
    return {"note": NOTE, "sources": PROVENANCE, "multi_token": multi_token(records),
            "systems": records}


def multi_token(records: list[dict[str, object]]) -> list[str]:
    """Aliases spaCy's English tokenizer splits ("T-90M" -> "T-90", "M"; "Msta-S").

    The extractor looks single-token aliases up per token and puts only these into its
    phrase table, which keeps the table small and quick to compile.
    """
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    names = sorted({a for r in records for field in ("a", "q") for a in r[field]})  # type: ignore[attr-defined]
    return [name for name in names if len(tokenizer(name)) > 1]


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--external", type=Path, default=Path("/work/shared/external/weapons"))
    args = parser.parse_args()
    document = build(args.external)
    target = DATA / "weapons.json"
    target.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", "utf-8")
    systems = document["systems"]
    assert isinstance(systems, list)
    print(f"wrote {target}: {len(systems)} systems")


if __name__ == "__main__":
    main()
