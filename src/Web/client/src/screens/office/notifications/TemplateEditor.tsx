import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { MessagePreview } from "../../../components/notifications/MessagePreview";
import { channelLabel, triggerLabel, type Preview } from "../../../components/notifications/labels";
import { languages, t } from "../../../i18n/i18n";
import { VariableCatalogue } from "./VariableCatalogue";
import { channelsOf, type Selection, type Settings, type Template, type Variable } from "./types";

/** How long typing must pause before the preview is asked for: about a word's gap, so it follows without a call per key. */
const PreviewDelayMilliseconds = 350;

/**
 * One template open for editing: its channel and language, subject and body, each field's problems from the server (an
 * unknown variable is named under the field that has it), a live preview with sample data, save and back to the
 * default; and the variables the trigger offers, inserted at the cursor.
 */
export function TemplateEditor({ settings, selection, template, variables, companyPhone, onSelect, onChanged }: {
  settings: Settings; selection: Selection; template: Template; variables: Variable[];
  /** The company's phone as last saved on this page: a change asks for the preview again, which shows it. */
  companyPhone: string | null;
  onSelect: (selection: Selection) => void; onChanged: (template: Template) => void;
}) {
  const subject = useSignal(template.subject ?? "");
  const body = useSignal(template.body);
  const fields = useSignal<Record<string, string[]>>({});
  const preview = useSignal<Preview | null>(null);
  const status = useSignal("");
  const busy = useSignal(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<"subject" | "body">("body");
  const asked = useRef(0);
  const hasSubject = selection.channel !== "Sms";
  const dirty = (template.subject ?? "") !== subject.value && hasSubject || template.body !== body.value;

  useEffect(() => {
    const timer = setTimeout(async () => {
      const ask = ++asked.current;
      const answer = await outcome(api.POST("/api/v1/dispatch/notifications/preview", {
        body: { ...selection, subject: hasSubject ? subject.value : null, body: body.value },
      }));
      if (ask !== asked.current) return; // a later edit's preview is on its way
      if (answer.ok) { preview.value = answer.data; fields.value = {}; }
      else { preview.value = null; fields.value = answer.fields; }
    }, PreviewDelayMilliseconds);
    return () => clearTimeout(timer);
  }, [selection.trigger, selection.channel, selection.language, subject.value, body.value, companyPhone]);

  async function save(event: Event) {
    event.preventDefault();
    busy.value = true;
    const answer = await outcome(api.PUT("/api/v1/dispatch/notifications/templates/{trigger}/{channel}/{language}", {
      params: { path: selection }, body: { subject: hasSubject ? subject.value : null, body: body.value },
    }));
    busy.value = false;
    if (answer.ok) { fields.value = {}; status.value = t("messages.saved"); onChanged(answer.data); }
    else { fields.value = answer.fields; status.value = Object.keys(answer.fields).length > 0 ? "" : t("messages.failed", { status: answer.status }); }
  }

  async function reset() {
    busy.value = true;
    const answer = await outcome(api.DELETE("/api/v1/dispatch/notifications/templates/{trigger}/{channel}/{language}", { params: { path: selection } }));
    busy.value = false;
    if (!answer.ok) { status.value = t("messages.failed", { status: answer.status }); return; }
    subject.value = answer.data.subject ?? "";
    body.value = answer.data.body;
    fields.value = {};
    status.value = t("messages.resetDone");
    onChanged(answer.data);
  }

  function insert(name: string) {
    const target = lastField.current === "subject" && hasSubject ? subjectRef.current : bodyRef.current;
    if (!target) return;
    const text = `{{ ${name} }}`;
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    const value = target.value.slice(0, start) + text + target.value.slice(end);
    if (target === subjectRef.current) subject.value = value; else body.value = value;
    target.value = value;
    target.focus();
    target.setSelectionRange(start + text.length, start + text.length);
  }

  const problems = (field: string) => fields.value[field] ?? [];
  const general = Object.entries(fields.value).filter(([field]) => field !== "subject" && field !== "body").flatMap(([, messages]) => messages);
  return (
    <>
      <section class="card template-editor" aria-labelledby="editor-title">
        <h2 id="editor-title">{triggerLabel(selection.trigger)}</h2>
        <div class="pickers">
          <fieldset class="segmented">
            <legend>{t("messages.channel")}</legend>
            {channelsOf(settings, selection.trigger).map(channel => (
              <button key={channel} type="button" aria-pressed={channel === selection.channel} onClick={() => onSelect({ ...selection, channel })}>{channelLabel(channel)}</button>
            ))}
          </fieldset>
          <fieldset class="segmented">
            <legend>{t("messages.language")}</legend>
            {languages.map(l => (
              <button key={l.code} type="button" lang={l.code} aria-pressed={l.code === selection.language} onClick={() => onSelect({ ...selection, language: l.code })}>{l.name}</button>
            ))}
          </fieldset>
        </div>
        <p class="template-state">
          <span class="badge">{template.isDefault ? t("messages.isDefault") : t("messages.isOwn")}</span>
          {dirty && <span class="badge unsaved">{t("messages.unsaved")}</span>}
          {!template.enabled && <span class="muted"> {t("messages.off")}</span>}
        </p>
        <form onSubmit={save}>
          {hasSubject && (
            <>
              <label for="template-subject">{selection.channel === "Email" ? t("messages.subject") : t("messages.title.field")}</label>
              <input id="template-subject" ref={subjectRef} value={subject.value} aria-invalid={problems("subject").length > 0}
                aria-describedby="template-subject-problems" onFocus={() => (lastField.current = "subject")} onInput={e => (subject.value = e.currentTarget.value)} />
              <ul id="template-subject-problems" class="field-problems">{problems("subject").map(p => <li key={p}>{p}</li>)}</ul>
            </>
          )}
          <label for="template-body">{selection.channel === "Email" ? t("messages.bodyHtml") : t("messages.body")}</label>
          <textarea id="template-body" ref={bodyRef} rows={selection.channel === "Email" ? 12 : 6} spellcheck={false} value={body.value}
            aria-invalid={problems("body").length > 0} aria-describedby="template-body-problems"
            onFocus={() => (lastField.current = "body")} onInput={e => (body.value = e.currentTarget.value)} />
          <ul id="template-body-problems" class="field-problems">{problems("body").map(p => <li key={p}>{p}</li>)}</ul>
          {general.length > 0 && <ul class="field-problems">{general.map(p => <li key={p}>{p}</li>)}</ul>}
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy.value}>{t("messages.save")}</button>
            <button type="button" onClick={() => void reset()} disabled={busy.value || template.isDefault}>{t("messages.reset")}</button>
            <span role="status" class="ok">{status.value}</span>
          </div>
        </form>
      </section>
      <VariableCatalogue variables={variables} trigger={selection.trigger} onInsert={insert} />
      <section class="card template-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">{t("messages.preview")}</h2>
        <p class="muted">{t("messages.previewNote")}</p>
        {preview.value ? <MessagePreview preview={preview.value} /> : <p class="muted">{t("messages.previewFailed")}</p>}
      </section>
    </>
  );
}
