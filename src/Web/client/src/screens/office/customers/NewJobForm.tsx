import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { Property } from "./types";

/** A job for this customer at one of their properties: what to do, how long, which skills, how urgent. */
export function NewJobForm({ customerId, properties, onCreated }: { customerId: string; properties: Property[]; onCreated: () => void }) {
  const propertyId = useSignal(properties[0]?.id ?? "");
  const description = useSignal("");
  const minutes = useSignal("60");
  const skills = useSignal("");
  const priority = useSignal("Routine");
  const error = useSignal("");
  const done = useSignal("");

  async function submit(event: Event) {
    event.preventDefault();
    error.value = done.value = "";
    const property = properties.find(p => p.id === propertyId.value);
    if (!property) return;
    const { data, error: problem, response } = await api.POST("/api/v1/tickets", {
      body: {
        customerId, propertyId: property.id, address: property.address, location: property.location,
        description: description.value, estimatedMinutes: Number(minutes.value) || 60,
        requiredSkills: skills.value.split(",").map(s => s.trim()).filter(Boolean), priority: priority.value, arrivalWindow: null,
      },
    });
    if (!data) { error.value = problemText(problem, response.status); return; }
    description.value = "";
    done.value = t("office.customers.jobCreated");
    onCreated();
  }

  return (
    <form onSubmit={submit} class="new-job">
      <h3>{t("office.customers.newJob")}</h3>
      <div class="field-row">
        <div><label for="job-property">{t("office.customers.property")}</label>
          <select id="job-property" value={propertyId.value} onChange={e => (propertyId.value = e.currentTarget.value)}>
            {properties.map(p => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select></div>
        <div><label for="job-priority">{t("office.customers.priority")}</label>
          <select id="job-priority" value={priority.value} onChange={e => (priority.value = e.currentTarget.value)}>
            {(["Routine", "High", "Emergency"] as const).map(p => <option key={p} value={p}>{t(`office.priority.${p}`)}</option>)}
          </select></div>
      </div>
      <label for="job-description">{t("office.customers.whatToDo")}</label>
      <input id="job-description" required value={description.value} onInput={e => (description.value = e.currentTarget.value)} />
      <div class="field-row">
        <div><label for="job-minutes">{t("office.customers.minutes")}</label>
          <input id="job-minutes" type="number" min={5} max={720} value={minutes.value} onInput={e => (minutes.value = e.currentTarget.value)} /></div>
        <div><label for="job-skills">{t("office.customers.skills")}</label>
          <input id="job-skills" value={skills.value} onInput={e => (skills.value = e.currentTarget.value)} /></div>
      </div>
      <button class="primary" type="submit">{t("office.customers.createJob")}</button>
      <p class="ok" role="status">{done.value}</p>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}
