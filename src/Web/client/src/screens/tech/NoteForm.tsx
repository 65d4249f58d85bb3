import { useSignal } from "@preact/signals";
import { t } from "../../i18n/i18n";
import { sendNote } from "./notes";

export function NoteForm() {
  const text = useSignal("");
  const sending = useSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    sending.value = true;
    if (await sendNote(text.value)) text.value = "";
    sending.value = false;
  }

  return (
    <form class="note-form" onSubmit={submit}>
      <label for="note-text">{t("tech.notes.note")}</label>
      <textarea id="note-text" rows={3} maxLength={4000} value={text.value} onInput={e => (text.value = e.currentTarget.value)} />
      <button class="primary big" type="submit" disabled={sending.value}>{t("tech.notes.addNote")}</button>
    </form>
  );
}
