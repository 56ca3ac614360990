<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="24"/>
        <source>unknown (not installed)</source>
        <translation>ukendt (ikke installeret)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="66"/>
        <source>Meeting secretary %1

Agendas and minutes for committee secretaries.

Licence: %4
Archive: %2
Log: %3</source>
        <translation>Mødesekretær %1

Dagsordener og referater for udvalgssekretærer.

Licens: %4
Arkiv: %2
Log: %3</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="71"/>
        <source>not declared by the owners</source>
        <translation>ikke angivet af ejerne</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="81"/>
        <source>The program is built with:</source>
        <translation>Programmet er bygget med:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="82"/>
        <source>licence not stated</source>
        <translation>licens ikke oplyst</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="90"/>
        <source>About Meeting secretary</source>
        <translation>Om Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/about_box.py" line="96"/>
        <source>Open the archive&apos;s &amp;folder</source>
        <translation>Åbn arkivets &amp;mappe</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="79"/>
        <source>Not present during this item</source>
        <translation>Ikke til stede under punktet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="88"/>
        <source>&amp;Member</source>
        <translation>&amp;Medlem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="89"/>
        <source>&amp;Reason</source>
        <translation>Å&amp;rsag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="90"/>
        <source>&amp;Note</source>
        <translation>&amp;Bemærkning</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="124"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="124"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="131"/>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="149"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="150"/>
        <location filename="../../secretary_app/ui/agenda_model.py" line="161"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="151"/>
        <source>Access</source>
        <comment>the header over Open/Closed; short, the column is narrow</comment>
        <translation>Adgang</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="160"/>
        <source>Item number</source>
        <translation>Punktnummer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="162"/>
        <source>Open/Closed</source>
        <translation>Åben/Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="165"/>
        <source>Planned start and duration</source>
        <translation>Planlagt start og varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="152"/>
        <location filename="../../secretary_app/ui/agenda_model.py" line="163"/>
        <source>Case ID</source>
        <translation>Sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="153"/>
        <location filename="../../secretary_app/ui/agenda_model.py" line="164"/>
        <source>Presenter</source>
        <translation>Fremlægger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="154"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
</context>
<context>
    <name>AgendaProgressModel</name>
    <message>
        <location filename="../../secretary_app/ui/agenda_progress_model.py" line="73"/>
        <source>decided</source>
        <translation>behandlet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_progress_model.py" line="74"/>
        <source>now</source>
        <translation>behandles nu</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_progress_model.py" line="75"/>
        <source>to come</source>
        <translation>endnu ikke behandlet</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../secretary_app/ui/agenda_view.py" line="182"/>
        <source>No room at this width: widen the window to see it</source>
        <translation>Ingen plads i denne bredde: gør vinduet bredere for at se den</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_view.py" line="185"/>
        <source>Fit the columns to their content</source>
        <translation>Tilpas kolonnerne til indholdet</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="64"/>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="94"/>
        <source>Approve the minutes</source>
        <translation>Godkend referatet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="68"/>
        <source>After approval the minutes cannot be changed; corrections are added, dated.</source>
        <translation>Efter godkendelsen kan referatet ikke ændres; rettelser tilføjes med dato.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="72"/>
        <source>Members who approved</source>
        <translation>Medlemmer, der godkendte</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="79"/>
        <source>Others who approved</source>
        <translation>Andre, der godkendte</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="81"/>
        <source>O&amp;thers (separated by commas)</source>
        <translation>&amp;Andre (adskilt med komma)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="87"/>
        <source>Approved on</source>
        <translation>Godkendt den</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="88"/>
        <source>Approved &amp;on</source>
        <translation>Godkendt &amp;den</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="89"/>
        <source>Approved by</source>
        <translation>Godkendt af</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="102"/>
        <source>Before approval</source>
        <translation>Før godkendelsen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="110"/>
        <source>All is ready</source>
        <translation>Alt er klar</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="117"/>
        <source>Still missing from the minutes (you can approve them all the same):</source>
        <translation>Mangler stadig i referatet (du kan godkende alligevel):</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="119"/>
        <source>Before approval:</source>
        <translation>Før godkendelsen:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="131"/>
        <source>Tick or name who approved the minutes.</source>
        <translation>Sæt flueben ved eller skriv, hvem der godkendte referatet.</translation>
    </message>
</context>
<context>
    <name>ArchiveSession</name>
    <message>
        <location filename="../../secretary_app/ui/archive_session.py" line="99"/>
        <source>%1

Restore the newest good backup, from %2, now?</source>
        <translation>%1

Vil du gendanne den nyeste gode sikkerhedskopi, fra %2, nu?</translation>
    </message>
</context>
<context>
    <name>AttachmentEdits</name>
    <message>
        <location filename="../../secretary_app/ui/attachment_edits.py" line="38"/>
        <location filename="../../secretary_app/ui/commands.py" line="212"/>
        <source>Add attachment</source>
        <translation>Tilføj bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachment_edits.py" line="41"/>
        <source>Add attachments</source>
        <translation>Tilføj bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="233"/>
        <source>Delete attachment</source>
        <translation>Slet bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="253"/>
        <source>Change attachment</source>
        <translation>Ret bilag</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="58"/>
        <location filename="../../secretary_app/ui/attachments_model.py" line="93"/>
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="58"/>
        <source>Not public</source>
        <translation>Ikke offentlig</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="93"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="93"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="93"/>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="31"/>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="32"/>
        <source>Absent (fraværende)</source>
        <translation>Fraværende</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="35"/>
        <source>Excused (afbud)</source>
        <translation>Afbud</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="51"/>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="54"/>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="94"/>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="70"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="70"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="70"/>
        <source>Substitute</source>
        <translation>Stedfortræder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="78"/>
        <source>Status of %1</source>
        <translation>Status for %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="79"/>
        <source>Substitute for %1</source>
        <translation>Stedfortræder for %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="80"/>
        <source>Substitute (stedfortræder)</source>
        <translation>Stedfortræder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="87"/>
        <source>The committee has no members yet.</source>
        <translation>Udvalget har endnu ingen medlemmer.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="112"/>
        <source>&amp;Guests present (one a line)</source>
        <translation>&amp;Gæster til stede (én pr. linje)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attendance_dialog.py" line="114"/>
        <source>&amp;Officials present (one a line)</source>
        <translation>&amp;Embedsmænd til stede (én pr. linje)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="195"/>
        <source>Changes after the agenda was sent</source>
        <translation>Ændringer efter udsendelse af dagsordenen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="198"/>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="198"/>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="198"/>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="198"/>
        <source>Old</source>
        <translation>Før</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="198"/>
        <source>New</source>
        <translation>Efter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="207"/>
        <source>Audit log</source>
        <translation>Ændringslog</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="213"/>
        <source>No changes since the agenda was sent.</source>
        <translation>Ingen ændringer, siden dagsordenen blev udsendt.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="43"/>
        <source>Taken</source>
        <translation>Taget</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="43"/>
        <source>Kind</source>
        <translation>Slags</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="43"/>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
</context>
<context>
    <name>CommitteeDialog</name>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="60"/>
        <source>Chair (formand)</source>
        <translation>Formand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="61"/>
        <source>Vice chair (næstformand)</source>
        <translation>Næstformand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="64"/>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="65"/>
        <source>Citizen member</source>
        <translation>Borgerrepræsentant</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="66"/>
        <source>Official</source>
        <translation>Embedsmand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="116"/>
        <source>Committee</source>
        <translation>Udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="141"/>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="216"/>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="240"/>
        <source>Standing items (every new meeting gets them)</source>
        <translation>Stående punkter (kommer på hvert nyt møde)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="164"/>
        <source>Standing committee</source>
        <translation>Stående udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="119"/>
        <source>&amp;Committee</source>
        <translation>&amp;Udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="121"/>
        <source>&amp;Agenda</source>
        <translation>&amp;Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="124"/>
        <source>Item &amp;layout</source>
        <translation>Punkt&amp;opbygning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="165"/>
        <source>Task committee (opgaveudvalg)</source>
        <translation>Opgaveudvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="172"/>
        <source>Each meeting from 1</source>
        <translation>Fra 1 på hvert møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="173"/>
        <source>On from the previous meeting</source>
        <translation>Fortløbende fra forrige møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="176"/>
        <source>The template for all committees</source>
        <translation>Den fælles skabelon</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="179"/>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="180"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="181"/>
        <source>Starts on</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="182"/>
        <source>Ends on</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="183"/>
        <source>Default meeting &amp;place</source>
        <translation>Fast &amp;mødested</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="184"/>
        <source>Item n&amp;umbering</source>
        <translation>&amp;Punktnummerering</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="185"/>
        <source>Word template</source>
        <translation>Word-skabelon</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="211"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="211"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="211"/>
        <source>Party or organisation</source>
        <translation>Parti eller organisation</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="246"/>
        <source>Decision phrases (Alt+1 … Alt+9 in meeting mode)</source>
        <translation>Standardbeslutninger (Alt+1 … Alt+9 i mødetilstand)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="254"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="254"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="258"/>
        <source>Standing items</source>
        <translation>Stående punkter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="288"/>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="289"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="304"/>
        <source>The committee needs a name.</source>
        <translation>Udvalget skal have et navn.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="309"/>
        <source>The item layout: %1</source>
        <translation>Punktopbygningen: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="316"/>
        <source>The committee cannot end before it starts.</source>
        <translation>Udvalget kan ikke slutte, før det starter.</translation>
    </message>
</context>
<context>
    <name>CommitteeTreeModel</name>
    <message>
        <location filename="../../secretary_app/ui/committee_tree_model.py" line="168"/>
        <source>%1 (task committee)</source>
        <translation>%1 (opgaveudvalg)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_tree_model.py" line="176"/>
        <source>Stage</source>
        <translation>Stade</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_tree_model.py" line="176"/>
        <source>Committee or meeting</source>
        <translation>Udvalg eller møde</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="151"/>
        <source>Add a correction</source>
        <translation>Tilføj en rettelse</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="154"/>
        <source>The minutes as a whole</source>
        <translation>Referatet som helhed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="161"/>
        <source>&amp;Where</source>
        <translation>&amp;Hvor</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="162"/>
        <source>&amp;Correction</source>
        <translation>&amp;Rettelse</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="163"/>
        <source>&amp;Reason</source>
        <translation>&amp;Begrundelse</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/approval_dialogs.py" line="175"/>
        <source>A correction needs its text and its reason.</source>
        <translation>En rettelse skal have en tekst og en begrundelse.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../secretary_app/ui/date_fields.py" line="248"/>
        <source>The date cannot be before %1.</source>
        <translation>Datoen kan ikke være før %1.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/date_fields.py" line="251"/>
        <source>The date cannot be after %1.</source>
        <translation>Datoen kan ikke være efter %1.</translation>
    </message>
</context>
<context>
    <name>DissentDialog</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="113"/>
        <source>Dissent note</source>
        <translation>Protokolbemærkning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="118"/>
        <source>What the member wants in the minutes</source>
        <translation>Det, medlemmet ønsker tilført protokollen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="119"/>
        <source>&amp;Member</source>
        <translation>&amp;Medlem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="120"/>
        <source>&amp;Text</source>
        <translation>&amp;Tekst</translation>
    </message>
</context>
<context>
    <name>DocumentOutput</name>
    <message>
        <location filename="../../secretary_app/ui/document_output.py" line="79"/>
        <source>%1; Word fills in the page numbers of the contents when it opens</source>
        <translation>%1; Word udfylder indholdsfortegnelsens sidetal, når det åbner dokumentet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/document_output.py" line="117"/>
        <source>%1 is laying out the document…</source>
        <translation>%1 sætter dokumentet op…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/document_output.py" line="120"/>
        <source>Made with %1 from the Word document in the template.</source>
        <translation>Lavet med %1 ud fra Word-dokumentet i skabelonen.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/document_output.py" line="124"/>
        <source>Made with the program&apos;s own writer (neither Word nor LibreOffice was used): the template&apos;s page size, margins and fonts, but not its letterhead, and with no tags for screen readers.</source>
        <translation>Lavet med programmets egen skriver (hverken Word eller LibreOffice blev brugt): skabelonens sidestørrelse, margener og skrifter, men ikke dens brevhoved, og uden tags til skærmlæsere.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/document_output.py" line="131"/>
        <source>it is the archive itself, or one of its files</source>
        <translation>det er arkivet selv eller en af dets filer</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="43"/>
        <source>Agenda and minutes</source>
        <translation>Dagsorden og referat</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="46"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="46"/>
        <source>&amp;Agenda</source>
        <translation>&amp;Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="46"/>
        <source>&amp;Minutes</source>
        <translation>&amp;Referat</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="50"/>
        <source>Edition</source>
        <translation>Udgave</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="52"/>
        <source>&amp;Full edition</source>
        <translation>&amp;Fuld udgave</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="53"/>
        <source>P&amp;ublic edition</source>
        <translation>&amp;Offentlig udgave</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="54"/>
        <source>&amp;Chair&apos;s copy (agenda with times and internal notes)</source>
        <translation>Formandens &amp;eksemplar (dagsorden med tidspunkter og interne noter)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="59"/>
        <source>the default template</source>
        <translation>standardskabelonen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="60"/>
        <source>Word template: %1</source>
        <translation>Word-skabelon: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="69"/>
        <source>PDF and printout: the program&apos;s own writer (neither Word nor LibreOffice is used; choose in Settings)</source>
        <translation>PDF og udskrift: programmets egen skriver (hverken Word eller LibreOffice bruges; vælg under Indstillinger)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="72"/>
        <source>PDF and printout: made by %1 from the Word document</source>
        <translation>PDF og udskrift: lavet af %1 ud fra Word-dokumentet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="90"/>
        <source>Save as &amp;Word…</source>
        <translation>Gem som &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="91"/>
        <source>Save as &amp;PDF…</source>
        <translation>Gem som &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="92"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Vis udskrift…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="93"/>
        <source>P&amp;rint…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="94"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="114"/>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokumenter (*.docx)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="117"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="124"/>
        <source>Save as</source>
        <translation>Gem som</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="138"/>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="195"/>
        <source>The default template</source>
        <translation>Standardskabelonen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="145"/>
        <source>%1 could not be written: %2. Nothing was saved.</source>
        <translation>%1 kunne ikke gemmes: %2. Intet blev gemt.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="161"/>
        <source>the file was not written completely (is the disk full?)</source>
        <translation>filen blev ikke skrevet færdig (er disken fuld?)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="163"/>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="164"/>
        <source>the disk is full</source>
        <translation>disken er fuld</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="165"/>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="166"/>
        <source>access denied; if the document is open in Word, close it</source>
        <translation>adgang nægtet; hvis dokumentet er åbent i Word, så luk det</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="167"/>
        <source>the drive is read-only</source>
        <translation>drevet er skrivebeskyttet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="168"/>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="169"/>
        <source>the folder does not exist</source>
        <translation>mappen findes ikke</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="170"/>
        <source>it is a folder, not a file</source>
        <translation>det er en mappe, ikke en fil</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="171"/>
        <source>the name is too long</source>
        <translation>navnet er for langt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="172"/>
        <source>the drive could not be read or written</source>
        <translation>drevet kunne ikke læses eller skrives</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="200"/>
        <source>The document could not be made ready: %1</source>
        <translation>Dokumentet kunne ikke gøres klar: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/documents_dialog.py" line="150"/>
        <source>Saved %1</source>
        <translation>Gemt som %1</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../secretary_app/ui/edit_session.py" line="123"/>
        <source>%1 failed%2: %3. Nothing was changed.</source>
        <translation>%1 mislykkedes%2: %3. Intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/edit_session.py" line="129"/>
        <source>the disk is full</source>
        <translation>disken er fuld</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../secretary_app/ui/guide.py" line="24"/>
        <source>Guide</source>
        <translation>Vejledning</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="87"/>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="122"/>
        <source>Internal notes (only in the chair&apos;s copy)</source>
        <translation>Interne noter (kun i formandens eksemplar)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="133"/>
        <source>&amp;Title</source>
        <translation>Tit&amp;el</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="135"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="135"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="137"/>
        <source>&amp;Open/closed</source>
        <translation>Åben/&amp;lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="138"/>
        <source>Pu&amp;blic title</source>
        <translation>Offentlig &amp;titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="139"/>
        <source>Empty: the public editions show the title</source>
        <translation>Tom: de offentlige udgaver viser titlen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="141"/>
        <source>What the public agenda and minutes show instead of the title of a closed item</source>
        <translation>Det, den offentlige dagsorden og det offentlige referat viser i stedet for titlen på et lukket punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="143"/>
        <source>&amp;Case ID</source>
        <translation>&amp;Sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="149"/>
        <source>&amp;Presenter</source>
        <translation>Fremlæ&amp;gger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="151"/>
        <source>Planned &amp;start</source>
        <translation>&amp;Planlagt start</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="161"/>
        <source>At</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="162"/>
        <source>Has a planned start</source>
        <translation>Har et planlagt starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="165"/>
        <source>Planned start</source>
        <translation>Planlagt starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="169"/>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="170"/>
        <source>no duration</source>
        <translation>ingen varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="171"/>
        <source>Duration in minutes</source>
        <translation>Varighed i minutter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="154"/>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="184"/>
        <source>Attachments (Bilag)</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="192"/>
        <source>Attachments</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="203"/>
        <source>&amp;Add attachment…</source>
        <translation>Tilføj &amp;bilag…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="204"/>
        <source>Open</source>
        <comment>attachment</comment>
        <translation>Åbn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="205"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="103"/>
        <location filename="../../secretary_app/ui/item_editor.py" line="433"/>
        <source>No item chosen</source>
        <translation>Intet punkt valgt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="305"/>
        <source>Filled from earlier decisions on the same case ID</source>
        <translation>Udfyldes med tidligere beslutninger på samme sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="306"/>
        <source>The decision, written at the meeting</source>
        <translation>Beslutningen, skrevet på mødet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="312"/>
        <source>Only in the agenda</source>
        <translation>Kun på dagsordenen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="312"/>
        <source>Only in the minutes</source>
        <translation>Kun i referatet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="438"/>
        <source>Item %1</source>
        <translation>Punkt %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="539"/>
        <source>Copying attachments…</source>
        <translation>Kopierer bilag…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="558"/>
        <source>Open attachment</source>
        <translation>Åbn bilag</translation>
    </message>
</context>
<context>
    <name>ItemEdits</name>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="72"/>
        <source>Add item</source>
        <translation>Tilføj punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="93"/>
        <source>Delete item</source>
        <translation>Slet punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="112"/>
        <source>Move item</source>
        <translation>Flyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="274"/>
        <source>Move to the next meeting</source>
        <translation>Flyt til næste møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="68"/>
        <source>New item</source>
        <translation>Nyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="111"/>
        <source>Edit %1</source>
        <translation>Ret %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="113"/>
        <source>Edit title</source>
        <translation>Ret titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="114"/>
        <source>Edit public title</source>
        <translation>Ret offentlig titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="115"/>
        <source>Change open/closed</source>
        <translation>Skift åben/lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="116"/>
        <source>Edit case ID</source>
        <translation>Ret sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="117"/>
        <source>Edit presenter</source>
        <translation>Ret fremlægger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="118"/>
        <source>Edit planned start</source>
        <translation>Ret planlagt starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="119"/>
        <source>Edit duration</source>
        <translation>Ret varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="120"/>
        <source>Edit internal notes</source>
        <translation>Ret interne noter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_edits.py" line="122"/>
        <source>Edit item</source>
        <translation>Ret punkt</translation>
    </message>
</context>
<context>
    <name>ItemRecords</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="24"/>
        <source>disqualified (inhabil)</source>
        <translation>inhabil</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="27"/>
        <source>left the meeting</source>
        <translation>forlod mødet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="28"/>
        <source>arrived late</source>
        <translation>ankom efter punktets behandling</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="34"/>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="35"/>
        <source>Against</source>
        <translation>Imod</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="36"/>
        <source>Abstaining</source>
        <translation>Undlod at stemme</translation>
    </message>
</context>
<context>
    <name>ItemRecordsEditor</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="54"/>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="66"/>
        <source>Not present, dissent notes, votes and reservations</source>
        <translation>Ikke til stede, protokolbemærkninger, afstemning og forbehold</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="71"/>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="89"/>
        <source>Remove from the item</source>
        <translation>Fjern fra punktet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="82"/>
        <source>Not present…</source>
        <translation>Ikke til stede…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="83"/>
        <source>Dissent…</source>
        <translation>Protokolbemærkning…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="84"/>
        <source>Votes…</source>
        <translation>Afstemning…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_editor.py" line="86"/>
        <source>Reservation…</source>
        <translation>Forbehold…</translation>
    </message>
</context>
<context>
    <name>ItemRecordsModel</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="89"/>
        <source>Not present: %1, %2</source>
        <translation>Ikke til stede: %1, %2</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="94"/>
        <source>Dissent note, %1: %2</source>
        <translation>Protokolbemærkning, %1: %2</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_model.py" line="98"/>
        <source>Reservation: %1</source>
        <translation>Forbehold: %1</translation>
    </message>
</context>
<context>
    <name>LayoutEditor</name>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="44"/>
        <source>Change layout</source>
        <translation>Ret punktopbygning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="66"/>
        <location filename="../../secretary_app/ui/layout_editor.py" line="246"/>
        <source>Add section</source>
        <translation>Tilføj afsnit</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="79"/>
        <source>Remove section</source>
        <translation>Fjern afsnit</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="95"/>
        <source>Move section</source>
        <translation>Flyt afsnit</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="108"/>
        <source>Change section</source>
        <translation>Ret afsnit</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="129"/>
        <source>Start from %1</source>
        <translation>Start fra %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="147"/>
        <source>Save layout as %1</source>
        <translation>Gem punktopbygning som %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_commands.py" line="167"/>
        <source>Delete layout %1</source>
        <translation>Slet punktopbygningen %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="137"/>
        <source>Start from</source>
        <translation>Start fra</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="142"/>
        <source>Use</source>
        <translation>Brug</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="143"/>
        <source>Save as…</source>
        <translation>Gem som…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="144"/>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="145"/>
        <source>Delete the chosen saved layout</source>
        <translation>Slet den valgte gemte punktopbygning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="148"/>
        <source>Start from:</source>
        <translation>Start fra:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="193"/>
        <location filename="../../secretary_app/ui/layout_editor.py" line="212"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="224"/>
        <location filename="../../secretary_app/ui/layout_editor.py" line="565"/>
        <location filename="../../secretary_app/ui/layout_editor.py" line="566"/>
        <source>Sections</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="247"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="248"/>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="249"/>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="260"/>
        <source>Preview</source>
        <translation>Eksempel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="265"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="267"/>
        <source>Example item:</source>
        <translation>Eksempel på et punkt:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="286"/>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="288"/>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="456"/>
        <source>The section &quot;%1&quot; holds text in %2 items of meetings not yet approved, and no other section can take it. Add a text section first.</source>
        <translation>Afsnittet &quot;%1&quot; har tekst i %2 punkt(er) på møder, der endnu ikke er godkendt, og intet andet afsnit kan tage teksten. Tilføj først et tekstafsnit.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="515"/>
        <source>Save layout</source>
        <translation>Gem punktopbygning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="515"/>
        <source>Name of the layout:</source>
        <translation>Punktopbygningens navn:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="559"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="560"/>
        <source>Item heading</source>
        <translation>Punktoverskrift</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="561"/>
        <source>Case ID label</source>
        <translation>Betegnelse for sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="562"/>
        <source>Open item</source>
        <translation>Åbent punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="563"/>
        <source>Closed item</source>
        <translation>Lukket punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="564"/>
        <source>Decision heading</source>
        <translation>Beslutningsoverskrift</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="575"/>
        <source>Section %1 (&quot;%2&quot;)</source>
        <translation>Afsnit %1 (&quot;%2&quot;)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="575"/>
        <source>Section %1</source>
        <translation>Afsnit %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="593"/>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="593"/>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="107"/>
        <source>Meeting secretary</source>
        <translation>Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="122"/>
        <source>Archive: %1</source>
        <translation>Arkiv: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="182"/>
        <location filename="../../secretary_app/ui/main_window.py" line="186"/>
        <source>Committees and meetings</source>
        <translation>Udvalg og møder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="189"/>
        <source>New committee…</source>
        <translation>Nyt udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="190"/>
        <source>New meeting…</source>
        <translation>Nyt møde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="254"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="216"/>
        <source>Search the archive… (Ctrl+F)</source>
        <translation>Søg i arkivet… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="305"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="307"/>
        <source>New &amp;committee…</source>
        <translation>Nyt &amp;udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="310"/>
        <source>&amp;Edit committee…</source>
        <translation>&amp;Rediger udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="313"/>
        <source>New &amp;meeting…</source>
        <translation>Nyt &amp;møde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="317"/>
        <source>&amp;Load meeting from file…</source>
        <translation>&amp;Hent møde fra fil…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="321"/>
        <source>&amp;Find…</source>
        <translation>Sø&amp;g…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="323"/>
        <source>&amp;Delete meeting…</source>
        <translation>&amp;Slet møde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="327"/>
        <source>&amp;Agenda and minutes…</source>
        <translation>&amp;Dagsorden og referat…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="331"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="333"/>
        <source>&amp;Restore from a backup…</source>
        <translation>Ge&amp;ndan fra en sikkerhedskopi…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="336"/>
        <source>E&amp;xit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="337"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="339"/>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="341"/>
        <source>&amp;Redo</source>
        <translation>&amp;Annuller fortryd</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="346"/>
        <source>&amp;New item</source>
        <translation>&amp;Nyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="349"/>
        <source>&amp;Delete item</source>
        <translation>&amp;Slet punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="352"/>
        <source>Move item &amp;up</source>
        <translation>Flyt punkt &amp;op</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="355"/>
        <source>Move item d&amp;own</source>
        <translation>Flyt punkt ne&amp;d</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="359"/>
        <source>Move to ne&amp;xt meeting</source>
        <translation>Flyt til næste &amp;møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="363"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="365"/>
        <source>&amp;Guide</source>
        <translation>&amp;Vejledning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="367"/>
        <source>&amp;About</source>
        <translation>&amp;Om Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="521"/>
        <source>Choose the committee the meeting belongs to.</source>
        <translation>Vælg det udvalg, mødet hører til.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="559"/>
        <source>Approved minutes are kept; they cannot be deleted.</source>
        <translation>Et godkendt referat bevares; det kan ikke slettes.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="561"/>
        <source>Delete the meeting %1 and its whole agenda? Undo brings it back.</source>
        <translation>Slet mødet %1 og hele dets dagsorden? Fortryd henter det tilbage.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="568"/>
        <source>Choose a meeting first.</source>
        <translation>Vælg først et møde.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="590"/>
        <source>The item is moved to the meeting on %1 already. To move it again, undo the move (Ctrl+Z) or delete the item there.</source>
        <translation>Punktet er allerede flyttet til mødet den %1. Fortryd flytningen (Ctrl+Z) eller slet punktet der for at flytte det igen.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="598"/>
        <source>The committee has no meeting after this one. Create the next meeting first, then move the item.</source>
        <translation>Udvalget har intet møde efter dette. Opret først det næste møde, og flyt så punktet.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="603"/>
        <source>Moved to the meeting on %1.</source>
        <translation>Flyttet til mødet den %1.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="722"/>
        <source>The committees keep their item layouts.</source>
        <translation>Udvalgene beholder deres punktopbygninger.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="751"/>
        <source>Item deleted – Ctrl+Z undoes it</source>
        <translation>Punkt slettet – Ctrl+Z fortryder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="752"/>
        <source>Attachment deleted – Ctrl+Z undoes it</source>
        <translation>Bilag slettet – Ctrl+Z fortryder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="753"/>
        <source>Meeting deleted – Ctrl+Z undoes it</source>
        <translation>Møde slettet – Ctrl+Z fortryder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="760"/>
        <source>Saved in the archive at %1</source>
        <translation>Gemt i arkivet kl. %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="785"/>
        <source>%1 (read-only)</source>
        <translation>%1 (skrivebeskyttet)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="786"/>
        <source>Read-only: %1</source>
        <translation>Skrivebeskyttet: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="800"/>
        <source>The archive is on a network drive: it is used without WAL, and by one program at a time.</source>
        <translation>Arkivet ligger på et netværksdrev: det bruges uden WAL og af ét program ad gangen.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="806"/>
        <source>The archive is open in another window (%1). It is opened read-only here: you can read, print and export, not change anything.</source>
        <translation>Arkivet er åbent i et andet vindue (%1). Her åbnes det skrivebeskyttet: du kan læse, udskrive og eksportere, men ikke ændre noget.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="813"/>
        <source>the archive is damaged</source>
        <translation>arkivet er beskadiget</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="823"/>
        <source>Backup taken: %1</source>
        <translation>Sikkerhedskopi taget: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="826"/>
        <source>The daily backup could not be taken: %1</source>
        <translation>Dagens sikkerhedskopi kunne ikke tages: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="833"/>
        <source>another window has taken the archive over</source>
        <translation>et andet vindue har overtaget arkivet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="836"/>
        <source>This window can no longer change the archive: %1.</source>
        <translation>Dette vindue kan ikke længere ændre arkivet: %1.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="855"/>
        <source>Replace everything in the archive with the backup from %1? What the archive holds now is kept as a backup first.</source>
        <translation>Vil du erstatte alt i arkivet med sikkerhedskopien fra %1? Det, arkivet indeholder nu, gemmes først som en sikkerhedskopi.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="873"/>
        <source>The archive is busy in another program. What you type is kept and saved as soon as the archive is free.</source>
        <translation>Arkivet er optaget af et andet program. Det, du skriver, bliver holdt og gemt, så snart arkivet er ledigt.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="878"/>
        <source>The archive is free again; everything is saved.</source>
        <translation>Arkivet er ledigt igen; alt er gemt.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="886"/>
        <source>The archive is still busy in another program, and some of what you typed is not saved yet. Close anyway and lose it?</source>
        <translation>Arkivet er stadig optaget af et andet program, og noget af det, du har skrevet, er ikke gemt endnu. Vil du lukke alligevel og miste det?</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="109"/>
        <source>Meet&amp;ing</source>
        <translation>&amp;Møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="111"/>
        <source>&amp;Meeting mode</source>
        <translation>&amp;Mødetilstand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="115"/>
        <source>&amp;Attendance…</source>
        <translation>&amp;Fremmøde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="118"/>
        <source>Meeting &amp;ended now</source>
        <translation>Mødet &amp;hævet nu</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="122"/>
        <source>&amp;Next item</source>
        <translation>&amp;Næste punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="125"/>
        <source>&amp;Previous item</source>
        <translation>Fo&amp;rrige punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="129"/>
        <source>Decision p&amp;hrases</source>
        <translation>Standard&amp;beslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="132"/>
        <source>&amp;Leave meeting mode</source>
        <translation>&amp;Luk mødetilstand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="139"/>
        <source>Not pre&amp;sent during this item…</source>
        <translation>Ikke til &amp;stede under punktet…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="144"/>
        <source>&amp;Dissent note…</source>
        <translation>&amp;Protokolbemærkning…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="147"/>
        <source>&amp;Votes…</source>
        <translation>&amp;Afstemning…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="150"/>
        <source>&amp;Reservation…</source>
        <translation>F&amp;orbehold…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="340"/>
        <source>The meeting of %1 is not today. At what time did it end?</source>
        <translation>Mødet den %1 er ikke i dag. Hvornår blev det hævet?</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="345"/>
        <source>Meeting ended</source>
        <translation>Mødet hævet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_actions.py" line="362"/>
        <source>The meeting was recorded as ended at %1. Record %2 instead?</source>
        <translation>Mødet er registreret som hævet kl. %1. Vil du registrere kl. %2 i stedet?</translation>
    </message>
</context>
<context>
    <name>MeetingEdits</name>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="187"/>
        <source>Change meeting</source>
        <translation>Ret møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="308"/>
        <source>New meeting</source>
        <translation>Nyt møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="326"/>
        <source>Delete meeting</source>
        <translation>Slet møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="357"/>
        <source>New committee</source>
        <translation>Nyt udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="359"/>
        <source>Change committee</source>
        <translation>Ret udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="390"/>
        <source>Item layout for new committees</source>
        <translation>Punktopbygning for nye udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="419"/>
        <source>Item layout for every committee</source>
        <translation>Punktopbygning for alle udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_edits.py" line="105"/>
        <source>The meeting cannot end at %1, before it starts at %2. Nothing was changed.</source>
        <translation>Mødet kan ikke slutte kl. %1, før det begynder kl. %2. Intet blev ændret.</translation>
    </message>
</context>
<context>
    <name>MeetingLoading</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_loading.py" line="60"/>
        <source>the archive: %1; nothing was added</source>
        <translation>arkivet: %1; intet blev tilføjet</translation>
    </message>
</context>
<context>
    <name>MeetingModeView</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="98"/>
        <source>Meeting mode</source>
        <translation>Mødetilstand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="153"/>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="155"/>
        <source>The item&apos;s texts</source>
        <translation>Punktets tekster</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="166"/>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="170"/>
        <source>Decision</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="175"/>
        <source>Decision in the whole pane (%1)</source>
        <translation>Beslutning i hele ruden (%1)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="204"/>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="208"/>
        <source>Time now</source>
        <translation>Klokken nu</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="236"/>
        <source>Agenda with progress</source>
        <translation>Dagsorden med fremdrift</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="243"/>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="253"/>
        <source>%1 next item, %2 previous. %3…9 a phrase. %4 not present, %5 dissent, %6 votes, %7 reservation. %8 leaves meeting mode.</source>
        <translation>%1 næste punkt, %2 forrige. %3…9 en standardformulering. %4 ikke til stede, %5 protokolbemærkning, %6 afstemning, %7 forbehold. %8 forlader mødetilstand.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="309"/>
        <source>No item chosen</source>
        <translation>Intet punkt valgt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="317"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="317"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_mode.py" line="383"/>
        <source>Phrase %1: %2</source>
        <translation>Standardbeslutning %1: %2</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="64"/>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="81"/>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="81"/>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="91"/>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="92"/>
        <source>Time</source>
        <translation>Mødetidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="90"/>
        <source>&amp;Meeting title</source>
        <translation>Mødet&amp;itel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="93"/>
        <source>P&amp;lace</source>
        <translation>Mødes&amp;ted</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="94"/>
        <source>Starts at</source>
        <translation>Starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="95"/>
        <source>Ends at</source>
        <translation>Sluttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="104"/>
        <source>&amp;New item</source>
        <translation>&amp;Nyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="105"/>
        <source>Delete item</source>
        <translation>Slet punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="106"/>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="107"/>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="176"/>
        <source>No meeting chosen</source>
        <translation>Intet møde valgt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="178"/>
        <source>Choose a meeting, or make one with New meeting… (Ctrl+Shift+N).</source>
        <translation>Vælg et møde, eller opret et med Nyt møde… (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="188"/>
        <source>Meeting in %1</source>
        <translation>Møde i %1</translation>
    </message>
</context>
<context>
    <name>MeetingTexts</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="22"/>
        <source>Meeting ended at %1</source>
        <translation>Mødet hævet kl. %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="31"/>
        <source>On time</source>
        <translation>Til tiden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="33"/>
        <source>%1 min. ahead</source>
        <translation>%1 min. foran</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="35"/>
        <source>%1 min. behind</source>
        <translation>%1 min. bagud</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="44"/>
        <source>planned %1</source>
        <translation>planlagt %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="50"/>
        <source>Attendance not recorded</source>
        <translation>Fremmøde ikke registreret</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="53"/>
        <source>%1 present</source>
        <translation>%1 til stede</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="54"/>
        <source>%1 absent</source>
        <translation>%1 fraværende</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_texts.py" line="55"/>
        <source>%1 excused</source>
        <translation>%1 afbud</translation>
    </message>
</context>
<context>
    <name>MinutesRecorder</name>
    <message>
        <location filename="../../secretary_app/ui/minutes_recorder.py" line="115"/>
        <source>Change who was not present during the item</source>
        <translation>Ret hvem der ikke var til stede under punktet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/minutes_recorder.py" line="116"/>
        <source>Change dissent notes</source>
        <translation>Ret protokolbemærkninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/minutes_recorder.py" line="117"/>
        <source>Change votes</source>
        <translation>Ret afstemning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/minutes_recorder.py" line="118"/>
        <source>Change reservations</source>
        <translation>Ret forbehold</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_commands.py" line="36"/>
        <source>Change attendance</source>
        <translation>Ret fremmøde</translation>
    </message>
</context>
<context>
    <name>NewMeetingDialog</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="33"/>
        <source>New meeting in %1</source>
        <translation>Nyt møde i %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="51"/>
        <source>The committee&apos;s standing items</source>
        <translation>Udvalgets stående punkter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="52"/>
        <source>An empty agenda</source>
        <translation>En tom dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="54"/>
        <source>The agenda of %1</source>
        <translation>Dagsordenen fra %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="57"/>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="58"/>
        <source>&amp;Starts at</source>
        <translation>&amp;Begynder kl.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="59"/>
        <source>&amp;Ends at</source>
        <translation>&amp;Slutter kl.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="60"/>
        <source>&amp;Place</source>
        <translation>&amp;Mødested</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="61"/>
        <source>Agenda &amp;from</source>
        <translation>Dagsorden f&amp;ra</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="61"/>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="64"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom u&amp;d</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="67"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;ind</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="71"/>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="81"/>
        <source>1 page</source>
        <translation>1 side</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="81"/>
        <source>%1 pages</source>
        <translation>%1 sider</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/pdf_preview.py" line="92"/>
        <source>Page %1</source>
        <translation>Side %1</translation>
    </message>
</context>
<context>
    <name>PhraseListEditor</name>
    <message>
        <location filename="../../secretary_app/ui/phrase_list_editor.py" line="33"/>
        <source>Decision phrases</source>
        <translation>Standardbeslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/phrase_list_editor.py" line="47"/>
        <source>Add phrase</source>
        <translation>Tilføj beslutning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/phrase_list_editor.py" line="48"/>
        <source>Remove phrase</source>
        <translation>Fjern beslutning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/phrase_list_editor.py" line="49"/>
        <source>Up</source>
        <translation>Op</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/phrase_list_editor.py" line="50"/>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/phrase_list_editor.py" line="52"/>
        <source>Suggest from earlier decisions</source>
        <translation>Foreslå ud fra tidligere beslutninger</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="16"/>
        <source>Confirm</source>
        <translation>Bekræft</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="22"/>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="27"/>
        <source>Choose attachments</source>
        <translation>Vælg bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="40"/>
        <source>Word templates (*.docx *.dotx)</source>
        <translation>Word-skabeloner (*.docx *.dotx)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="43"/>
        <source>Choose the municipality&apos;s template</source>
        <translation>Vælg kommunens skabelon</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="51"/>
        <source>Meeting files (*.json)</source>
        <translation>Mødefiler (*.json)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="52"/>
        <source>Load meeting from file</source>
        <translation>Hent møde fra fil</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="62"/>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="65"/>
        <source>&amp;Open document</source>
        <translation>&amp;Åbn dokument</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="66"/>
        <source>Open &amp;folder</source>
        <translation>Åbn &amp;mappe</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="74"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="82"/>
        <source>The section &quot;%1&quot; holds text in %2 items of meetings not yet approved. Move the text into:</source>
        <translation>Afsnittet &quot;%1&quot; har tekst i %2 punkt(er) på møder, der endnu ikke er godkendt. Flyt teksten til:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="88"/>
        <source>Move text</source>
        <translation>Flyt tekst</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="115"/>
        <source>Unexpected error</source>
        <translation>Uventet fejl</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="125"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="127"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Kopiér detaljer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/prompts.py" line="130"/>
        <source>Copied</source>
        <translation>Kopieret</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="40"/>
        <source>Min&amp;utes</source>
        <translation>Refer&amp;at</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="42"/>
        <source>Mark the agenda as &amp;sent</source>
        <translation>Markér dagsordenen som &amp;udsendt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="43"/>
        <source>&amp;Approve the minutes…</source>
        <translation>&amp;Godkend referatet…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="44"/>
        <source>Add a &amp;correction…</source>
        <translation>Tilføj en &amp;rettelse…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="45"/>
        <source>Changes after &amp;sending…</source>
        <translation>Ændringer &amp;efter udsendelse…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="94"/>
        <source>These minutes are not what was approved: %1. They were changed outside the program; their documents are not stamped approved.</source>
        <translation>Referatet er ikke det, der blev godkendt: %1. Det er ændret uden om programmet; dets dokumenter stemples ikke som godkendt.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="97"/>
        <source>Changed after approval</source>
        <translation>Ændret efter godkendelsen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="103"/>
        <source>The archive&apos;s record was changed outside the program: %1. Ask your IT department to restore a backup, and run &apos;secretary-app verify&apos;.</source>
        <translation>Arkivets protokol er ændret uden om programmet: %1. Bed jeres IT-afdeling om at gendanne en sikkerhedskopi, og kør &apos;secretary-app verify&apos;.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="131"/>
        <source>Mark the agenda as sent?

From now on every change to the agenda is written in the audit log (Minutes → Changes after sending). Ctrl+Z takes the marking back until the next change.</source>
        <translation>Markér dagsordenen som udsendt?

Fra nu af skrives hver ændring af dagsordenen i ændringsloggen (Referat → Ændringer efter udsendelse). Ctrl+Z fortryder markeringen indtil næste ændring.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="138"/>
        <source>The agenda is marked as sent: every change is written in the audit log from now on. Ctrl+Z takes the marking back.</source>
        <translation>Dagsordenen er markeret som udsendt: hver ændring skrives nu i ændringsloggen. Ctrl+Z fortryder markeringen.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="154"/>
        <source>These minutes are approved already.</source>
        <translation>Referatet er allerede godkendt.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/record_actions.py" line="206"/>
        <source>The correction was added to the minutes.</source>
        <translation>Rettelsen er tilføjet referatet.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/stage_commands.py" line="24"/>
        <source>Mark the agenda as sent</source>
        <translation>Markér dagsordenen som udsendt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/stage_commands.py" line="45"/>
        <source>The agenda stays marked as sent: changes to the meeting have been written in the audit log since it was marked.</source>
        <translation>Dagsordenen forbliver markeret som udsendt: der er skrevet ændringer af mødet i ændringsloggen, siden den blev markeret.</translation>
    </message>
</context>
<context>
    <name>ReservationDialog</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="145"/>
        <source>Reservation</source>
        <translation>Forbehold</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="150"/>
        <source>What the reservation concerns (may be left empty)</source>
        <translation>Hvad forbeholdet gælder (kan være tomt)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="151"/>
        <source>&amp;Member</source>
        <translation>&amp;Medlem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="152"/>
        <source>&amp;Text</source>
        <translation>&amp;Tekst</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="73"/>
        <source>Restore from a backup</source>
        <translation>Gendan fra en sikkerhedskopi</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="81"/>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="86"/>
        <source>The archive gets the content of the backup you choose. What it holds now is kept as a backup first, so a restore can be undone by restoring that one.</source>
        <translation>Arkivet får indholdet fra den sikkerhedskopi, du vælger. Det, det indeholder nu, gemmes først som en sikkerhedskopi, så en gendannelse kan fortrydes ved at gendanne den.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="93"/>
        <source>&amp;Restore</source>
        <translation>&amp;Gendan</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="114"/>
        <source>There are no backups yet.</source>
        <translation>Der er ingen sikkerhedskopier endnu.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="116"/>
        <source>This backup cannot be restored: %1.</source>
        <translation>Denne sikkerhedskopi kan ikke gendannes: %1.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="126"/>
        <source>%1 committees, %2 meetings (%3 approved)</source>
        <translation>%1 udvalg, %2 møder (%3 godkendte)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/restore_dialog.py" line="130"/>
        <source>; the newest meeting %1</source>
        <translation>; det nyeste møde %1</translation>
    </message>
</context>
<context>
    <name>RichTextEdit</name>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="119"/>
        <source>Formatting for %1</source>
        <translation>Formatering af %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="154"/>
        <source>A table inside a table is kept as text: one line per row, the cells separated by |.</source>
        <translation>En tabel i en tabel bevares som tekst: én linje pr. række, cellerne adskilt af |.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="159"/>
        <source>Merged cells are split: the text stays in the first cell.</source>
        <translation>Flettede celler deles op: teksten står i den første celle.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="188"/>
        <source>Bold</source>
        <translation>Fed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="188"/>
        <source>B</source>
        <comment>bold button</comment>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="191"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="192"/>
        <source>I</source>
        <comment>italic button</comment>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="197"/>
        <source>Underline</source>
        <translation>Understreget</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="198"/>
        <source>U</source>
        <comment>underline button</comment>
        <translation>U</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="206"/>
        <source>Bulleted list</source>
        <translation>Punktopstilling</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="209"/>
        <source>Numbered list</source>
        <translation>Nummereret liste</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="214"/>
        <source>Indent list item</source>
        <translation>Ryk listepunkt ind</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="217"/>
        <source>Outdent list item</source>
        <translation>Ryk listepunkt ud</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="222"/>
        <source>Insert table</source>
        <translation>Indsæt tabel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="224"/>
        <source>Insert row below</source>
        <translation>Indsæt række under</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="225"/>
        <source>Insert column to the right</source>
        <translation>Indsæt kolonne til højre</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="226"/>
        <source>Delete row</source>
        <translation>Slet række</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="227"/>
        <source>Delete column</source>
        <translation>Slet kolonne</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <location filename="../../secretary_app/ui/search_model.py" line="82"/>
        <source>item %1</source>
        <translation>punkt %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_model.py" line="84"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="57"/>
        <source>Search titles, case IDs and texts…</source>
        <translation>Søg i titler, sags-id&apos;er og tekster…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="58"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="60"/>
        <source>Committee</source>
        <translation>Udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="61"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="62"/>
        <source>Open or closed</source>
        <translation>Åben eller lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="64"/>
        <source>Open and closed</source>
        <translation>Åbne og lukkede</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="65"/>
        <source>Open items</source>
        <translation>Åbne punkter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="66"/>
        <source>Closed items</source>
        <translation>Lukkede punkter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="70"/>
        <source>Number of hits</source>
        <translation>Antal resultater</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="86"/>
        <source>Search results</source>
        <translation>Søgeresultater</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="117"/>
        <source>All committees</source>
        <translation>Alle udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="120"/>
        <source>Any time</source>
        <translation>Når som helst</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="121"/>
        <source>Last 12 months</source>
        <translation>De seneste 12 måneder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="163"/>
        <source>No results</source>
        <translation>Ingen resultater</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="166"/>
        <source>The first %1 of more than %2 hits: type more words, or choose a filter</source>
        <translation>De første %1 af over %2 resultater: skriv flere ord, eller vælg et filter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="172"/>
        <source>The first %1 of %2 hits</source>
        <translation>De første %1 af %2 resultater</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="178"/>
        <source>%1 hits</source>
        <translation>%1 resultater</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/search_pane.py" line="179"/>
        <source>1 hit</source>
        <translation>1 resultat</translation>
    </message>
</context>
<context>
    <name>SectionsModel</name>
    <message>
        <location filename="../../secretary_app/ui/layout_editor.py" line="667"/>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="166"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="47"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="48"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="49"/>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="119"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="119"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="165"/>
        <source>Section</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="169"/>
        <source>Print when empty</source>
        <translation>Vis tom</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="167"/>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="168"/>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="174"/>
        <source>The section&apos;s heading as printed</source>
        <translation>Afsnittets overskrift, som den trykkes</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="175"/>
        <source>Text written before the meeting, earlier decisions, or the decision</source>
        <translation>Tekst skrevet før mødet, tidligere beslutninger eller beslutningen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="176"/>
        <source>Shown on the agenda</source>
        <translation>Vises på dagsordenen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="177"/>
        <source>Shown in the minutes</source>
        <translation>Vises i referatet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/layout_sections_model.py" line="178"/>
        <source>Printed with &quot;.&quot; when the item has no text there</source>
        <translation>Trykkes med &quot;.&quot; når punktet ingen tekst har her</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="55"/>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="58"/>
        <source>&amp;General</source>
        <translation>&amp;Generelt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="60"/>
        <source>Item &amp;layout</source>
        <translation>&amp;Punktopbygning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="70"/>
        <source>Use the default pattern</source>
        <translation>Brug standardmønsteret</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="72"/>
        <source>The default template</source>
        <translation>Standardskabelonen</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="75"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="76"/>
        <source>Case ID &amp;pattern</source>
        <translation>&amp;Mønster for sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="77"/>
        <source>Word template for all committees</source>
        <translation>Word-skabelon for alle udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="85"/>
        <source>PDF and printout &amp;made by</source>
        <translation>PDF og udskrift &amp;laves med</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="121"/>
        <source>Found: %1</source>
        <translation>Fundet: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="82"/>
        <source>A case ID that does not match only gets a warning.</source>
        <translation>Et sags ID, der ikke passer til mønsteret, giver kun en advarsel.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="94"/>
        <source>A new language is used from the next start.</source>
        <translation>Et nyt sprog bruges fra næste gang, programmet startes.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="106"/>
        <source>Word, or else LibreOffice (found automatically)</source>
        <translation>Word, ellers LibreOffice (findes automatisk)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="107"/>
        <source>Microsoft Word</source>
        <translation>Microsoft Word</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="108"/>
        <source>LibreOffice</source>
        <translation>LibreOffice</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="109"/>
        <source>The program&apos;s own writer (without the template&apos;s letterhead)</source>
        <translation>Programmets egen skriver (uden skabelonens brevhoved)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="123"/>
        <source>The PDF and the printout follow the template&apos;s page and fonts.</source>
        <translation>PDF og udskrift følger skabelonens side og skrifter.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="125"/>
        <source>Not found on this PC: the program&apos;s own writer is used, without the template&apos;s letterhead.</source>
        <translation>Ikke fundet på denne pc: programmets egen skriver bruges, uden skabelonens brevhoved.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="141"/>
        <source>The item layout new committees start with.</source>
        <translation>Den punktopbygning, nye udvalg starter med.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="145"/>
        <source>Use it for &amp;every committee now</source>
        <translation>Brug den for &amp;alle udvalg nu</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="148"/>
        <source>Every committee gets this layout; minutes already approved keep theirs. Edit → Undo takes it back.</source>
        <translation>Alle udvalg får denne punktopbygning; godkendte referater beholder deres. Rediger → Fortryd tager den tilbage.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="168"/>
        <source>The item layout: %1</source>
        <translation>Punktopbygningen: %1</translation>
    </message>
</context>
<context>
    <name>StageLabel</name>
    <message>
        <location filename="../../secretary_app/ui/stage_label.py" line="26"/>
        <source>Stage</source>
        <translation>Stade</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="18"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="21"/>
        <source>Welcome to Meeting secretary</source>
        <translation>Velkommen til Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="26"/>
        <source>The archive is empty. Start with a committee of your own, look around in an example meeting, or load a meeting saved as a file.</source>
        <translation>Arkivet er tomt. Begynd med jeres eget udvalg, se et eksempel på et møde, eller hent et møde, der er gemt som fil.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="36"/>
        <source>&amp;Create a committee…</source>
        <translation>&amp;Opret udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="37"/>
        <source>Open the e&amp;xample</source>
        <translation>Åbn &amp;eksemplet</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="38"/>
        <source>&amp;Load a meeting from a file…</source>
        <translation>He&amp;nt møde fra fil…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/start_page.py" line="50"/>
        <source>The archive is kept in %1</source>
        <translation>Arkivet ligger i %1</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="23"/>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="24"/>
        <source>Choose Word template</source>
        <translation>Vælg Word-skabelon</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="25"/>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="26"/>
        <source>Clear Word template</source>
        <translation>Ryd Word-skabelon</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="55"/>
        <source>The template %1 cannot be used:</source>
        <translation>Skabelonen %1 kan ikke bruges:</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="62"/>
        <source>Unknown placeholders: %1</source>
        <translation>Ukendte pladsholdere: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="65"/>
        <source>Styles the documents will add: %1</source>
        <translation>Typografier, som dokumenterne vil tilføje: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/template_chooser.py" line="67"/>
        <source>No {{ content }} marker: the items go at the end of the body.</source>
        <translation>Ingen {{ content }}-markør: punkterne kommer til sidst i dokumentet.</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../secretary_app/ui/date_fields.py" line="272"/>
        <source>The time cannot be before %1.</source>
        <translation>Klokkeslættet kan ikke være før %1.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/date_fields.py" line="275"/>
        <source>The time cannot be after %1.</source>
        <translation>Klokkeslættet kan ikke være efter %1.</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message>
        <location filename="../../secretary_app/ui/unexpected.py" line="113"/>
        <source>The program met an error it did not expect (%1). Everything that was saved is still in the archive, and you can go on working. The details are written in the log: %2</source>
        <translation>Programmet mødte en fejl, det ikke havde ventet (%1). Alt, hvad der var gemt, er stadig i arkivet, og du kan arbejde videre. Detaljerne står i loggen: %2</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="171"/>
        <source>Votes</source>
        <translation>Afstemning</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="174"/>
        <source>&amp;For</source>
        <translation>&amp;For</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="175"/>
        <source>&amp;Against</source>
        <translation>&amp;Imod</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="176"/>
        <source>A&amp;bstaining</source>
        <translation>&amp;Undlod at stemme</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_records_dialogs.py" line="181"/>
        <source>Names or parties, separated by commas</source>
        <translation>Navne eller partier, adskilt med komma</translation>
    </message>
</context>
</TS>
