import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { Overview } from "./types";

/** The customer's name and kind, changed in place. */
export function CustomerDetailsForm({ customer, onSaved, onCancel }: { customer: Overview["customer"]; onSaved: () => void; onCancel: () => void }) {
  const name = useSignal(customer.name);
  const kind = useSignal(customer.kind);
  const error = useSignal("");

  async function submit(event: Event) {
    event.preventDefault();
    const { data, error: problem, response } = await api.PUT("/api/v1/customers/{id}", { params: { path: { id: customer.id } }, body: { name: name.value, kind: kind.value } });
    if (!data) { error.value = problemText(problem, response.status); return; }
    onSaved();
  }

  return (
    <form onSubmit={submit} class="edit-customer">
      <div class="field-row">
        <div><label for="edit-customer-name">{t("office.customers.name")}</label>
          <input id="edit-customer-name" required value={name.value} onInput={e => (name.value = e.currentTarget.value)} /></div>
        <div><label for="edit-customer-kind">{t("office.customers.kind")}</label>
          <select id="edit-customer-kind" value={kind.value} onChange={e => (kind.value = e.currentTarget.value)}>
            <option value="Residential">{t("office.customers.residential")}</option>
            <option value="Commercial">{t("office.customers.commercial")}</option>
          </select></div>
      </div>
      <div class="form-actions">
        <button class="primary" type="submit">{t("common.save")}</button>
        <button type="button" onClick={onCancel}>{t("common.cancel")}</button>
      </div>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}
