"""Build a 10-year archive for the benchmarks, through the store API.

20 committees x 11 meetings a year x 10 years x 15 items, with Danish text of realistic length
(titles 30-90 characters, Resumé 800-3000 characters of Markdown with lists, decisions 50-600
characters, case IDs like EMN-2019-012345, some closed items), plus one meeting of 100 items.
The same seed gives the same archive.

    python benchmarks/make_archive.py [--out PATH] [--seed N] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from secretary_app.core.model import (
    Attachment,
    AttendanceEntry,
    AttendanceStatus,
    Committee,
    CommitteeKind,
    Item,
    Meeting,
    Member,
    MemberRole,
    Numbering,
)
from secretary_app.store.archive import Archive

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "build" / "benchmarks" / "archive-10y.sqlite3"
FIRST_YEAR = 2016
BIG_MEETING_ITEMS = 100
BIG_MEETING_TITLE = "Budgetseminar (100 punkter)"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


COMMITTEES = [
    ("Økonomiudvalget", CommitteeKind.STANDING),
    ("Børne- og Skoleudvalget", CommitteeKind.STANDING),
    ("Social- og Sundhedsudvalget", CommitteeKind.STANDING),
    ("Kultur-, Unge- og Fritidsudvalget", CommitteeKind.STANDING),
    ("Teknik- og Miljøudvalget", CommitteeKind.STANDING),
    ("Byplanudvalget", CommitteeKind.STANDING),
    ("Klima- og Forsyningsudvalget", CommitteeKind.STANDING),
    ("Erhvervs- og Beskæftigelsesudvalget", CommitteeKind.STANDING),
    ("Ældre- og Omsorgsudvalget", CommitteeKind.STANDING),
    ("Handicaprådet", CommitteeKind.STANDING),
    ("Seniorrådet", CommitteeKind.STANDING),
    ("Integrationsrådet", CommitteeKind.STANDING),
    ("Folkeoplysningsudvalget", CommitteeKind.STANDING),
    ("Beredskabskommissionen", CommitteeKind.STANDING),
    ("Opgaveudvalg om Innovation", CommitteeKind.TASK),
    ("Opgaveudvalg om Fremtidens Skole", CommitteeKind.TASK),
    ("Opgaveudvalg om Klimatilpasning", CommitteeKind.TASK),
    ("Opgaveudvalg om Boliger til Alle", CommitteeKind.TASK),
    ("Opgaveudvalg om Borgerinddragelse", CommitteeKind.TASK),
    ("Opgaveudvalg om Sundhed i Hverdagen", CommitteeKind.TASK),
]
LOCATIONS = _lines(
    """
Mødelokale G, Rådhuset
Byrådssalen
Mødelokale 2, Rådhuset
Udvalgsværelset
"""
)
FIRST_NAMES = _lines(
    """
Marie Louise
Anders
Birgitte
Christian
Dorthe
Erik
Freja
Henrik
Ida
Jens
Karen
Lars
Mette
Niels
Pia
Rasmus
Sofie
Torben
Ulla
Vibeke
Mads
Camilla
Søren
Ane
Jørgen
Lærke
"""
)
LAST_NAMES = _lines(
    """
Nielsen
Jensen
Hansen
Pedersen
Andersen
Christensen
Larsen
Sørensen
Rasmussen
Jørgensen
Madsen
Kristensen
Olsen
Thomsen
Møller
Kjær
Holm
Bech
Lund
Dahl
Friis
Skov
"""
)
PARTIES = _lines(
    """
A
B
C
F
I
O
V
Ø
Å
Borgerrepræsentant
"""
)

TOPICS = _lines(
    """
budgetopfølgning for 2. kvartal
ny model for borgerinddragelse
renovering af Ordrup Skole
trafiksikkerhedsplan for skoleveje
klimatilpasning ved Mølleåen
tilskud til foreningslivet
sygefravær i ældreplejen
digital post til borgere over 65 år
helhedsplan for bydelscentret
lokalplan for erhvervsområdet ved Lyngbyvej
ansøgning om anlægsbevilling
kvalitetsrapport for dagtilbud
udbud af rengøring på kommunale ejendomme
mål og rammer for fritidsklubberne
styrket indsats mod ensomhed
opfølgning på handicappolitikken
affaldsplan og sortering i etageboliger
bevaringsværdige bygninger i villakvartererne
cykelstier langs Jægersborg Allé
sundhedspolitik for børn og unge
frivillige i kommunens plejecentre
udvidelse af kapaciteten i daginstitutioner
energirenovering af svømmehallen
beskæftigelsesplan for det kommende år
høring om den regionale udviklingsstrategi
rammeaftale for det specialiserede socialområde
evaluering af sommerferieaktiviteter
arbejdsmiljø på skolerne
mødeplan for næste år
kommissorium for arbejdet
"""
)
TITLE_OPENINGS = _lines(
    """
Godkendelse af
Orientering om
Drøftelse af
Beslutning om
Status på
Høring vedrørende
Forslag til
Evaluering af
Revision af
Temadrøftelse:
"""
)
TITLE_TAILS = [
    "",
    "",
    "",
    " - 1. behandling",
    " - 2. behandling",
    " {year}",
    " {year}-{next}",
    " - endelig vedtagelse",
    " - opfølgning",
    " (fortsat fra sidste møde)",
]
SUBJECTS = _lines(
    """
Forvaltningen
Administrationen
Udvalget
Kommunalbestyrelsen
Center for Børn og Unge
Center for Social og Sundhed
Teknisk Forvaltning
Økonomiafdelingen
Styregruppen
Arbejdsgruppen
Borgmesteren
Direktionen
"""
)
VERBS = _lines(
    """
foreslår
indstiller
har modtaget
orienterer om
har vurderet
anbefaler
har drøftet
har udarbejdet
lægger op til
har undersøgt
"""
)
OBJECTS = _lines(
    """
en samlet plan for området
de økonomiske konsekvenser af forslaget
en ansøgning fra den lokale idrætsforening
resultaterne af borgerundersøgelsen
et revideret budget for anlægsprojektet
de indkomne høringssvar
en model med tre scenarier
status for implementeringen
et udkast til kommissorium
erfaringerne fra forsøgsperioden
en tidsplan for det videre arbejde
de juridiske rammer for ordningen
en prioriteret liste over indsatser
"""
)
TAILS = _lines(
    """
med henblik på endelig godkendelse i Kommunalbestyrelsen
i forbindelse med budgetlægningen for det kommende år
jf. beslutningen på udvalgets seneste møde
inden for den eksisterende økonomiske ramme
efter dialog med de berørte borgere og foreninger
så arbejdet kan afsluttes inden udgangen af året
som beskrevet i den vedlagte sagsfremstilling
hvor der lægges vægt på inddragelse af brugerne
"""
)
LIST_ITEMS = _lines(
    """
Godkendelse af dagsorden
Kort præsentationsrunde
Oplæg ved forvaltningen
Drøftelse i grupper
Opsamling og næste skridt
Tidsplan og milepæle
Økonomi og finansiering
Inddragelse af borgere og foreninger
Risici og afhængigheder
Kommunikation til pressen
Evaluering af forløbet
Eventuelt
"""
)
DECISION_OPENINGS = _lines(
    """
Indstillingen blev godkendt.
Udvalget tog orienteringen til efterretning.
Anbefales over for Kommunalbestyrelsen.
Udsat til næste møde.
Godkendt med de faldne bemærkninger.
Drøftet.
Et flertal (A, C og V) godkendte indstillingen. Et mindretal (Ø) stemte imod.
"""
)


@dataclass
class Counts:
    committees: int = 0
    meetings: int = 0
    items: int = 0


class DanishText:
    """Deterministic Danish text of given lengths, in the Markdown the archive stores."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self) -> str:
        r = self.rng
        words = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}"
        if r.random() < 0.7:
            words += f" {r.choice(TAILS)}"
        if r.random() < 0.15:
            words = words.replace(" en ", " **en** ", 1)
        return words + "."

    def paragraph(self, at_least: int) -> str:
        sentences = [self.sentence()]
        while sum(len(s) + 1 for s in sentences) < at_least:
            sentences.append(self.sentence())
        return " ".join(sentences)

    def bullet_list(self) -> str:
        r = self.rng
        entries = r.sample(LIST_ITEMS, r.randint(3, 6))
        if r.random() < 0.5:
            lines = [f"{n}. {entry}" for n, entry in enumerate(entries, 1)]
            if r.random() < 0.5:
                lines.insert(2, "   - " + r.choice(OBJECTS))
                lines.insert(3, "   - " + r.choice(OBJECTS))
            return "\n".join(lines)
        return "\n".join(f"- {entry}" for entry in entries)

    def markdown(self, low: int, high: int) -> str:
        """Paragraphs, now and then a list, of about low to high characters."""
        target = self.rng.randint(low, high - 300)
        blocks: list[str] = []
        while (length := sum(len(b) + 2 for b in blocks)) < target:
            if blocks and self.rng.random() < 0.3:
                blocks.append(self.bullet_list())
            else:
                blocks.append(self.paragraph(min(target - length, self.rng.randint(150, 450))))
        return "\n\n".join(blocks)

    def title(self, year: int) -> str:
        r = self.rng
        while True:
            tail = r.choice(TITLE_TAILS).format(year=year, next=year + 1)
            title = f"{r.choice(TITLE_OPENINGS)} {r.choice(TOPICS)}{tail}"
            if 30 <= len(title) <= 90:
                return title

    def decision(self) -> str:
        text = self.rng.choice(DECISION_OPENINGS)
        target = self.rng.randint(50, 600)
        while len(text) < target:
            sentence = self.sentence()
            if len(text) + 1 + len(sentence) > 600:
                break
            text += " " + sentence
        return text

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


class ArchiveBuilder:
    def __init__(self, archive: Archive, seed: int) -> None:
        self.archive = archive
        self.rng = random.Random(seed)
        self.text = DanishText(self.rng)
        self.counts = Counts()
        self.case_numbers: dict[int, int] = {}

    def build(self, years: int, meetings_per_year: int, items_per_meeting: int) -> int:
        """The whole archive; returns the id of the 100-item meeting."""
        committees = [self.committee(name, kind) for name, kind in COMMITTEES]
        for year in range(FIRST_YEAR, FIRST_YEAR + years):
            for month in _meeting_months(meetings_per_year):
                for index, committee in enumerate(committees):
                    day = _meeting_day(year, month, index)
                    self.meeting(committee, day, items_per_meeting)
        last_day = dt.date(FIRST_YEAR + years - 1, 12, 10)
        return self.meeting(committees[0], last_day, BIG_MEETING_ITEMS, BIG_MEETING_TITLE)

    def committee(self, name: str, kind: CommitteeKind) -> Committee:
        committee = Committee(
            name=name,
            kind=kind,
            starts_on=dt.date(FIRST_YEAR, 1, 1) if kind is CommitteeKind.TASK else None,
            default_location=self.rng.choice(LOCATIONS),
            numbering=Numbering.CONTINUOUS if self.rng.random() < 0.3 else Numbering.PER_MEETING,
        )
        with self.archive.db.atomic():
            self.archive.committees.add(committee)
            assert committee.id is not None
            self.archive.committees.set_members(committee.id, self.members(committee.id))
        self.counts.committees += 1
        return committee

    def members(self, committee_id: int) -> list[Member]:
        roles = [MemberRole.CHAIR, MemberRole.VICE_CHAIR] + [MemberRole.MEMBER] * 5
        roles += [MemberRole.CITIZEN_MEMBER, MemberRole.OFFICIAL]
        return [
            Member(committee_id, self.text.person(), role, self.rng.choice(PARTIES))
            for role in roles
        ]

    def meeting(self, committee: Committee, day: dt.date, n_items: int, title: str = "") -> int:
        assert committee.id is not None
        meeting = Meeting(
            committee_id=committee.id,
            date=day,
            starts_at=dt.time(self.rng.choice([8, 15, 16, 17]), 0),
            ends_at=dt.time(19, 0),
            location=committee.default_location,
            first_number=self.archive.meetings.first_number_for(committee, day),
            title=title,
        )
        items = [self.item(day.year, position, n_items) for position in range(n_items)]
        with self.archive.db.atomic():
            self.archive.meetings.create(meeting, items)
            assert meeting.id is not None
            self.archive.meetings.set_attendance(meeting.id, self.attendance(committee, meeting.id))
            for item in items:
                self.attachments(item)
        self.counts.meetings += 1
        self.counts.items += n_items
        return meeting.id

    def attendance(self, committee: Committee, meeting_id: int) -> list[AttendanceEntry]:
        assert committee.id is not None
        entries = []
        for member in self.archive.committees.members(committee.id):
            status = AttendanceStatus.PRESENT
            substitute = ""
            if self.rng.random() < 0.1:
                status = AttendanceStatus.EXCUSED
                substitute = self.text.person() if self.rng.random() < 0.5 else ""
            entries.append(
                AttendanceEntry(meeting_id, member.name, member.role, status, substitute)
            )
        return entries

    def item(self, year: int, position: int, n_items: int) -> Item:
        if position == n_items - 1:
            return Item(
                meeting_id=0, title="Eventuelt", sections={"beslutning": self.text.decision()}
            )
        rng, text = self.rng, self.text
        return Item(
            meeting_id=0,
            title=text.title(year),
            closed=rng.random() < 0.12,
            case_id=self.case_id(year),
            presenter=f"v/ {text.person()}" if rng.random() < 0.4 else "",
            duration_minutes=rng.choice([None, 10, 15, 20, 30, 45]),
            sections={
                "resume": text.markdown(800, 3000),
                "tidligere_beslutninger": text.markdown(150, 700) if rng.random() < 0.3 else "",
                "beslutning": text.decision(),
            },
        )

    def attachments(self, item: Item) -> None:
        assert item.id is not None
        for number in range(self.rng.choice([0, 0, 0, 1, 2])):
            title = f"Bilag {number + 1}: {self.rng.choice(TOPICS).capitalize()}"
            public = self.rng.random() < 0.8
            attachment = Attachment(item.id, title, f"bilag-{number + 1}.pdf", public)
            self.archive.attachments.add(attachment, b"%PDF-1.4\n% benchmark placeholder\n")

    def case_id(self, year: int) -> str:
        self.case_numbers[year] = self.case_numbers.get(year, 0) + self.rng.randint(1, 40)
        return f"EMN-{year}-{self.case_numbers[year]:06d}"


def _meeting_months(per_year: int) -> list[int]:
    """`per_year` months, July (the summer break) last to be used."""
    months = [m for m in range(1, 13) if m != 7] + [7]
    return sorted(months[:per_year])


def _meeting_day(year: int, month: int, committee_index: int) -> dt.date:
    """A weekday in the month, different committees on different days."""
    day = dt.date(year, month, 1) + dt.timedelta(days=committee_index % 20)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def build_archive(
    path: Path,
    seed: int = 2017,
    years: int = 10,
    meetings_per_year: int = 11,
    items_per_meeting: int = 15,
) -> tuple[int, Counts]:
    """Build a new archive at `path`; the id of the 100-item meeting, and what was made."""
    archive = Archive.open(path)
    try:
        builder = ArchiveBuilder(archive, seed)
        big_meeting = builder.build(years, meetings_per_year, items_per_meeting)
    finally:
        archive.close()
    return big_meeting, builder.counts


def _remove_archive(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH, help=f"default: {DEFAULT_PATH}")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--meetings-per-year", type=int, default=11)
    parser.add_argument("--items", type=int, default=15, help="items per meeting")
    parser.add_argument("--force", action="store_true", help="replace an existing archive")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            print(f"{args.out} exists; --force replaces it", file=sys.stderr)
            return 1
        _remove_archive(args.out)
    started = time.perf_counter()
    big_meeting, counts = build_archive(
        args.out, args.seed, args.years, args.meetings_per_year, args.items
    )
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size / 1e6
    print(f"archive: {args.out}")
    print(
        f"made: {counts.committees} committees, {counts.meetings} meetings, {counts.items} items;"
        f" the {BIG_MEETING_ITEMS}-item meeting is id {big_meeting}"
    )
    print(f"size: {size:.1f} MB; time: {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
