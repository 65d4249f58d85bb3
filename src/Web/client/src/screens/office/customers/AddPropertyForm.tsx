import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { AddressSearch } from "./AddressSearch";
import type { Suggestion } from "./types";

/** A property found by its address (the geocoder gives its position), with a name and access notes such as a gate code. */
export function AddPropertyForm({ customerId, onAdded }: { customerId: string; onAdded: () => void }) {
  const name = useSignal("");
  const notes = useSignal("");
  const place = useSignal<Suggestion | null>(null);
  const error = useSignal("");
  const resetKey = useSignal(0);

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    if (!place.value) { error.value = t("office.customers.pickAddress"); return; }
    const { data, error: problem, response } = await api.POST("/api/v1/customers/{id}/properties", {
      params: { path: { id: customerId } },
      body: { name: name.value || place.value.label, address: place.value.label, location: place.value.location, accessNotes: notes.value || null, equipment: null },
    });
    if (!data) { error.value = problemText(problem, response.status); return; }
    name.value = notes.value = "";
    place.value = null;
    resetKey.value++;
    onAdded();
  }

  return (
    <form onSubmit={submit} class="add-property">
      <h3>{t("office.customers.addProperty")}</h3>
      <AddressSearch key={resetKey.value} id="property-address" onPick={s => (place.value = s)} />
      <div class="field-row">
        <div><label for="property-name">{t("office.customers.propertyName")}</label>
          <input id="property-name" value={name.value} onInput={e => (name.value = e.currentTarget.value)} /></div>
        <div><label for="property-notes">{t("office.customers.accessNotes")}</label>
          <input id="property-notes" value={notes.value} onInput={e => (notes.value = e.currentTarget.value)} /></div>
      </div>
      <button type="submit">{t("office.customers.addPropertyButton")}</button>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}
