"""The typed model of the site's data: one plan per file, plus organisations and places."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from .dates import PlanDate, Within
from .messages import MessageError

if TYPE_CHECKING:
    from .index import SiteIndex
    from .progress import Changes, ProgressReport, Step

LANGUAGES: tuple[Lang, ...] = ("lv", "en")
Lang = Literal["lv", "en"]
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LINE_RANGE_PATTERN = r"^[1-9]\d*(-[1-9]\d*)?$"
RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
URL_PATTERN = "^(https://[^\\s<>\"']+|mailto:[^\\s<>\"'@]+@[^\\s<>\"'@]+)$"  # not http:, javascript:, data: …
LineRange = Annotated[str, StringConstraints(pattern=LINE_RANGE_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# the notice shown, in the page's language, next to a text that is still waiting for its translation
PENDING_NOTICE = {"lv": "tulkojums gaidāms", "en": "translation pending"}


class Pending(str):
    """A text shown in the other language because its translation is pending: the text and a notice."""

    text: str
    lang: Lang
    notice: str

    def __new__(cls, text: str, lang: Lang, notice: str) -> Pending:
        shown = super().__new__(cls, f"{text} [{notice}]")
        shown.text, shown.lang, shown.notice = text, lang, notice
        return shown


class Text(Strict):
    """A human-readable text in both languages; one of them may be marked `pending: <lang>` until translated."""

    model_config = ConfigDict(
        json_schema_extra={  # the same rule as the validator below, for the editor's inline errors
            "anyOf": [{"required": ["lv", "en"]}, {"required": ["lv", "pending"]}, {"required": ["en", "pending"]}]
        }
    )

    lv: str | None = Field(None, min_length=1, description="The text in Latvian. — Teksts latviešu valodā.")
    en: str | None = Field(None, min_length=1, description="The text in English. — Teksts angļu valodā.")
    pending: Lang | None = Field(
        None,
        description="The language whose translation is still to be written (lv or en): leave that language out, and "
        "the site shows the other one with a “translation pending” notice. — Valoda, kuras tulkojums vēl jāuzraksta "
        "(lv vai en): izlaidiet šo valodu, un vietne rādīs tekstu otrā valodā ar norādi „tulkojums gaidāms”.",
    )

    @model_validator(mode="after")
    def _both_languages_or_marked_pending(self) -> Text:
        for lang in LANGUAGES:
            written = getattr(self, lang) is not None
            if not written and self.pending != lang:
                raise MessageError("text_missing_unmarked", lang=lang)
            if written and self.pending == lang:
                raise MessageError("pending_but_written", lang=lang)
        return self

    def __call__(self, lang: Lang) -> str:
        """The text in `lang`; while its translation is pending, the other language's text with a notice."""
        own = getattr(self, lang)
        if own is not None:
            return own
        other = next(other for other in LANGUAGES if other != lang)
        return Pending(getattr(self, other), other, PENDING_NOTICE[lang])


class Abbreviation(Strict):
    """An abbreviation as used in each language's text (a body may have one in only one language)."""

    lv: str | None = Field(
        None,
        description="The abbreviation in Latvian texts, e.g. BJVP. — Saīsinājums latviešu tekstos, piemēram, BJVP.",
    )
    en: str | None = Field(
        None, description="The abbreviation in English texts, e.g. CBSS. — Saīsinājums angļu tekstos, piemēram, CBSS."
    )

    def __call__(self, lang: Lang) -> str | None:
        return getattr(self, lang)


class Status(StrEnum):
    DONE = "done"
    ONGOING = "ongoing"
    PLANNED = "planned"


RECORD_ID = (
    "The record's id: lowercase letters, digits and single hyphens, unique across all the data (an area's only "
    "within its plan). It is the record's anchor on the site and its id in the open data: don't change it once "
    "published. — Ieraksta identifikators: mazie burti, cipari un defises (pa vienai), unikāls visos datos (jomas "
    "id – sava plāna ietvaros). Tas ir ieraksta enkurs vietnē un identifikators atvērtajos datos: pēc publicēšanas "
    "to nemainiet."
)
SOURCE_LINES = (
    "The line or range of lines of the plan's source text (data/sources/) that the {en} comes from, in quotes: "
    '"13" or "13-16". The site links it to them. — Rinda vai rindas plāna avota tekstā (data/sources/), no kurām '
    '{lv}, pēdiņās: "13" vai "13-16". Vietne to sasaista ar šīm rindām.'
)
NOTES = (
    "Editor's notes on the {en}, not from the source, published with it: doubts about the source, an inferred "
    "date. Never correct the source silently. — Redaktora piezīmes par {lv} (nav no avota), kas tiek publicētas "
    "kopā ar to: šaubas par avotu, secināts datums. Nekad nelabojiet avotu klusām."
)
ORGANISATIONS_REF = "ids from data/organisations.yml. — {lv}: id no faila data/organisations.yml."
PLACES_REF = "ids from data/places.yml. — {lv}: id no faila data/places.yml."


class Record(Strict):
    """Anything with an anchor on the site, a citation and editor's notes."""

    id: RecordId = Field(description=RECORD_ID)
    source: LineRange = Field(description=SOURCE_LINES.format(en="record", lv="ņemts ieraksts"))
    notes: list[Text] = Field([], description=NOTES.format(en="record", lv="ierakstu"))

    @property
    def source_lines(self) -> tuple[int, int]:
        first, _, last = self.source.partition("-")
        return int(first), int(last or first)


class Activity(Record):
    """One item of an accomplished/planned cell, or one event of a background timeline."""

    date: PlanDate | None = Field(
        None,
        description="When it took or takes place, exactly as precise as the source, in quotes: YYYY, YYYY-MM, "
        "YYYY-MM-DD, a season YYYY-21..24 or a range A/B. Never invent a day the source doesn't give; leave it out "
        "if the source gives no date. — Kad tā notika vai notiks, tieši tik precīzi kā avotā, pēdiņās: GGGG, "
        "GGGG-MM, GGGG-MM-DD, gadalaiks GGGG-21..24 vai intervāls A/B. Nekad neizdomājiet dienu, ko avots nenorāda; "
        "izlaidiet, ja avotā datuma nav.",
    )
    within: Within | None = Field(
        None,
        description="Only with a single month or year: the part of it the source names, early, mid or end (its "
        "first, middle or last third). — Tikai kopā ar vienu mēnesi vai gadu – tā daļa, ko min avots: early "
        "(sākumā), mid (vidū) vai end (beigās), t. i., pirmā, vidējā vai pēdējā trešdaļa.",
    )
    status: Status = Field(
        description="done, ongoing or planned, as of the plan's report date (as_of). An activity dated after that "
        "date can't be done. — done (paveikts), ongoing (notiek) vai planned (plānots) plāna ziņojuma datumā "
        "(as_of). Aktivitāte, kuras datums ir vēlāks par ziņojuma datumu, nevar būt done.",
    )
    group: Text | None = Field(
        None,
        description="The sub-heading it stands under in the source, e.g. a city; the site shows it once above "
        "consecutive activities with the same group. — Apakšvirsraksts, zem kura aktivitāte ir avotā, piemēram, "
        "pilsēta; vietne to rāda vienreiz virs secīgām aktivitātēm ar tādu pašu grupu.",
    )
    places: list[RecordId] = Field([], description="Where it takes place: " + PLACES_REF.format(lv="Kur tā notiek"))
    bodies: list[RecordId] = Field(
        [], description="The organisations involved: " + ORGANISATIONS_REF.format(lv="Iesaistītās organizācijas")
    )
    text: Text = Field(
        description="What was done or is planned, in both languages. — Kas paveikts vai plānots, abās valodās."
    )
    reported_in: RecordId | None = Field(
        None,
        description="Only for an activity a later progress report adds: that report's id (from the plan's reports); "
        "its status and date are as that report gives them. — Tikai aktivitātei, ko pievieno kāds vēlāks progresa "
        "ziņojums: šā ziņojuma id (no plāna reports); tās statuss un datums ir tādi, kā tos sniedz šis ziņojums.",
    )

    @property
    def when(self) -> PlanDate | None:
        """The date as shown and sorted: narrowed to the part of the month or year the source names."""
        return self.date.narrowed(self.within) if self.date else None


class Task(Record):
    """A task (CBSS) or action point (BaltMet), with its accomplished/planned cell."""

    number: str | None = Field(
        None,
        description='The number as the source writes it, e.g. "1.1"; leave it out if the source has none. — Numurs, '
        'kā rakstīts avotā, piemēram, "1.1"; izlaidiet, ja avotā tā nav.',
    )
    text: Text = Field(description="The task's text, in both languages. — Uzdevuma teksts abās valodās.")
    bodies: list[RecordId] = Field(
        [],
        description="The organisations the task names: "
        + ORGANISATIONS_REF.format(lv="Organizācijas, kas minētas uzdevumā"),
    )
    coordinator: RecordId | None = Field(
        None,
        description="The organisation that coordinates the task: an id from data/organisations.yml. — "
        "Organizācija, kas koordinē uzdevumu: id no faila data/organisations.yml.",
    )
    shares_cell_with: RecordId | None = Field(
        None,
        description="The id of an earlier task of the same area whose accomplished/planned cell this one shares in "
        "the source; such a task has no activities of its own. — Tās pašas jomas iepriekšēja uzdevuma id, ar kuru "
        "šim uzdevumam avotā ir kopīga paveiktā/ieplānotā aile; šādam uzdevumam nav savu aktivitāšu.",
    )
    activities: list[Activity] = Field(
        [],
        description="What was accomplished and what is planned: the task's cell in the source. — Paveiktais un "
        "ieplānotais: uzdevuma aile avotā.",
    )


class Block(Record):
    """Activities under a heading of their own, with no task column (the WGNRS block)."""

    title: Text = Field(description="The block's heading, in both languages. — Bloka virsraksts abās valodās.")
    bodies: list[RecordId] = Field(
        [],
        description="The organisations the block names: " + ORGANISATIONS_REF.format(lv="Blokā minētās organizācijas"),
    )
    activities: list[Activity] = Field(
        min_length=1, description="The block's activities (at least one). — Bloka aktivitātes (vismaz viena)."
    )


class Area(Record):
    """A priority area (CBSS) or policy focus area (BaltMet)."""

    number: str | None = Field(
        None,
        description='The number as the source writes it, e.g. "1"; leave it out if the source has none. — Numurs, '
        'kā rakstīts avotā, piemēram, "1"; izlaidiet, ja avotā tā nav.',
    )
    title: Text = Field(description="The area's title, in both languages. — Jomas nosaukums abās valodās.")
    subtitle: Text | None = Field(
        None, description="A sub-heading under the area's title. — Apakšvirsraksts zem jomas nosaukuma."
    )
    goal: Text | None = Field(
        None, description="The area's goal, as the source states it. — Jomas mērķis, kā tas formulēts avotā."
    )
    introduction: Text | None = Field(
        None, description="The source's introduction to the area. — Avota ievadteksts jomai."
    )
    bodies: list[RecordId] = Field(
        [],
        description="The organisations the area's heading names (this does not tie them to each task): "
        + ORGANISATIONS_REF.format(
            lv="Organizācijas, kas minētas jomas virsrakstā (tas nesaista tās ar katru uzdevumu)"
        ),
    )
    tasks: list[Task] = Field(
        min_length=1,
        description="The area's tasks or action points, in the source's order (at least one). — Jomas uzdevumi vai "
        "rīcības punkti avota secībā (vismaz viens).",
    )
    blocks: list[Block] = Field(
        [],
        description="Activities under a heading of their own, with no task column (e.g. a working group's report). — "
        "Aktivitātes ar savu virsrakstu, bez uzdevumu kolonnas (piemēram, darba grupas pārskats).",
    )


class Section(Strict):
    """A prose section of a plan (purpose, background, framework), with optional dated events."""

    title: Text = Field(description="The section's heading, in both languages. — Sadaļas virsraksts abās valodās.")
    subtitle: Text | None = Field(
        None, description="A sub-heading under the section's heading. — Apakšvirsraksts zem sadaļas virsraksta."
    )
    source: LineRange = Field(description=SOURCE_LINES.format(en="section", lv="ņemta sadaļa"))
    notes: list[Text] = Field([], description=NOTES.format(en="section", lv="sadaļu"))
    paragraphs: list[Text] = Field(
        [], description="The section's paragraphs, each in both languages. — Sadaļas rindkopas, katra abās valodās."
    )
    events: list[Activity] = Field(
        [],
        description="Events the section tells of, written like activities (id, date, status, text). — Sadaļā "
        "minētie notikumi, pierakstīti tāpat kā aktivitātes (id, datums, statuss, teksts).",
    )


class SourceDocument(Strict):
    file: str = Field(
        pattern=r"^[\w.-]+\.txt$",
        description="The original document's file name under data/sources/, e.g. my-plan-2030.en.txt. — Oriģinālā "
        "dokumenta faila nosaukums mapē data/sources/, piemēram, my-plan-2030.en.txt.",
    )
    language: Lang = Field(
        description="The language of the original: lv or en. — Oriģinālā dokumenta valoda: lv vai en."
    )
    lines: LineRange | None = Field(
        None,
        description='The line or lines the plan as a whole cites (its title in the source), e.g. "1-5"; "1" if left '
        'out. — Rinda vai rindas, ko citē plāns kopumā (tā nosaukums avotā), piemēram, "1-5"; ja nav norādītas, "1".',
    )


class StatusChange(Strict):
    """What a later progress report says of one activity: its new status, its new date, and why."""

    activity: RecordId = Field(
        description="The activity's id, from this plan. — Aktivitātes id no šā plāna.",
    )
    status: Status | None = Field(
        None,
        description="Its status as of this report, if it changed: done, ongoing or planned. — Tās statuss šā ziņojuma "
        "datumā, ja tas mainījies: done, ongoing vai planned.",
    )
    date: PlanDate | None = Field(
        None,
        description="Its new date, if the report moves it, exactly as precise as the report (as an activity's "
        "date). — Tās jaunais datums, ja ziņojums to pārceļ, tieši tik precīzi kā ziņojumā (kā aktivitātes datums).",
    )
    note: Text | None = Field(
        None,
        description="Why, in both languages, as the report says it. — Iemesls abās valodās, kā to norāda ziņojums.",
    )


class Report(Strict):
    """A progress report that follows the plan's first one (as_of): its date, its document and what it changed."""

    id: RecordId = Field(description=RECORD_ID)
    as_of: PlanDate = Field(
        description="The report's date, a single day YYYY-MM-DD in quotes, after the previous report's. — Ziņojuma "
        "datums, viena diena GGGG-MM-DD pēdiņās, vēlāks par iepriekšējā ziņojuma datumu.",
    )
    title: Text | None = Field(
        None, description="The report's title, in both languages. — Ziņojuma nosaukums abās valodās."
    )
    source: SourceDocument = Field(
        description="The report's document, in data/sources/, and the lines its title is on. — Ziņojuma dokuments "
        "mapē data/sources/ un rindas, kurās ir tā nosaukums.",
    )
    note: Text | None = Field(
        None,
        description="Editor's note on the report as a whole, not from the source. — Redaktora piezīme par ziņojumu "
        "kopumā (nav no avota).",
    )
    changes: list[StatusChange] = Field(
        [],
        description="Each activity whose status or date this report changes (an activity it adds is written in its "
        "task, with reported_in). — Katra aktivitāte, kuras statusu vai datumu šis ziņojums maina (aktivitāti, ko tas "
        "pievieno, ieraksta tās uzdevumā ar lauku reported_in).",
    )

    @field_validator("as_of")
    @classmethod
    def _as_of_is_a_day(cls, value: PlanDate) -> PlanDate:
        if value.is_range or value.start.day is None:
            raise MessageError("as_of_not_a_day", value=str(value))
        return value


class PlanKind(StrEnum):
    PROGRESS_REPORT = "progress-report"
    ACTION_PLAN = "action-plan"


class Plan(Strict):
    model_config = ConfigDict(
        title="Plan",
        json_schema_extra={
            "description": "One plan of Baltic Plans: its areas, tasks and activities. — Viens Baltic Plans plāns: "
            "tā jomas, uzdevumi un aktivitātes."
        },
    )

    id: RecordId = Field(
        description="The plan's id, also the name of its pages' folder docs/<id>/; unique across all the data. — "
        "Plāna identifikators, arī tā lapu mapes docs/<id>/ nosaukums; unikāls visos datos.",
    )
    kind: PlanKind = Field(
        description="progress-report (what was accomplished and what is planned) or action-plan. — progress-report "
        "(paveiktais un plānotais) vai action-plan (rīcības plāns).",
    )
    title: Text = Field(description="The plan's full title, in both languages. — Plāna pilnais nosaukums abās valodās.")
    short_title: Text = Field(
        description="A short title, for the navigation, headings and lists. — Īsais nosaukums navigācijai, "
        "virsrakstiem un sarakstiem.",
    )
    summary: Text | None = Field(
        None,
        description="The editors' introduction under the title; not from the source. — Redaktoru ievads zem "
        "nosaukuma; nav ņemts no avota.",
    )
    issuer: RecordId = Field(
        description="The organisation that issued the plan, counted as involved in every task: an id from "
        "data/organisations.yml. — Organizācija, kas izdevusi plānu un tiek uzskatīta par iesaistītu katrā tā "
        "uzdevumā: id no faila data/organisations.yml.",
    )
    as_of: PlanDate | None = Field(
        None,
        description="The report date, a single day YYYY-MM-DD in quotes: the statuses describe the state on it. Leave "
        "it out if the source has none. — Ziņojuma datums, viena diena GGGG-MM-DD pēdiņās: statusi raksturo stāvokli "
        "šajā dienā. Izlaidiet, ja avotā tā nav.",
    )
    period: PlanDate = Field(
        description='The period the plan covers, in quotes, e.g. "2011/2012" or "2007-07/2008-06" (written as a '
        "date); plans are listed in the order of their periods. — Periods, ko aptver plāns, pēdiņās, piemēram, "
        '"2011/2012" vai "2007-07/2008-06" (raksta kā datumu); plāni ir sakārtoti pēc to perioda.',
    )
    place: RecordId | None = Field(
        None,
        description="Where the plan was issued: an id from data/places.yml. — Vieta, kur plāns izdots: id no faila "
        "data/places.yml.",
    )
    source: SourceDocument = Field(
        description="The plan's original document, in data/sources/. — Plāna oriģinālais dokuments mapē data/sources/."
    )
    notes: list[Text] = Field(
        [],
        description="Editor's notes on the whole plan, not from the source, published on its page. — Redaktora "
        "piezīmes par visu plānu (nav no avota), kas publicētas tā lapā.",
    )
    purpose: Section | None = Field(
        None, description="The plan's purpose, a prose section. — Plāna nodoms un mērķis: teksta sadaļa."
    )
    background: Section | None = Field(
        None,
        description="The plan's background, a prose section; its events are also on the timeline. — Plāna "
        "priekšvēsture: teksta sadaļa; tās notikumi ir arī laika grafikā.",
    )
    framework: Section | None = Field(
        None,
        description="The plan's objectives and implementation framework, a prose section. — Plāna mērķi un "
        "īstenošanas ietvars: teksta sadaļa.",
    )
    areas_title: Text | None = Field(
        None,
        description="The heading above the list of areas, if the source has one; otherwise the site writes “Areas”. "
        "— Virsraksts virs jomu saraksta, ja avotā tāds ir; citādi vietne raksta „Jomas”.",
    )
    areas: list[Area] = Field(
        min_length=1,
        description="The plan's priority areas or policy focus areas, in the source's order (at least one). — Plāna "
        "prioritārās jomas vai politikas fokusa jomas avota secībā (vismaz viena).",
    )
    reports: list[Report] = Field(
        [],
        description="The progress reports after the plan's first (as_of), oldest first: each with its date, document "
        "and the activities whose status or date it changes. — Progresa ziņojumi pēc plāna pirmā (as_of), sākot ar "
        "vecāko: katrs ar savu datumu, dokumentu un aktivitātēm, kuru statusu vai datumu tas maina.",
    )

    @field_validator("as_of")
    @classmethod
    def _as_of_is_a_day(cls, value: PlanDate | None) -> PlanDate | None:
        if value is not None and (value.is_range or value.start.day is None):
            raise MessageError("as_of_not_a_day", value=str(value))
        return value

    def area(self, area_id: str) -> Area:
        for area in self.areas:
            if area.id == area_id:
                return area
        valid = ", ".join(a.id for a in self.areas)
        raise LookupError(f"plan '{self.id}' has no area '{area_id}' (valid: {valid})")


class Organisation(Strict):
    id: RecordId = Field(
        description="The organisation's id, as written in bodies, coordinator and issuer; unique across all the data, "
        "don't change it once published. — Organizācijas identifikators, ko raksta laukos bodies, coordinator un "
        "issuer; unikāls visos datos, pēc publicēšanas to nemainiet.",
    )
    abbr: Abbreviation | None = Field(
        None,
        description="Its abbreviation in each language (one may be left out); the site explains it with the full "
        "name in a tooltip. — Tās saīsinājums katrā valodā (vienu var izlaist); vietne to paskaidro ar pilno "
        "nosaukumu, kas parādās, uzbraucot ar peli.",
    )
    name: Text = Field(
        description="The organisation's full name, in both languages. — Organizācijas pilnais nosaukums abās valodās."
    )
    kind: Literal[
        "intergovernmental", "working-group", "government", "network", "programme", "project",
        "ngo", "university", "foundation", "municipality", "presidency",
    ] = Field(description="What kind of body it is. — Kāda veida organizācija tā ir.")  # fmt: skip
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = Field(
        None,
        description="Its website, starting with https:// (or an e-mail address as mailto:…). — Tās tīmekļvietne, "
        "sākot ar https:// (vai e-pasta adrese formā mailto:…).",
    )

    def label(self, lang: Lang) -> str:
        return (self.abbr and self.abbr(lang)) or self.name(lang)


class Place(Strict):
    id: RecordId = Field(
        description="The place's id, as written in places and place; unique across all the data, don't change it "
        "once published. — Vietas identifikators, ko raksta laukos places un place; unikāls visos datos, pēc "
        "publicēšanas to nemainiet.",
    )
    name: Text = Field(description="The place's name, in both languages. — Vietas nosaukums abās valodās.")
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description="The country's two-letter code (ISO 3166-1 alpha-2), e.g. LV. — Valsts divburtu kods (ISO 3166-1 "
        "alpha-2), piemēram, LV.",
    )
    kind: Literal["city", "country"] = Field(description="city or country. — city (pilsēta) vai country (valsts).")
    lat: float = Field(
        ge=-90,
        le=90,
        description="Latitude (WGS 84) in decimal degrees, north positive; for the map and the calendars. — "
        "Ģeogrāfiskais platums (WGS 84) decimālgrādos, ziemeļu platums pozitīvs; kartei un kalendāriem.",
    )
    lon: float = Field(
        ge=-180,
        le=180,
        description="Longitude (WGS 84) in decimal degrees, east positive. — Ģeogrāfiskais garums (WGS 84) "
        "decimālgrādos, austrumu garums pozitīvs.",
    )


class OrganisationsFile(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "description": "The organisations the plans name (data/organisations.yml). — Plānos minētās organizācijas "
            "(data/organisations.yml)."
        }
    )

    organisations: list[Organisation] = Field(
        min_length=1,
        description="Every organisation, each with an id the plans refer to. — Visas organizācijas, katra ar "
        "identifikatoru, uz kuru atsaucas plāni.",
    )


class PlacesFile(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "description": "The places the plans name (data/places.yml). — Plānos minētās vietas (data/places.yml)."
        }
    )

    places: list[Place] = Field(
        min_length=1,
        description="Every city and country, each with an id the plans refer to and its coordinates. — Visas "
        "pilsētas un valstis, katra ar identifikatoru, uz kuru atsaucas plāni, un koordinātām.",
    )


# -- the whole site ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """An activity with where it stands: its plan, area, and task or block (None for background)."""

    activity: Activity
    plan: Plan
    area: Area | None
    owner: Task | Block | None

    @property
    def known_when(self) -> PlanDate:
        """The activity's date as shown, where only dated activities were picked (to sort and group by)."""
        when = self.activity.when
        assert when is not None, f"{self.activity.id} has no date"
        return when


@dataclass(frozen=True)
class Site:
    """Every plan, organisation and place, validated and cross-checked."""

    plans: tuple[Plan, ...]
    organisations: dict[str, Organisation]
    places: dict[str, Place]
    sources: dict[str, tuple[str, ...]]  # file name in data/sources/ → its lines
    # progress over time (progress.py): the plans' activities above are as of each plan's latest report
    reports: dict[str, tuple[ProgressReport, ...]] = field(default_factory=dict)  # plan id → its reports, oldest first
    history: dict[str, tuple[Step, ...]] = field(default_factory=dict)  # activity id → its status at each report
    changes: dict[str, tuple[Changes, ...]] = field(default_factory=dict)  # plan id → what each later report changed

    @cached_property
    def index(self) -> SiteIndex:
        """What many pages ask of the whole data, made once per site (index.py)."""
        from .index import SiteIndex  # the indexes are made from this model

        return SiteIndex(self)

    @cached_property
    def plans_by_id(self) -> dict[str, Plan]:
        """Plan id → its plan, in the site's order (every page asks for its plan)."""
        return {plan.id: plan for plan in self.plans}

    def plan(self, plan_id: str) -> Plan:
        if plan_id not in self.plans_by_id:
            raise LookupError(f"no plan '{plan_id}' (valid: {', '.join(self.plans_by_id)})")
        return self.plans_by_id[plan_id]

    def activities(self, plan: Plan | None = None) -> Iterator[Placed]:
        """Every activity of one plan (or all plans), in source order, with its context."""
        for current in (plan,) if plan else self.plans:
            for area in current.areas:
                yield from area_activities(current, area)
            if current.background:
                for event in current.background.events:
                    yield Placed(event, current, None, None)


def area_activities(plan: Plan, area: Area) -> Iterator[Placed]:
    for task in area.tasks:
        for activity in task.activities:
            yield Placed(activity, plan, area, task)
    for block in area.blocks:
        for activity in block.activities:
            yield Placed(activity, plan, area, block)
