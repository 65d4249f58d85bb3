import { useSignal } from "@preact/signals";
import { useRef } from "preact/hooks";
import { t } from "../../i18n/i18n";
import { sendPhoto } from "./notes";

/** A photo from the camera (or the gallery) with an optional caption, which becomes the picture's text alternative. */
export function PhotoForm() {
  const file = useRef<HTMLInputElement>(null);
  const caption = useSignal("");
  const sending = useSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    sending.value = true;
    if (await sendPhoto(file.current?.files?.[0], caption.value)) {
      if (file.current) file.current.value = "";
      caption.value = "";
    }
    sending.value = false;
  }

  return (
    <form class="photo-form" onSubmit={submit}>
      <label for="photo-file">{t("tech.notes.photo")}</label>
      <input id="photo-file" ref={file} type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />
      <label for="photo-caption">{t("tech.notes.caption")}</label>
      <input id="photo-caption" maxLength={300} autocomplete="off" value={caption.value} onInput={e => (caption.value = e.currentTarget.value)} />
      <button class="primary big" type="submit" disabled={sending.value}>{t("tech.notes.addPhoto")}</button>
    </form>
  );
}
