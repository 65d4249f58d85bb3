import { useSignal } from "@preact/signals";
import type { ComponentChildren, InputHTMLAttributes } from "preact";
import { t } from "../../../i18n/i18n";

/** What saving a setting gave: the value as the server keeps it and a sentence saying so, or the reason it was refused. */
export type SettingOutcome = { saved: string; said: string } | { refused: string };

/**
 * One of the company's settings on the money page: a labelled field with its help, Save, what the server refused under
 * the field (tied to it for screen readers), and a status line once saved.
 */
export function SettingForm({ id, class: className, label, help, value, input, save, children }: {
  id: string; class: string; label: string; help: string; value: string;
  input: InputHTMLAttributes<HTMLInputElement>; save: (text: string) => Promise<SettingOutcome>; children?: ComponentChildren;
}) {
  const text = useSignal(value);
  const error = useSignal("");
  const said = useSignal("");
  const busy = useSignal(false);

  async function submit(event: Event) {
    event.preventDefault();
    said.value = "";
    busy.value = true;
    const answer = await save(text.value);
    busy.value = false;
    if ("refused" in answer) { error.value = answer.refused; return; }
    error.value = "";
    text.value = answer.saved;
    said.value = answer.said;
  }

  return (
    <form class={`company-setting ${className}`} onSubmit={event => void submit(event)}>
      <label for={id}>{label}</label>
      <div class="setting-row">
        <input id={id} autocomplete="off" {...input} value={text.value} aria-invalid={error.value ? "true" : undefined}
          aria-describedby={`${id}-help ${id}-error`} onInput={e => (text.value = e.currentTarget.value)} />
        <button type="submit" disabled={busy.value}>{t("common.save")}</button>
      </div>
      {children}
      <p id={`${id}-help`} class="muted">{help}</p>
      <p id={`${id}-error`} class="error">{error.value}</p>
      <p class="ok" role="status">{said.value}</p>
    </form>
  );
}
