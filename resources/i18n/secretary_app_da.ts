<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>AgendaEditor</name>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="91"/>
        <source>New item</source>
        <translation>Nyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="132"/>
        <source>Add attachment</source>
        <translation>Tilføj bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="134"/>
        <source>Add attachments</source>
        <translation>Tilføj bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="160"/>
        <source>the disk is full</source>
        <translation>disken er fuld</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="166"/>
        <source>%1 failed%2: %3. Nothing was changed.</source>
        <translation>%1 mislykkedes%2: %3. Intet blev ændret.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="171"/>
        <source>Edit title</source>
        <translation>Ret titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="172"/>
        <source>Change open/closed</source>
        <translation>Skift åben/lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="173"/>
        <source>Edit case ID</source>
        <translation>Ret sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="174"/>
        <source>Edit presenter</source>
        <translation>Ret fremlægger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="175"/>
        <source>Edit planned start</source>
        <translation>Ret planlagt starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="176"/>
        <source>Edit duration</source>
        <translation>Ret varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="177"/>
        <source>Edit summary</source>
        <translation>Ret resumé</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="178"/>
        <source>Edit previous decisions</source>
        <translation>Ret tidligere beslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="179"/>
        <source>Edit decision</source>
        <translation>Ret beslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_editor.py" line="181"/>
        <source>Edit item</source>
        <translation>Ret punkt</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="123"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="123"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="130"/>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="140"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="141"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="142"/>
        <source>Open/Closed</source>
        <translation>Åben/Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="143"/>
        <source>Case ID</source>
        <translation>Sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="144"/>
        <source>Presenter</source>
        <translation>Fremlægger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/agenda_model.py" line="145"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="58"/>
        <location filename="../../secretary_app/ui/attachments_model.py" line="89"/>
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="58"/>
        <source>Not public</source>
        <translation>Ikke offentlig</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="89"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="89"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/attachments_model.py" line="89"/>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
</context>
<context>
    <name>CommitteeDialog</name>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="78"/>
        <source>Committee</source>
        <translation>Udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="82"/>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="146"/>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="84"/>
        <source>Standing items (every new meeting gets them)</source>
        <translation>Stående punkter (kommer på hvert nyt møde)</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="101"/>
        <source>Standing committee</source>
        <translation>Stående udvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="102"/>
        <source>Task committee (opgaveudvalg)</source>
        <translation>Opgaveudvalg</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="108"/>
        <source>Each meeting from 1</source>
        <translation>Fra 1 på hvert møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="109"/>
        <source>On from the previous meeting</source>
        <translation>Fortløbende fra forrige møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="112"/>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="113"/>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="114"/>
        <source>Starts on</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="115"/>
        <source>Ends on</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="116"/>
        <source>Default meeting &amp;place</source>
        <translation>Fast &amp;mødested</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="117"/>
        <source>Item n&amp;umbering</source>
        <translation>&amp;Punktnummerering</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="142"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="142"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="142"/>
        <source>Party or organisation</source>
        <translation>Parti eller organisation</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="163"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="163"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="166"/>
        <source>Standing items</source>
        <translation>Stående punkter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="193"/>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="194"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="208"/>
        <source>The committee needs a name.</source>
        <translation>Udvalget skal have et navn.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="212"/>
        <source>The committee cannot end before it starts.</source>
        <translation>Udvalget kan ikke slutte, før det starter.</translation>
    </message>
</context>
<context>
    <name>CommitteeTreeModel</name>
    <message>
        <location filename="../../secretary_app/ui/committee_tree_model.py" line="98"/>
        <source>%1 (task committee)</source>
        <translation>%1 (opgaveudvalg)</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="54"/>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="69"/>
        <source>Summary (Resumé)</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="70"/>
        <source>Previous decisions</source>
        <translation>Tidligere beslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="71"/>
        <source>Decision</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="77"/>
        <source>&amp;Title</source>
        <translation>Tit&amp;el</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="79"/>
        <location filename="../../secretary_app/ui/item_editor.py" line="135"/>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="79"/>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="81"/>
        <source>&amp;Open/closed</source>
        <translation>Åben/&amp;lukket</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="82"/>
        <source>&amp;Case ID</source>
        <translation>&amp;Sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="88"/>
        <source>&amp;Presenter</source>
        <translation>Fremlæ&amp;gger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="89"/>
        <source>Planned &amp;start</source>
        <translation>&amp;Planlagt start</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="96"/>
        <source>At</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="97"/>
        <source>Has a planned start</source>
        <translation>Har et planlagt starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="100"/>
        <source>Planned start</source>
        <translation>Planlagt starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="104"/>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="105"/>
        <source>no duration</source>
        <translation>ingen varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="106"/>
        <source>Duration in minutes</source>
        <translation>Varighed i minutter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="110"/>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="119"/>
        <source>Attachments (Bilag)</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="124"/>
        <source>Attachments</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="134"/>
        <source>&amp;Add attachment…</source>
        <translation>Tilføj &amp;bilag…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="136"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="176"/>
        <source>No item chosen</source>
        <translation>Intet punkt valgt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="181"/>
        <source>Item %1</source>
        <translation>Punkt %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/item_editor.py" line="279"/>
        <source>Open attachment</source>
        <translation>Åbn bilag</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="54"/>
        <source>Meeting secretary</source>
        <translation>Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="60"/>
        <source>Archive: %1</source>
        <translation>Arkiv: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="69"/>
        <location filename="../../secretary_app/ui/main_window.py" line="73"/>
        <source>Committees and meetings</source>
        <translation>Udvalg og møder</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="76"/>
        <source>New committee…</source>
        <translation>Nyt udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="77"/>
        <source>New meeting…</source>
        <translation>Nyt møde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="91"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="93"/>
        <source>New &amp;committee…</source>
        <translation>Nyt &amp;udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="96"/>
        <source>&amp;Edit committee…</source>
        <translation>&amp;Rediger udvalg…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="99"/>
        <source>New &amp;meeting…</source>
        <translation>Nyt &amp;møde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="102"/>
        <source>&amp;Delete meeting…</source>
        <translation>&amp;Slet møde…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="105"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="107"/>
        <source>E&amp;xit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="108"/>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="110"/>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="112"/>
        <source>&amp;Redo</source>
        <translation>&amp;Annuller fortryd</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="117"/>
        <source>&amp;New item</source>
        <translation>&amp;Nyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="119"/>
        <source>&amp;Delete item</source>
        <translation>&amp;Slet punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="120"/>
        <source>Move item &amp;up</source>
        <translation>Flyt punkt &amp;op</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="122"/>
        <source>Move item d&amp;own</source>
        <translation>Flyt punkt ne&amp;d</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="124"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="125"/>
        <source>&amp;About</source>
        <translation>&amp;Om Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="190"/>
        <source>Choose the committee the meeting belongs to.</source>
        <translation>Vælg det udvalg, mødet hører til.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="214"/>
        <source>Delete the meeting %1 and its whole agenda? This cannot be undone.</source>
        <translation>Vil du slette mødet %1 og hele dets dagsorden? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="261"/>
        <source>About Meeting secretary</source>
        <translation>Om Mødesekretær</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="262"/>
        <source>Agendas and minutes for committee secretaries.
Archive: %1</source>
        <translation>Dagsordener og referater for udvalgssekretærer.
Arkiv: %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/main_window.py" line="269"/>
        <source>Saved in the archive at %1</source>
        <translation>Gemt i arkivet kl. %1</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="43"/>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="57"/>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="57"/>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="63"/>
        <source>Meeting &amp;title</source>
        <translation>Mødets &amp;titel</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="64"/>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="65"/>
        <source>Time</source>
        <translation>Mødetidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="66"/>
        <source>&amp;Place</source>
        <translation>&amp;Mødested</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="67"/>
        <source>Starts at</source>
        <translation>Starttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="68"/>
        <source>Ends at</source>
        <translation>Sluttidspunkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="77"/>
        <source>&amp;New item</source>
        <translation>&amp;Nyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="78"/>
        <source>Delete item</source>
        <translation>Slet punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="79"/>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="80"/>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="121"/>
        <source>No meeting chosen</source>
        <translation>Intet møde valgt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_panel.py" line="125"/>
        <source>Meeting in %1</source>
        <translation>Møde i %1</translation>
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
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="45"/>
        <source>The committee&apos;s standing items</source>
        <translation>Udvalgets stående punkter</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="46"/>
        <source>An empty agenda</source>
        <translation>En tom dagsorden</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="48"/>
        <source>The agenda of %1</source>
        <translation>Dagsordenen fra %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="51"/>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="52"/>
        <source>&amp;Starts at</source>
        <translation>&amp;Begynder kl.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="53"/>
        <source>&amp;Ends at</source>
        <translation>&amp;Slutter kl.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="54"/>
        <source>&amp;Place</source>
        <translation>&amp;Mødested</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/meeting_dialog.py" line="55"/>
        <source>Agenda &amp;from</source>
        <translation>Dagsorden f&amp;ra</translation>
    </message>
</context>
<context>
    <name>RichTextEdit</name>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="61"/>
        <source>Formatting for %1</source>
        <translation>Formatering af %1</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="90"/>
        <source>Bold</source>
        <translation>Fed</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="92"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="95"/>
        <source>Underline</source>
        <translation>Understreget</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="101"/>
        <source>Bulleted list</source>
        <translation>Punktopstilling</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="104"/>
        <source>Numbered list</source>
        <translation>Nummereret liste</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="106"/>
        <source>Indent list item</source>
        <translation>Ryk listepunkt ind</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/rich_text_edit.py" line="107"/>
        <source>Outdent list item</source>
        <translation>Ryk listepunkt ud</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="24"/>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="31"/>
        <source>Use the default pattern</source>
        <translation>Brug standardmønsteret</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="34"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="35"/>
        <source>Case ID &amp;pattern</source>
        <translation>&amp;Mønster for sags ID</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="40"/>
        <source>A case ID that does not match only gets a warning.</source>
        <translation>Et sags ID, der ikke passer til mønsteret, giver kun en advarsel.</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/settings_dialog.py" line="43"/>
        <source>A new language is used from the next start.</source>
        <translation>Et nyt sprog bruges fra næste gang, programmet startes.</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="51"/>
        <source>Add item</source>
        <translation>Tilføj punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="71"/>
        <source>Delete item</source>
        <translation>Slet punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="89"/>
        <source>Move item</source>
        <translation>Flyt punkt</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="142"/>
        <source>Change meeting</source>
        <translation>Ret møde</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="173"/>
        <source>Add attachment</source>
        <translation>Tilføj bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="192"/>
        <source>Delete attachment</source>
        <translation>Slet bilag</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/commands.py" line="208"/>
        <source>Change attachment</source>
        <translation>Ret bilag</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="41"/>
        <source>Chair (formand)</source>
        <translation>Formand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="42"/>
        <source>Vice chair (næstformand)</source>
        <translation>Næstformand</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="43"/>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="44"/>
        <source>Citizen member</source>
        <translation>Borgermedlem</translation>
    </message>
    <message>
        <location filename="../../secretary_app/ui/committee_dialog.py" line="45"/>
        <source>Official</source>
        <translation>Embedsmand</translation>
    </message>
</context>
</TS>
