import { useSignal } from "@preact/signals";
import { t } from "../../i18n/i18n";
import { deviceToken, saveToken } from "./deviceToken";
import { refresh } from "./today";
import { flush, trackingError } from "./tracking";

/** Where the technician types the token their dispatcher gave them (a link with ?token= fills it in by itself). */
export function TokenCard() {
  const draft = useSignal(deviceToken.value);

  function save(event: Event) {
    event.preventDefault();
    saveToken(draft.value);
    trackingError.value = "";
    void refresh();
    void flush();
  }

  return (
    <section class="card token" aria-labelledby="token-title">
      <h2 id="token-title">{t("tech.token.title")}</h2>
      {!deviceToken.value && <p class="muted">{t("tech.token.intro")}</p>}
      <form onSubmit={save}>
        <label for="token">{t("tech.token.label")}</label>
        <input id="token" autocomplete="off" spellcheck={false} autocapitalize="off"
          value={draft.value} onInput={e => (draft.value = e.currentTarget.value)} />
        <button class="primary big" type="submit">{t("tech.token.save")}</button>
      </form>
    </section>
  );
}
