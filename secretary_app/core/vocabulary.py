"""The Danish words the documents and the audit log print, in one place.

The window's own words are translated by Qt (`tr()`, resources/i18n); these are the words of
the record: the agenda, the minutes and the log of changes after the agenda was sent. The labels
of an item's sections are not here: they are the municipality's, in its item layout
(core.item_layout).

The archive's audit triggers are SQL written once by the migrations m005-m008; they hold frozen
copies of the words below (store.migrations), and tests keep the two the same
(tests/unit/test_item_fields_schema.py, test_migration_m008.py).
"""

from __future__ import annotations

from secretary_app.core.model import AbsenceReason, AttendanceStatus, VoteSide

# --- documents ------------------------------------------------------------------------------

AGENDA = "Dagsorden"
MINUTES = "Referat"
PUBLIC_EDITION = "Offentlig udgave"
CHAIR_EDITION = "Formandens eksemplar"
CONTENTS_HEADING = "Indholdsfortegnelse"
EMPTY_SECTION = "."
ATTACHMENTS = "Bilag"
ATTACHMENT_NUMBER = "Bilag {number}:"  # before each attachment's title

MEETING_LABEL = "Møde"
MEETING_TIME_LABEL = "Mødetidspunkt"
LOCATION_LABEL = "Mødested"
ENDED_LABEL = "Protokollen blev læst og mødet hævet kl."
PRESENT_LABEL = "Tilstede"
ABSENT_LABEL = "Fraværende"
OTHERS_PRESENT_LABEL = "Desuden deltog"
EDITION_LABEL = "Udgave"
SUBSTITUTE = "stedfortræder"

NOT_PRESENT_LABEL = "Ikke til stede under punktet"
ABSENCE_REASONS: dict[AbsenceReason, str] = {
    AbsenceReason.DISQUALIFIED: "inhabil",
    AbsenceReason.LEFT: "forlod mødet",
    AbsenceReason.ARRIVED_LATE: "ankom efter punktets behandling",
}
VOTE_LABELS: dict[VoteSide, str] = {
    VoteSide.FOR: "For stemte",
    VoteSide.AGAINST: "Imod stemte",
    VoteSide.ABSTAIN: "Undlod at stemme",
}
DISSENT_LABEL = "Protokolbemærkning"
RESERVATION = "tog forbehold"  # "Søren Holm tog forbehold: …"
WITHHELD = "ikke offentlig"

PLANNED_LABEL = "Planlagt"
PRESENTER_LABEL = "Fremlægges af"
CHAIR_NOTES_LABEL = "Interne noter:"

CORRECTIONS_HEADING = "Rettelser efter godkendelsen"
SIGNATURES_HEADING = "Underskrifter"
SIGNATURE_NAME = "Navn"  # the signature sheet's columns
SIGNATURE_COLUMN = "Underskrift"
WITHHELD_CORRECTION = "(rettelse til et lukket punkt; ikke offentlig)"

# --- the audit log --------------------------------------------------------------------------

ITEM = "punkt"
MEETING = "møde"
ATTACHMENT = "bilag"
ADDED = "tilføjet"
REMOVED = "fjernet"
MOVED = "flyttet"
PLACE = "plads"

# An item's fields other than its sections (whose names are their labels).
ITEM_FIELD_NAMES = {
    "title": "titel",
    "public_title": "offentlig titel",
    "closed": "åben/lukket",
    "case_id": "sags-ID",
    "presenter": "fremlægger",
    "planned_start": "planlagt start",
    "duration_minutes": "varighed (minutter)",
    "chair_notes": "interne noter",
    "position": "nummer",
}
MEETING_FIELD_NAMES = {
    "date": "dato",
    "starts_at": "starttidspunkt",
    "ends_at": "sluttidspunkt",
    "location": "mødested",
    "title": "mødetitel",
    "ended_at": "mødet hævet",
    "first_number": "første punktnummer",
}
ATTACHMENT_FIELD_NAMES = {"title": "titel", "public": "offentligt"}
OPEN, CLOSED = "åben", "lukket"
YES, NO = "ja", "nej"

# What a row of a sent meeting's lists is called when it comes, goes or moves.
ROW_NAMES = {
    "items": ITEM,
    "attachments": ATTACHMENT,
    "attendance": "fremmøde",
    "item_absences": "ikke til stede",
    "dissents": "protokolbemærkning",
    "votes": "stemme",
    "item_reservations": "forbehold",
}
ATTENDANCE_STATUSES: dict[AttendanceStatus, str] = {
    AttendanceStatus.PRESENT: "til stede",
    AttendanceStatus.ABSENT: "fraværende",
    AttendanceStatus.EXCUSED: "afbud",
}
VOTE_SIDES: dict[VoteSide, str] = {
    VoteSide.FOR: "for",
    VoteSide.AGAINST: "imod",
    VoteSide.ABSTAIN: "undlod",
}
MEETING_DELETED = "møde slettet"
MEETING_RESTORED = "møde gendannet"
