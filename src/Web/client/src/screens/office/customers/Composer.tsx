import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { MessagePreview } from "../../../components/notifications/MessagePreview";
import { channelLabel, triggerLabel, triggers, type Preview, type Trigger } from "../../../components/notifications/labels";
import { languages, t } from "../../../i18n/i18n";
import type { Overview } from "./types";

/** As in the template editor: the preview follows typing after a short pause. */
const PreviewDelayMilliseconds = 350;

const composerChannels = ["Email", "Sms", "InApp"] as const;

/**
 * A message from the team to one of the customer's contacts: on a channel the contact can be reached by, as the
 * dispatcher's own text (in the company's Message template) or from a template. The preview is the message as it will
 * go, with the contact's own details, and an SMS's segments as it is typed. Sending queues it in the outbox.
 */
export function Composer({ overview, onSent, onClose }: { overview: Overview; onSent: () => void; onClose: () => void }) {
  const contacts = overview.customer.contacts;
  const contactId = useSignal(contacts[0]?.id ?? "");
  const channel = useSignal<(typeof composerChannels)[number]>("Email");
  const mode = useSignal<"text" | "template">("text");
  const trigger = useSignal<Trigger>("BookingConfirmed");
  const language = useSignal("");
  const subject = useSignal("");
  const text = useSignal("");
  const marketing = useSignal(false);
  const preview = useSignal<Preview | null>(null);
  const fields = useSignal<Record<string, string[]>>({});
  const sending = useSignal(false);
  const asked = useRef(0);
  const contact = contacts.find(c => c.id === contactId.value);

  function request() {
    return {
      contactId: contactId.value,
      channel: channel.value,
      trigger: mode.value === "template" ? trigger.value : null,
      language: language.value || null,
      subject: channel.value !== "Sms" && subject.value.trim() ? subject.value : null,
      text: mode.value === "text" ? text.value : null,
      marketing: marketing.value && mode.value === "text" && channel.value !== "InApp",
    };
  }

  useEffect(() => {
    const timer = setTimeout(async () => {
      const ask = ++asked.current;
      const answer = await outcome(api.POST("/api/v1/customers/{customerId}/messages/preview", { params: { path: { customerId: overview.customer.id } }, body: request() }));
      if (ask !== asked.current) return;
      preview.value = answer.ok ? answer.data : null;
      fields.value = answer.ok ? {} : answer.fields;
    }, PreviewDelayMilliseconds);
    return () => clearTimeout(timer);
  }, [contactId.value, channel.value, mode.value, trigger.value, language.value, subject.value, text.value, marketing.value]);

  /** A contact with no phone cannot take an SMS: their messages move to email rather than previewing a refusal. */
  function pickContact(id: string) {
    contactId.value = id;
    if (channel.value === "Sms" && !contacts.find(c => c.id === id)?.phone) channel.value = "Email";
  }

  async function send(event: Event) {
    event.preventDefault();
    sending.value = true;
    const answer = await outcome(api.POST("/api/v1/customers/{customerId}/messages", { params: { path: { customerId: overview.customer.id } }, body: request() }));
    sending.value = false;
    if (answer.ok) onSent();
    else fields.value = Object.keys(answer.fields).length > 0 ? answer.fields : { form: [answer.problem] };
  }

  const problems = (field: string) => (fields.value[field] ?? []).map(p => <li key={p}>{p}</li>);
  return (
    <form class="composer" onSubmit={send} aria-label={t("messages.composeTitle", { customer: overview.customer.name })}>
      <h3>{t("messages.composeTitle", { customer: overview.customer.name })}</h3>
      <div class="field-row">
        <div>
          <label for="composer-contact">{t("messages.contact")}</label>
          <select id="composer-contact" value={contactId.value} onChange={e => pickContact(e.currentTarget.value)}>
            {contacts.map(c => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          <ul class="field-problems">{problems("contactId")}</ul>
        </div>
        <div>
          <label for="composer-channel">{t("messages.channel")}</label>
          <select id="composer-channel" value={channel.value} onChange={e => (channel.value = e.currentTarget.value as typeof channel.value)}>
            {composerChannels.map(c => (
              <option key={c} value={c} disabled={c === "Sms" && !contact?.phone}>
                {c === "Sms" && !contact?.phone ? t("messages.noPhone", { channel: channelLabel(c) }) : channelLabel(c)}
              </option>
            ))}
          </select>
          <ul class="field-problems">{problems("channel")}</ul>
        </div>
        <div>
          <label for="composer-language">{t("messages.language")}</label>
          <select id="composer-language" value={language.value} onChange={e => (language.value = e.currentTarget.value)}>
            <option value="">{t("messages.languageDefault")}</option>
            {languages.map(l => <option key={l.code} value={l.code}>{t(`messages.language.${l.code}`)}</option>)}
          </select>
        </div>
      </div>
      <fieldset class="composer-mode">
        <legend>{t("messages.what")}</legend>
        <label><input type="radio" name="composer-mode" checked={mode.value === "text"} onChange={() => (mode.value = "text")} /> {t("messages.freeText")}</label>
        <label><input type="radio" name="composer-mode" checked={mode.value === "template"} onChange={() => (mode.value = "template")} /> {t("messages.template")}</label>
      </fieldset>
      {mode.value === "text" && channel.value !== "InApp" && (
        <>
          <label class="marketing">
            <input type="checkbox" checked={marketing.value} aria-describedby="composer-marketing-help" onChange={e => (marketing.value = e.currentTarget.checked)} />
            {" "}{t("messages.marketing")}
          </label>
          <p id="composer-marketing-help" class="muted">{t("messages.marketingHelp")}</p>
          <ul class="field-problems">{problems("marketing")}</ul>
        </>
      )}
      {mode.value === "template" && (
        <>
          <label for="composer-trigger">{t("messages.templateTrigger")}</label>
          <select id="composer-trigger" value={trigger.value} onChange={e => (trigger.value = e.currentTarget.value as Trigger)}>
            {triggers.filter(x => x !== "Message").map(x => <option key={x} value={x}>{triggerLabel(x)}</option>)}
          </select>
          <ul class="field-problems">{problems("trigger")}</ul>
        </>
      )}
      {channel.value !== "Sms" && (
        <>
          <label for="composer-subject">{t("messages.subjectOptional")}</label>
          <input id="composer-subject" value={subject.value} maxLength={200} onInput={e => (subject.value = e.currentTarget.value)} />
          <ul class="field-problems">{problems("subject")}</ul>
        </>
      )}
      {mode.value === "text" && (
        <>
          <label for="composer-text">{t("messages.text")}</label>
          <textarea id="composer-text" rows={5} value={text.value} aria-describedby="composer-text-problems composer-preview"
            onInput={e => (text.value = e.currentTarget.value)} />
          <ul id="composer-text-problems" class="field-problems">{problems("text")}</ul>
        </>
      )}
      <ul class="field-problems">{problems("form")}{problems("language")}</ul>
      <div id="composer-preview" class="composer-preview" aria-live="polite">
        {preview.value && <MessagePreview preview={preview.value} full={false} />}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={sending.value}>{t("messages.send")}</button>
        <button type="button" onClick={onClose}>{t("common.cancel")}</button>
      </div>
    </form>
  );
}
