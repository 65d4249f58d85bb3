import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n/i18n";

type Contact = components["schemas"]["ContactDto"];
const roles = ["Owner", "PropertyManager", "AccountsPayable"] as const;

/**
 * A contact added to the customer or changed: who they are, how to reach them, their role. A property manager keeps the
 * properties granted to them (granting is not done on this screen yet). A changed email moves their portal sign-in to it.
 */
export function ContactForm({ customerId, contact, onSaved, onCancel }: { customerId: string; contact: Contact | null; onSaved: () => void; onCancel?: () => void }) {
  const name = useSignal(contact?.name ?? "");
  const email = useSignal(contact?.email ?? "");
  const phone = useSignal(contact?.phone ?? "");
  const role = useSignal(contact?.role ?? "Owner");
  const error = useSignal("");
  const prefix = contact ? `contact-${contact.id}` : "new-contact";

  async function submit(event: Event) {
    event.preventDefault();
    const body = { name: name.value, email: email.value.trim(), phone: phone.value.trim() || null, role: role.value, grantedPropertyIds: contact?.grantedPropertyIds ?? null };
    const answer = contact
      ? await api.PUT("/api/v1/customers/{id}/contacts/{contactId}", { params: { path: { id: customerId, contactId: contact.id } }, body })
      : await api.POST("/api/v1/customers/{id}/contacts", { params: { path: { id: customerId } }, body });
    if (!answer.data) { error.value = problemText(answer.error, answer.response.status); return; }
    if (!contact) { name.value = email.value = phone.value = ""; role.value = "Owner"; }
    error.value = "";
    onSaved();
  }

  return (
    <form onSubmit={submit} class="contact-form" aria-label={contact ? t("office.customers.editContactNamed", { name: contact.name }) : t("office.customers.addContact")}>
      {!contact && <h3>{t("office.customers.addContact")}</h3>}
      <div class="field-row">
        <div><label for={`${prefix}-name`}>{t("office.customers.contactName")}</label>
          <input id={`${prefix}-name`} required value={name.value} onInput={e => (name.value = e.currentTarget.value)} /></div>
        <div><label for={`${prefix}-role`}>{t("office.customers.role")}</label>
          <select id={`${prefix}-role`} value={role.value} onChange={e => (role.value = e.currentTarget.value)}>
            {roles.map(r => <option key={r} value={r}>{t(`office.customers.role.${r}`)}</option>)}
          </select></div>
      </div>
      <div class="field-row">
        <div><label for={`${prefix}-email`}>{t("office.customers.email")}</label>
          <input id={`${prefix}-email`} type="email" required value={email.value} onInput={e => (email.value = e.currentTarget.value)} /></div>
        <div><label for={`${prefix}-phone`}>{t("office.customers.phone")}</label>
          <input id={`${prefix}-phone`} type="tel" value={phone.value} onInput={e => (phone.value = e.currentTarget.value)} /></div>
      </div>
      <div class="form-actions">
        <button type="submit" class={contact ? "primary" : undefined}>{contact ? t("common.save") : t("office.customers.addContactButton")}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t("common.cancel")}</button>}
      </div>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}
