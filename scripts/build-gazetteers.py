#!/usr/bin/env python3
"""Compiles the open-data gazetteers of ../shared/data/gazetteers into lean
lexicons under data/ (see data/SOURCES.md, section "Gazetteers").

    scripts/build-gazetteers.py [--src ../shared/data/gazetteers] [--out data]

Writes:
  data/gaz_locations.tsv  places: French régions, départements and communes
                          (population threshold), states and regions worldwide
                          (population threshold), world cities, capitals
  data/gaz_organizations.tsv  French media, universities of a few countries
  data/gaz_demonyms.txt   demonyms in English and French, lower case
  data/gaz_demonym_countries.tsv  each demonym's country ("syrienne" -> Syrie)
  data/gaz_media.txt      every French medium's name (an outlet: "a déclaré sur
                          France Inter" states no tie of the speaker to it)

Names that are also common words (a lower-case entry of the French or
English hunspell dictionary), first names or surnames (po:prn / po:patr of
the French dictionary, data/first_names.txt) are left out when they are a
single word, so "Nice" the commune stays (not a French word) but "Police" (a
Polish town) and "Lincoln" do not. The output is sorted and deterministic.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

HUNSPELL = "/usr/share/hunspell"

# Thresholds: keep the lists to a few hundred KB.
COMMUNE_MIN_POPULATION = 1000
STATE_MIN_POPULATION = 300000
UNIVERSITY_COUNTRIES = {"France", "Belgium", "Switzerland", "Canada", "United Kingdom", "United States"}
# States whose type is that of a large region are kept without a population.
STATE_TYPES = {"state", "province", "region", "autonomous community", "federal district",
               "autonomous republic", "territory", "country", "oblast", "prefecture"}


def read_dic_words(path, places=None):
    """Lower-case common words and capitalised person names of a hunspell .dic;
    its proper nouns (po:npr, mostly places) into `places` when given."""
    common, people = set(), set()
    if not os.path.exists(path):
        return common, people
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)
        for line in f:
            word = line.split("/", 1)[0].split("\t", 1)[0].split(" ", 1)[0].strip()
            if not word:
                continue
            if word[0].islower():
                common.add(word)
            elif "po:prn" in line or "po:patr" in line:
                people.add(word)
            elif "po:npr" in line and places is not None:
                places.add(word)
    return common, people


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class Filter:
    def __init__(self, repo):
        # Proper nouns of the French dictionary (po:npr): places mostly,
        # kept even when English has the word in lower case (Boston, Oxford).
        self.fr_places = set()
        fr_common, fr_people = read_dic_words(os.path.join(HUNSPELL, "fr.dic"), self.fr_places)
        en_common, _ = read_dic_words(os.path.join(HUNSPELL, "en_US.dic"))
        self.fr_common = {fold(w) for w in fr_common}
        self.common = self.fr_common | {fold(w) for w in en_common}
        self.people = set(fr_people)
        path = os.path.join(repo, "data", "first_names.txt")
        if os.path.exists(path):
            for line in open(path, encoding="utf-8"):
                line = line.strip()
                if line and not line.startswith("#"):
                    self.people.add(line)
        self.dropped = 0

    def usable(self, name, keep_people=False, french=False, keep_common=False):
        """A name worth matching: letters, not a common word or a person's name."""
        if not name or len(name) < 3 or len(name) > 60:
            return False
        if not name[0].isupper() or any(c in name for c in "()[]/;\t|\"#"):
            return False
        if any(c.isdigit() for c in name):
            return False
        words = name.split()
        if len(words) == 1 and not keep_common:
            if name in self.fr_places and name not in self.people:
                return True
            if fold(name) in (self.fr_common if french else self.common) or (name in self.people and not keep_people):
                self.dropped += 1
                return False
        # Non-Latin scripts cannot be matched with the capitals the recognizer needs.
        if any(ord(c) > 0x24F and c.isalpha() for c in name):
            return False
        return True


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=os.path.join(repo, "..", "shared", "data", "gazetteers"))
    ap.add_argument("--out", default=os.path.join(repo, "data"))
    args = ap.parse_args()
    src = args.src
    flt = Filter(repo)

    places = {}  # name -> set of aliases

    def add_place(name, aliases=(), keep_people=False, french=False, keep_common=False):
        name = name.strip()
        if not flt.usable(name, keep_people, french, keep_common):
            return
        entry = places.setdefault(name, set())
        for a in aliases:
            a = a.strip()
            if a and a != name and flt.usable(a, keep_people):
                entry.add(a)

    # Countries: capitals (the countries themselves come from ICU and
    # data/locations.tsv); demonyms.
    demonyms = set()
    country_names = set()
    countries = load_json(os.path.join(src, "countries.json"))
    for c in countries:
        for n in [c.get("name"), c.get("official"), (c.get("fra") or {}).get("common")] + list(c.get("altSpellings") or []):
            if n:
                country_names.add(n.lower())
    for c in countries:
        for cap in c.get("capital", []) or []:
            add_place(cap, keep_people=True)
        for lang in ("eng", "fra"):
            d = (c.get("demonyms") or {}).get(lang) or {}
            for g in ("m", "f"):
                w = (d.get(g) or "").strip()
                if not w or " " in w:
                    continue
                lw = w.lower()
                demonyms.add(lw)
                if not lw.endswith(("s", "x")):  # "français", "luxembourgeois" are their own plurals
                    demonyms.add(lw + "s")

    # A demonym that is also a country's name ("Vatican") stays a name.
    demonyms = {d for d in demonyms if d not in country_names}

    # The country of each lower-case demonym ("syrienne" -> Syrie, "chinese"
    # -> Chine), by its French common name; a demonym of two countries
    # ("congolais") is left out.
    demonym_country = {}
    for c in countries:
        country = (c.get("fra") or {}).get("common") or c.get("name")
        for lang in ("eng", "fra"):
            d = (c.get("demonyms") or {}).get(lang) or {}
            for g in ("m", "f"):
                w = (d.get(g) or "").strip().lower()
                if not w or " " in w:
                    continue
                for form in {w} | ({w + "s"} if not w.endswith(("s", "x")) else set()):
                    if form in country_names:
                        continue
                    demonym_country.setdefault(form, set()).add(country)
    # A demonym of two (United States, Northern Mariana Islands: "American")
    # goes to the one our own list of places names (data/locations.tsv).
    ours = set()
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "locations.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                ours.add(line.split("\t")[0].strip())
    for d, cs in list(demonym_country.items()):
        if len(cs) > 1 and len(cs & ours) == 1:
            demonym_country[d] = cs & ours
    demonym_country = {d: next(iter(cs)) for d, cs in demonym_country.items() if len(cs) == 1}

    for r in load_json(os.path.join(src, "fr-regions.json")):
        add_place(r["nom"], keep_people=True, french=True)
    for d in load_json(os.path.join(src, "fr-departements.json")):
        add_place(d["nom"], keep_people=True, french=True)
    for c in load_json(os.path.join(src, "fr-communes.json")):
        if c.get("type") != "commune-actuelle":
            continue
        if (c.get("population") or 0) >= COMMUNE_MIN_POPULATION:
            add_place(c["nom"], french=True)

    with open(os.path.join(src, "states.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pop = int(r["population"]) if r["population"].isdigit() else 0
            # The states of the United States, Canada, Australia, India...
            # stay even when a common word or a first name (Colorado, Georgia).
            federal = r["country_code"] in ("US", "CA", "AU", "IN", "BR", "MX", "DE")
            if federal and r["type"] in ("state", "province", "territory", "federal district"):
                add_place(r["name"], keep_people=True, keep_common=True)
            elif pop >= STATE_MIN_POPULATION or (r["type"] in STATE_TYPES and r["country_code"] in ("US", "CA", "AU", "IN", "BR", "MX", "DE", "IT", "ES", "CN")):
                add_place(r["name"])

    with open(os.path.join(src, "world-cities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            add_place(r["name"])

    orgs = {}
    media = set()
    with open(os.path.join(src, "medias-francais", "medias.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            name = (r.get("Nom") or "").strip()
            if name:
                media.add(name)
            # Media names are often common words ("Elle", "Marianne"): kept
            # only when written with more than one word or unknown to the
            # dictionaries; the recognizer matches their capitals.
            # "L’histoire", "Les echos": after the article a lower-case word
            # the recognizer cannot tell from the common word.
            rest = re.sub(r"^(Le|La|Les|L’|L')\s*", "", name)
            if rest != name and rest[:1].islower():
                continue
            if name and flt.usable(name) and not name.isupper():
                orgs.setdefault(name, set())
    with open(os.path.join(src, "universities.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[1] in UNIVERSITY_COUNTRIES and len(cols[0].split()) >= 2:
                if flt.usable(cols[0]):
                    orgs.setdefault(cols[0].strip(), set())

    # A place that is also an organisation name keeps the organisation.
    for name in list(places):
        if name in orgs:
            del places[name]

    def write_tsv(path, entries, header):
        with open(path, "w", encoding="utf-8") as f:
            f.write(header)
            for name in sorted(entries):
                aliases = sorted(entries[name])
                f.write(name + ("\t" + "|".join(aliases) if aliases else "") + "\n")

    write_tsv(os.path.join(args.out, "gaz_locations.tsv"), places,
              "# Generated by scripts/build-gazetteers.py from ../shared/data/gazetteers; do not edit.\n"
              "# Places (see data/SOURCES.md, Gazetteers). name <TAB> aliases separated by |\n")
    write_tsv(os.path.join(args.out, "gaz_organizations.tsv"), orgs,
              "# Generated by scripts/build-gazetteers.py from ../shared/data/gazetteers; do not edit.\n"
              "# French media and universities (see data/SOURCES.md, Gazetteers).\n")
    with open(os.path.join(args.out, "gaz_demonyms.txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build-gazetteers.py from ../shared/data/gazetteers; do not edit.\n"
                "# Demonyms in English and French (countries.json), lower case.\n")
        for w in sorted(demonyms):
            f.write(w + "\n")
    with open(os.path.join(args.out, "gaz_demonym_countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build-gazetteers.py from ../shared/data/gazetteers; do not edit.\n"
                "# demonym (lower case) <TAB> its country's French common name (countries.json).\n")
        for w in sorted(demonym_country):
            f.write(w + "\t" + demonym_country[w] + "\n")
    with open(os.path.join(args.out, "gaz_media.txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build-gazetteers.py from ../shared/data/gazetteers; do not edit.\n"
                "# The names of French media (medias-francais/medias.tsv), as written.\n")
        for w in sorted(media):
            f.write(w + "\n")
    print(f"{len(places)} places, {len(orgs)} organisations, {len(demonyms)} demonyms, {len(media)} media; "
          f"{flt.dropped} single-word names left out as common words or people's names", file=sys.stderr)


if __name__ == "__main__":
    main()
