import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import type { components } from "../../../api/schema";
import { SearchBox } from "../../../components/SearchBox";
import { t } from "../../../i18n/i18n";
import { instantIn } from "../format";
import type { BoardStore } from "./boardStore";
import type { NewJobPlace } from "./newJobPlace";

type Customer = components["schemas"]["CustomerListItemDto"];
type Property = components["schemas"]["PropertyDto"];

interface Props {
  store: BoardStore;
  place: NewJobPlace;
}

/**
 * Creating a job from the board: for a customer found by name, at one of their properties (its address and position
 * come with it, shown as a pin on the map), so nobody types an id or a coordinate. The form floats over the page
 * without blocking it (a non-modal dialog), so the board and the map stay in view. The window is in the company's time
 * zone; without one the job may be done any time of the day. The board needs no telling: dispatch places the new job
 * and the hub's BoardChanged brings it in.
 */
export function NewJobDialog({ store, place }: Props) {
  const error = useSignal("");
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const customer = useSignal<Customer | null>(null);
  const properties = useSignal<Property[] | null>(null);
  const propertyId = useSignal("");
  const open = place.open.value;
  useEffect(() => {
    if (open) document.getElementById("job-customer")?.focus(); // the search box is the form's first field
  }, [open]);
  if (!open) return null;

  function close() {
    place.open.value = false;
    place.pin.value = null;
    error.value = "";
    customer.value = properties.value = null;
    propertyId.value = "";
  }

  async function pickCustomer(picked: Customer) {
    customer.value = picked;
    properties.value = null;
    const { data } = await api.GET("/api/v1/customers/{id}/properties", { params: { path: { id: picked.id } } });
    if (customer.peek() !== picked) return; // another customer was picked meanwhile
    properties.value = data ?? [];
    pickProperty(data?.[0]?.id ?? "");
  }

  function pickProperty(id: string) {
    propertyId.value = id;
    const property = properties.peek()?.find(p => p.id === id);
    place.pin.value = property ? { lat: property.location.latitude, lng: property.location.longitude } : null;
  }

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    const field = (name: string) => (form.current!.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const from = field("from"), to = field("to");
    if ((from === "") !== (to === "")) {
      error.value = t("dispatch.newJob.bothEnds");
      return;
    }
    const property = properties.peek()?.find(p => p.id === propertyId.peek());
    if (!customer.peek() || !property) {
      error.value = t("dispatch.newJob.pickFirst");
      return;
    }
    const zone = store.zone.peek();
    busy.value = true;
    const answer = await outcome(api.POST("/api/v1/tickets", {
      body: {
        customerId: customer.peek()!.id,
        propertyId: property.id,
        location: property.location,
        address: property.address,
        description: field("description"),
        requiredSkills: field("skills").split(",").map(s => s.trim()).filter(Boolean),
        estimatedMinutes: Number(field("minutes")),
        arrivalWindow: from ? { start: instantIn(from, zone).toISOString(), end: instantIn(to, zone).toISOString() } : null,
        priority: field("priority"),
      },
    }));
    busy.value = false;
    if (answer.ok) close();
    else error.value = answer.problem;
  }

  return (
    <dialog open class="new-job" aria-labelledby="new-job-heading" onKeyDown={e => e.key === "Escape" && close()}>
      <form ref={form} onSubmit={e => void submit(e)}>
        <h2 id="new-job-heading">{t("dispatch.newJob.heading")}</h2>
        <SearchBox id="job-customer" label={t("dispatch.newJob.customer")} search={findCustomers} text={customerText} onPick={c => void pickCustomer(c)}>
          <p class="hint">{t("dispatch.newJob.customerHint")} <a href="/office/customers/">{t("dispatch.newJob.newCustomer")}</a></p>
        </SearchBox>
        {properties.value?.length === 0 && <p class="error">{t("dispatch.newJob.noProperties")}</p>}
        {properties.value && properties.value.length > 0 && (
          <>
            <label for="job-property">{t("dispatch.newJob.property")}</label>
            <select id="job-property" value={propertyId.value} onChange={e => pickProperty(e.currentTarget.value)}>
              {properties.value.map(p => <option key={p.id} value={p.id}>{`${p.name} · ${p.address}`}</option>)}
            </select>
          </>
        )}
        <label for="job-description">{t("dispatch.newJob.description")}</label>
        <input id="job-description" name="description" required maxLength={4000} />
        <label for="job-skills">{t("dispatch.newJob.skills")}</label>
        <input id="job-skills" name="skills" placeholder={t("dispatch.newJob.skillsExample")} />
        <div class="pair">
          <div>
            <label for="job-minutes">{t("dispatch.newJob.minutes")}</label>
            <input id="job-minutes" name="minutes" type="number" min={1} max={1440} value="60" required />
          </div>
          <div>
            <label for="job-priority">{t("dispatch.newJob.priority")}</label>
            <select id="job-priority" name="priority">
              <option value="Routine">{t("dispatch.priority.routine")}</option>
              <option value="High">{t("dispatch.priority.high")}</option>
              <option value="Emergency">{t("dispatch.priority.emergency")}</option>
            </select>
          </div>
        </div>
        <div class="pair window">
          <div>
            <label for="job-from">{t("dispatch.newJob.from")}</label>
            <input id="job-from" name="from" type="datetime-local" />
          </div>
          <div>
            <label for="job-to">{t("dispatch.newJob.to")}</label>
            <input id="job-to" name="to" type="datetime-local" />
          </div>
        </div>
        <p class="hint">{t("dispatch.newJob.zoneHint", { zone: store.zone.value })}</p>
        {error.value && <p class="error" role="alert">{error.value}</p>}
        <div class="actions">
          <button type="button" onClick={close}>{t("common.cancel")}</button>
          <button type="submit" class="primary" disabled={busy.value}>{t("dispatch.newJob.create")}</button>
        </div>
      </form>
    </dialog>
  );
}

async function findCustomers(q: string): Promise<Customer[] | null> {
  const { data } = await api.GET("/api/v1/customers", { params: { query: { q, limit: 8 } } });
  return data ?? null;
}

const customerText = (c: Customer) => [c.name, c.contactName !== c.name ? c.contactName : null, c.contactEmail].filter(Boolean).join(" · ");
