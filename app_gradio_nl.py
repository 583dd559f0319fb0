"""Gradio's own interface texts in Dutch, for browsers that do not ask for Dutch.

Gradio picks its texts ("Drop File Here", "Error", …) by the browser's language; an officer
with an English browser saw them in English. These are Gradio 6's own Dutch texts (its nl
locale), handed to the page as the translations for English, so every browser gets Dutch.
Only the groups this app's components show are listed; the chat's copy button, which Gradio's
nl locale leaves in English ("Copy message"), is translated here.
"""

GRADIO_DUTCH = {
    "common.clear": "Wissen",
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
    "chatbot.like": "Vind ik leuk",
    "chatbot.dislike": "Vind ik niet leuk",
    "chatbot.clear": "Gesprek wissen",
    "chatbot.copy_message": "Bericht kopiëren",
    "chatbot.copied_message": "Bericht gekopieerd",
}
