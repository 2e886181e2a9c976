"""A generated, realistic-looking news corpus for ``benchmark.py --varied``.

Every article has its own cast: people made from first names x surnames,
organisations made from surnames and generic words, places from a list of
real cities and countries. A few people, places and organisations recur
across many articles (a Zipf-like "newsmakers" pool), so resolution, events,
deadlines, quotes and stories have real cross-article work that grows with N.
Publication dates go into ``sources.yml``; event and deadline dates vary.
Deterministic: the same N always gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

FIRST = """Anna Boris Carla Daniel Elena Farid Greta Hassan Irene Jonas Katrin Liam Maria Nikolai
Olga Pedro Quentin Rosa Samuel Tanya Ulrich Vera Walter Ximena Yusuf Zofia Ahmed Beatrice
Cedric Dolores Emil Fatima Gustav Helena Igor Julia Kenji Lucia Marco Nadia Oscar Paula
Rafael Sofia Tomas Ursula Viktor Wanda Xavier Yara Amir Bianca Conrad Diana Erik Flora
George Hanna Ivan Jasmine""".split()

SURNAMES = """Abbott Brandt Castillo Dimitrov Eriksen Fischer Galvez Hoffmann Ivanova Jansen Kowalski
Lindqvist Moreau Novak Okafor Petrov Quintero Romano Schneider Tanaka Urquhart Vasquez
Weber Xenakis Yilmaz Zielinski Almeida Bergstrom Coleman Delgado Engel Fontaine Grünewald
Horvath Ibrahim Jovanovic Keller Lambert Marchetti Nakamura Olsen Popescu Reyes Santos
Takahashi Ulmer Varga Whitfield Young Zimmermann Andersen Baptiste Carvalho Duarte
Estrada Ferreira Gallagher Haddad Ishikawa Jaramillo Kaplan Lorenz Mendoza Nieminen
Ortega Pavlov Rasmussen Sokolov Thornton Valente Wagner Yamamoto Zapata Becker Costa""".split()

PLACES = """Berlin Paris Madrid Rome Vienna Warsaw Prague Budapest Lisbon Athens Dublin Oslo
Stockholm Helsinki Copenhagen Brussels Amsterdam Geneva Zurich Istanbul Ankara Cairo Nairobi
Lagos Johannesburg Tokyo Seoul Beijing Shanghai Delhi Mumbai Jakarta Manila Hanoi Bangkok
Sydney Melbourne Toronto Ottawa Chicago Boston Mexico Lima Bogota Santiago Caracas Havana
Riyadh Doha Dubai Tehran Baghdad Kabul Tashkent Astana Baku Tbilisi Yerevan Minsk Riga
Vilnius Tallinn Belgrade Sofia Bucharest Zagreb Sarajevo Skopje Tirana""".split()

COUNTRIES = """Germany France Spain Italy Austria Poland Hungary Portugal Greece Ireland Norway
Sweden Finland Denmark Belgium Netherlands Switzerland Turkey Egypt Kenya Nigeria Japan
Brazil Argentina Chile Peru Colombia Canada Australia Indonesia Vietnam Thailand India
Pakistan Iran Iraq Israel Jordan Morocco Algeria Tunisia Ghana Ethiopia""".split()

ORG_WORDS = "Holdings Group Institute Foundation Industries Partners Bank Energy Capital Media".split()
MINISTRIES = "Trade Finance Energy Defence Health Transport Agriculture Justice Labour Education".split()
ROLES = ("foreign minister", "trade minister", "chief executive", "special envoy",
         "central bank governor", "defence minister", "party leader", "ambassador",
         "mayor", "spokesperson", "finance minister", "union leader")
TITLES = ("President", "Minister", "Ambassador", "Governor", "Senator", "General")
OUTLETS = ("Northern Wire", "Daily Ledger", "Evening Courier", "Global Desk", "Harbour Times",
           "Capital Review", "Morning Post Online", "Continental Press")
DEMANDS = ("sign the trade agreement", "reopen the border crossing", "release the detained workers",
           "submit a budget plan", "withdraw its troops", "agree to a ceasefire",
           "hand over the documents", "cut its emissions", "repay the loan", "end the strike")
THREATS = ("sanctions", "tariffs", "an embargo", "fines", "a suspension of aid")
EVENT_SENTENCES = (
    "{p1} will visit {city} on {date} to meet {p2}.",
    "{p1} met {p2} in {city} on {date}, according to {org}.",
    "{org} announced on {date} that it will hold talks with {org2} in {city}.",
    "{p1} and {p2} held talks in {city} on {date}.",
    "{p1} is scheduled to travel to {country} on {date} for a summit with {p2}.",
    "Protesters attacked the offices of {org} in {city} on {date}.",
)
DEADLINE_SENTENCES = (
    "{p1} gave {country} until {date} to {demand}, threatening {threat}.",
    "{org} must {demand} by {date} or face {threat}, {p1} warned.",
    "{p1} set a deadline of {date} for {org} to {demand}.",
    "The deadline for {country} to {demand} was extended to {date}, {p1} said.",
)
QUOTE_OPENINGS = ("We are", "Nobody is", "I am", "The government is", "Our partners are", "Everyone is")
QUOTE_STATES = ("confident", "deeply worried", "not convinced", "hopeful", "disappointed", "ready")
QUOTE_ENDINGS = ("that the talks will succeed", "about the state of the economy",
                 "that this plan can work", "to sign the agreement next month",
                 "by the lack of progress", "to defend our interests", "that the deal is fair",
                 "about the safety of our workers")
FILLER = (
    "Analysts said the move could reshape relations in the region.",
    "Markets reacted cautiously to the news.",
    "The talks follow months of tension between the two sides.",
    "Officials declined to comment on the details of the plan.",
    "Critics argued that the proposal did not go far enough.",
)


class Cast:
    """The names one article draws on: recurring newsmakers and fresh ones."""

    def __init__(self) -> None:
        self.rng = random.Random(20250807)
        self.newsmakers = [self.fresh_person() for _ in range(500)]
        self.organisations = [self.fresh_org() for _ in range(250)]

    def for_article(self, n: int) -> Cast:
        """This cast with a random stream of article ``n``'s own (same n, same article)."""
        self.rng = random.Random(1_000_003 * n + 17)
        return self

    def fresh_person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(SURNAMES)}"

    def fresh_org(self) -> str:
        kind = self.rng.random()
        if kind < 0.4:
            return f"{self.rng.choice(SURNAMES)} {self.rng.choice(ORG_WORDS)}"
        if kind < 0.7:
            return f"the Ministry of {self.rng.choice(MINISTRIES)} of {self.rng.choice(COUNTRIES)}"
        place = self.rng.choice(PLACES)
        return f"the {place} {self.rng.choice(('University', 'City Council', 'Chamber of Commerce'))}"

    def zipf(self, items: list[str]) -> str:
        """An item, the first ones far more often than the rest."""
        return items[min(len(items) - 1, int(self.rng.paretovariate(1.2)) - 1)]

    def person(self) -> str:
        return self.zipf(self.newsmakers) if self.rng.random() < 0.5 else self.fresh_person()

    def org(self) -> str:
        return self.zipf(self.organisations) if self.rng.random() < 0.6 else self.fresh_org()


def spoken_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day.day % 3 == 0 else f"{day:%B} {day.day}"


def article(cast: Cast, n: int, published: dt.date) -> str:
    """One article: headline, lead with roles, events, a deadline, quotes, filler."""
    rng = cast.rng
    people = [cast.person() for _ in range(rng.randint(4, 8))]
    orgs = [cast.org() for _ in range(rng.randint(2, 4))]
    city, country = rng.choice(PLACES), rng.choice(COUNTRIES)
    lead = people[0]
    lines = [f"{lead.split()[-1]} heads to {city} as pressure mounts on {country}", ""]
    lines.append(f"{rng.choice(TITLES)} {lead}, the {rng.choice(ROLES)} of {country}, "
                 f"arrived in {city} on {published:%A} for talks with {people[1]}, "
                 f"the {rng.choice(ROLES)} of {orgs[0].removeprefix('the ')}.")
    for _ in range(rng.randint(2, 4)):
        lines.append(fill(rng.choice(EVENT_SENTENCES), cast, people, orgs, published))
    lines.append(fill(rng.choice(DEADLINE_SENTENCES), cast, people, orgs, published))
    for speaker in rng.sample(people, k=min(len(people), rng.randint(1, 3))):
        quote = f"{rng.choice(QUOTE_OPENINGS)} {rng.choice(QUOTE_STATES)} {rng.choice(QUOTE_ENDINGS)}"
        lines.append(f"“{quote},” {speaker} said in an interview with {rng.choice(OUTLETS)}.")
    lines.extend(rng.sample(FILLER, k=2))
    lines.append(f"{people[-1]} is expected to brief reporters in {rng.choice(PLACES)} later this week.")
    return "\n".join(lines) + "\n"


def fill(template: str, cast: Cast, people: list[str], orgs: list[str], published: dt.date) -> str:
    """A template sentence with names, places and a date near ``published``."""
    rng = cast.rng
    date = published + dt.timedelta(days=rng.randint(-10, 30))
    p1, p2 = rng.sample(people, k=2)
    org, org2 = (rng.sample(orgs, k=2) if len(orgs) > 1 else (orgs[0], cast.org()))
    text = template.format(p1=p1, p2=p2, org=org, org2=org2, city=rng.choice(PLACES),
                           country=rng.choice(COUNTRIES), date=spoken_date(date),
                           demand=rng.choice(DEMANDS), threat=rng.choice(THREATS))
    return text[0].upper() + text[1:]


def make_varied_corpus(folder: Path, count: int, first: int = 0) -> int:
    """Write articles ``first``..``count-1`` and their ``sources.yml``; returns the number of words.

    Article n is the same whatever ``count`` is, so a larger corpus extends a smaller one.
    """
    cast = Cast()
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2024, 1, 1)
    meta: dict[str, dict[str, object]] = {}
    words = 0
    for n in range(first, count):
        rng = cast.for_article(n).rng
        published = start + dt.timedelta(days=rng.randint(0, 540))
        name = f"article_{n:05d}.txt"
        text = article(cast, n, published)
        (folder / name).write_text(text, encoding="utf-8")
        meta[name] = {"outlet": rng.choice(OUTLETS), "published": published,
                      "url": f"https://example.org/news/{n}"}
        words += len(text.split())
    (folder / "sources.yml").write_text(yaml.safe_dump(meta, sort_keys=True), encoding="utf-8")
    return words
