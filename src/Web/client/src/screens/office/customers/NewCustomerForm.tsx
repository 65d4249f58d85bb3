import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";

/** A new customer and, optionally, their first contact (who can then sign in to the portal). */
export function NewCustomerForm({ onCreated }: { onCreated: (id: string) => void }) {
  const name = useSignal("");
  const kind = useSignal("Residential");
  const contactName = useSignal("");
  const email = useSignal("");
  const phone = useSignal("");
  const error = useSignal("");

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    const created = await api.POST("/api/v1/customers", { body: { name: name.value, kind: kind.value } });
    if (!created.data) { error.value = problemText(created.error, created.response.status); return; }
    if (email.value.trim()) {
      const contact = await api.POST("/api/v1/customers/{id}/contacts", {
        params: { path: { id: created.data.id } },
        body: { name: contactName.value || name.value, email: email.value.trim(), phone: phone.value.trim() || null, role: "Owner", grantedPropertyIds: null },
      });
      if (!contact.data) { error.value = problemText(contact.error, contact.response.status); return; }
    }
    onCreated(created.data.id);
  }

  return (
    <section class="card customer-page" aria-labelledby="new-customer-title">
      <h2 id="new-customer-title">{t("office.customers.new")}</h2>
      <form onSubmit={submit}>
        <div class="field-row">
          <div><label for="customer-name">{t("office.customers.name")}</label>
            <input id="customer-name" required value={name.value} onInput={e => (name.value = e.currentTarget.value)} /></div>
          <div><label for="customer-kind">{t("office.customers.kind")}</label>
            <select id="customer-kind" value={kind.value} onChange={e => (kind.value = e.currentTarget.value)}>
              <option value="Residential">{t("office.customers.residential")}</option>
              <option value="Commercial">{t("office.customers.commercial")}</option>
            </select></div>
        </div>
        <fieldset>
          <legend>{t("office.customers.firstContact")}</legend>
          <label for="contact-name">{t("office.customers.contactName")}</label>
          <input id="contact-name" value={contactName.value} onInput={e => (contactName.value = e.currentTarget.value)} />
          <div class="field-row">
            <div><label for="contact-email">{t("office.customers.email")}</label>
              <input id="contact-email" type="email" value={email.value} onInput={e => (email.value = e.currentTarget.value)} /></div>
            <div><label for="contact-phone">{t("office.customers.phone")}</label>
              <input id="contact-phone" type="tel" value={phone.value} onInput={e => (phone.value = e.currentTarget.value)} /></div>
          </div>
        </fieldset>
        <button class="primary" type="submit">{t("office.customers.create")}</button>
        <p class="error" role="alert">{error.value}</p>
      </form>
    </section>
  );
}
