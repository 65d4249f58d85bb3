import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { AddressSearch } from "./AddressSearch";
import type { Property, Suggestion } from "./types";

/**
 * A property's name, access notes and, when another address is chosen from the suggestions, its address and position.
 * The update replaces the property's details, so its equipment list is sent back as it is.
 */
export function EditPropertyForm({ property, onSaved, onCancel }: { property: Property; onSaved: () => void; onCancel: () => void }) {
  const name = useSignal(property.name);
  const notes = useSignal(property.accessNotes);
  const place = useSignal<Suggestion | null>(null);
  const error = useSignal("");
  const prefix = `property-${property.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    const moved = place.value;
    const { data, error: problem, response } = await api.PUT("/api/v1/properties/{id}", {
      params: { path: { id: property.id } },
      body: {
        name: name.value, address: moved?.label ?? property.address, location: moved?.location ?? property.location, accessNotes: notes.value || null,
        equipment: property.equipment.map(e => ({ kind: e.kind, makeModel: e.makeModel || null, installedOn: e.installedOn, notes: e.notes || null })),
      },
    });
    if (!data) { error.value = problemText(problem, response.status); return; }
    onSaved();
  }

  return (
    <form onSubmit={submit} class="edit-property" aria-label={t("office.customers.editPropertyNamed", { name: property.name })}>
      <p class="muted">{t("office.customers.currentAddress", { address: property.address })}</p>
      <AddressSearch id={`${prefix}-address`} onPick={s => (place.value = s)} />
      <div class="field-row">
        <div><label for={`${prefix}-name`}>{t("office.customers.propertyName")}</label>
          <input id={`${prefix}-name`} required value={name.value} onInput={e => (name.value = e.currentTarget.value)} /></div>
        <div><label for={`${prefix}-notes`}>{t("office.customers.accessNotes")}</label>
          <input id={`${prefix}-notes`} value={notes.value} onInput={e => (notes.value = e.currentTarget.value)} /></div>
      </div>
      <div class="form-actions">
        <button class="primary" type="submit">{t("common.save")}</button>
        <button type="button" onClick={onCancel}>{t("common.cancel")}</button>
      </div>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}
