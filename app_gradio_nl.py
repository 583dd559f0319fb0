"""Gradio's own interface texts in Dutch, for every browser.

Gradio picks its texts ("Drop File Here", "Error", …) by the browser's language; an officer
with an English browser saw them in English. These are Gradio 6's own Dutch texts (its nl
locale), handed to the page as the translations for English and for Dutch, so every browser gets
the same Dutch.
Only the groups this app's components show are listed; the chat's copy button, which Gradio's
nl locale leaves in English ("Copy message"), and the status a screen reader hears when an answer is
done ("common.complete", read out as its key) are translated here. The feedback buttons ask whether
an answer helped ("Nuttig"), not whether the officer liked it (Gradio's "Vind ik leuk").
"""

GRADIO_DUTCH = {
    "common.clear": "Wissen",
    "common.complete": "Klaar",
    "common.or": "of",
    "common.submit": "Verzenden",
    "common.download": "Downloaden",
    "common.edit": "Bewerken",
    "common.empty": "Leeg",
    "common.error": "Fout",
    "common.loading": "Laden",
    "common.remove": "Verwijderen",
    "common.undo": "Ongedaan maken",
    "upload_text.click_to_upload": "Klik om te uploaden",
    "upload_text.drop_file": "Sleep een bestand hier",
    "upload_text.paste_clipboard": "Plakken vanuit klembord",
    "blocks.lost_connection": "Verbinding verloren door het verlaten van de pagina. Opnieuw aansluiten in de wachtrij...",
    "blocks.waiting_for_inputs": "Wachten tot het uploaden van bestand(en) is voltooid, probeer het opnieuw.",
    "dataframe.sort_column": "Kolom sorteren",
    "dataframe.sort_ascending": "Oplopend sorteren",
    "dataframe.sort_descending": "Aflopend sorteren",
    "dataframe.clear_sort": "Sortering wissen",
    "dropdown.dropdown": "Vervolgkeuzelijst",
    "file.uploading": "Uploaden...",
    "chatbot.edit": "Bewerken",
    "chatbot.retry": "Opnieuw proberen",
    "chatbot.undo": "Ongedaan maken",
    "chatbot.submit": "Verzenden",
    "chatbot.cancel": "Annuleren",
    "chatbot.like": "Nuttig",
    "chatbot.dislike": "Niet nuttig",
    "chatbot.clear": "Gesprek wissen",
    "chatbot.copy_message": "Bericht kopiëren",
    "chatbot.copied_message": "Bericht gekopieerd",
}
