import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { channelLabel, statusLabel, triggerLabel } from "../../../components/notifications/labels";
import { companyZone } from "../../../components/office/companyZone";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { Composer } from "./Composer";
import { DeliveryLog } from "./DeliveryLog";
import { OptOuts } from "./OptOuts";
import type { Overview } from "./types";
import "../../../components/notifications/messages.css";

type Communication = components["schemas"]["CommunicationDto"];

/** How often the timeline asks again while a message is on its way, so "queued" turns into "sent" in front of the dispatcher. */
const PollMilliseconds = 2000;

/** On its way now: being sent, or queued and due within the minute (a review request queued for tomorrow is not). */
function moving(m: Communication): boolean {
  return m.status === "Sending" || m.status === "Queued" && new Date(m.notBefore).getTime() < Date.now() + 60_000;
}

/**
 * The customer's communication timeline: every message the company sent or will send them, newest first, with its
 * channel, moment, recipient, status and error; one opened shows its delivery log. The composer opens from here.
 */
export function CustomerMessages({ overview }: { overview: Overview }) {
  const customerId = overview.customer.id;
  const messages = useSignal<Communication[] | null>(null);
  const failed = useSignal(false);
  const open = useSignal<string | null>(null);
  const composing = useSignal(false);
  const status = useSignal("");

  async function load() {
    const { data } = await api.GET("/api/v1/customers/{customerId}/communications", { params: { path: { customerId } } });
    failed.value = !data;
    if (data) messages.value = data;
  }

  useEffect(() => { void load(); }, [customerId]);
  const busy = messages.value?.some(moving) ?? false;
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => void load(), PollMilliseconds);
    return () => clearInterval(timer);
  }, [busy]);

  const contacts = new Map(overview.customer.contacts.map(c => [c.id, c.name]));
  const zone = companyZone.value;
  return (
    <section class="card customer-messages" aria-labelledby="messages-title">
      <div class="title-row">
        <h2 id="messages-title">{t("messages.timeline")}</h2>
        {!composing.value && (
          <button type="button" onClick={() => { composing.value = true; status.value = ""; }} disabled={overview.customer.contacts.length === 0}>{t("messages.compose")}</button>
        )}
      </div>
      {overview.customer.contacts.length === 0 && <p class="muted">{t("messages.needContacts")}</p>}
      {composing.value && (
        <Composer overview={overview} onClose={() => (composing.value = false)}
          onSent={() => { composing.value = false; status.value = t("messages.queued"); void load(); }} />
      )}
      <p role="status" class="ok">{status.value}</p>
      {failed.value && <p class="error">{t("messages.timelineFailed")}</p>}
      {messages.value && messages.value.length === 0 && <p class="muted">{t("messages.timelineEmpty")}</p>}
      {messages.value && messages.value.length > 0 && (
        <ul class="plain timeline">
          {messages.value.map(m => {
            const who = m.contactId ? contacts.get(m.contactId) : undefined;
            const address = m.channel === "InApp" ? "" : m.recipient;
            return (
              <li key={m.id} class="message">
                <div class="message-head">
                  <span class="badge channel">{channelLabel(m.channel)}</span>
                  <strong>{triggerLabel(m.trigger)}</strong>
                  <span class={`badge status-${m.status}`}>{statusLabel(m.status)}</span>
                  <span class="muted"><When at={m.updatedAt} zone={zone} /></span>
                </div>
                <p class="message-to muted">{t("messages.to", { recipient: [who, address].filter(Boolean).join(" · ") || m.recipient })}
                  {m.status === "Queued" && new Date(m.notBefore).getTime() > Date.now() && <> · {t("messages.notBefore")} <When at={m.notBefore} zone={zone} /></>}</p>
                <p class="message-text">{m.subject ?? m.text}</p>
                {m.error && <p class="error">{m.error}</p>}
                <button type="button" class="link" aria-expanded={open.value === m.id} onClick={() => (open.value = open.value === m.id ? null : m.id)}>{t("messages.log")}</button>
                {open.value === m.id && <DeliveryLog customerId={customerId} messageId={m.id} updatedAt={m.updatedAt} />}
              </li>
            );
          })}
        </ul>
      )}
      <OptOuts overview={overview} refresh={messages.value} />
    </section>
  );
}
