import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { instantIn } from "../format";
import type { BoardStore } from "./boardStore";
import type { NewJobPlace } from "./newJobPlace";

interface Props {
  store: BoardStore;
  place: NewJobPlace;
}

/**
 * Creating a job from the board. The form floats over the page without blocking it (a non-modal dialog), so a click on
 * the map places the job. The window is in the company's time zone; without one the job may be done any time of the
 * day. The board needs no telling: dispatch places the new job and the hub's BoardChanged brings it in.
 */
export function NewJobDialog({ store, place }: Props) {
  const error = useSignal("");
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const open = place.open.value;
  const pin = place.pin.value;
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  if (!open) return null;

  function close() {
    place.open.value = false;
    place.pin.value = null;
    error.value = "";
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
    const zone = store.zone.peek();
    busy.value = true;
    const answer = await outcome(api.POST("/api/v1/tickets", {
      body: {
        customerId: field("customer"),
        propertyId: field("property"),
        location: { latitude: Number(field("lat")), longitude: Number(field("lon")) },
        address: field("address"),
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
        <label for="job-description">{t("dispatch.newJob.description")}</label>
        <input id="job-description" name="description" ref={first} required maxLength={4000} />
        <label for="job-address">{t("dispatch.newJob.address")}</label>
        <input id="job-address" name="address" required maxLength={300} />
        <div class="pair">
          <div>
            <label for="job-lat">{t("dispatch.newJob.latitude")}</label>
            <input id="job-lat" name="lat" type="number" step="any" min={-90} max={90} required value={pin ? pin.lat.toFixed(6) : undefined} />
          </div>
          <div>
            <label for="job-lon">{t("dispatch.newJob.longitude")}</label>
            <input id="job-lon" name="lon" type="number" step="any" min={-180} max={180} required value={pin ? pin.lng.toFixed(6) : undefined} />
          </div>
        </div>
        <p class="hint">{t("dispatch.newJob.mapHint")}</p>
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
        <div class="pair">
          <div>
            <label for="job-customer">{t("dispatch.newJob.customer")}</label>
            <input id="job-customer" name="customer" maxLength={32} pattern="[0-9a-f]{32}" required />
          </div>
          <div>
            <label for="job-property">{t("dispatch.newJob.property")}</label>
            <input id="job-property" name="property" maxLength={32} pattern="[0-9a-f]{32}" required />
          </div>
        </div>
        {error.value && <p class="error" role="alert">{error.value}</p>}
        <div class="actions">
          <button type="button" onClick={close}>{t("common.cancel")}</button>
          <button type="submit" class="primary" disabled={busy.value}>{t("dispatch.newJob.create")}</button>
        </div>
      </form>
    </dialog>
  );
}
