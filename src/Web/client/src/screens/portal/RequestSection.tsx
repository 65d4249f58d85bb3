import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { api, multipart, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { loadJobs, notice, type WindowOffer } from "./jobsStore";
import { go } from "./route";
import { WindowChoices } from "./WindowChoices";

type Property = components["schemas"]["PropertyDto"];
type Service = components["schemas"]["BookableService"];

/**
 * Asks for work at one of the contact's properties: a booked window from dispatch's real capacity, or an emergency (no
 * window). Photos go one per request after the job exists, so one refused file does not lose the others.
 */
export function RequestSection() {
  const properties = useSignal<Property[] | null>(null);
  const services = useSignal<Service[]>([]);
  const propertyId = useSignal("");
  const service = useSignal("");
  const description = useSignal("");
  const emergency = useSignal(false);
  const offers = useSignal<WindowOffer[] | null>(null);
  const chosen = useSignal<string | null>(null);
  const error = useSignal("");
  const busy = useSignal(false);
  const photos = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void Promise.all([api.GET("/api/v1/portal/properties"), api.GET("/api/v1/portal/booking/services")]).then(([p, s]) => {
      services.value = s.data ?? [];
      service.value = services.value[0]?.name ?? "";
      properties.value = p.data ?? [];
      propertyId.value = properties.value[0]?.id ?? "";
    });
  }, []);

  // The offer depends on the property (travel), the service (skills, length) and whether it is an emergency (none needed).
  useEffect(() => {
    let current = true;
    chosen.value = null;
    if (!propertyId.value || emergency.value) return;
    offers.value = null;
    void api.GET("/api/v1/portal/booking/windows", { params: { query: { propertyId: propertyId.value, service: service.value, days: 7 } } }).then(({ data }) => {
      if (current) offers.value = (data ?? []).filter(o => o.available);
    });
    return () => { current = false; };
  }, [propertyId.value, service.value, emergency.value]);

  async function submit(event: Event) {
    event.preventDefault();
    error.value = "";
    if (!description.value.trim()) {
      error.value = t("jobs.request.describe");
      return;
    }
    if (!emergency.value && !chosen.value) {
      error.value = t("jobs.chooseWindow");
      return;
    }
    busy.value = true;
    const body = { propertyId: propertyId.value, service: service.value || null, description: description.value, emergency: emergency.value, windowStart: emergency.value ? null : chosen.value };
    const answer = await outcome(api.POST("/api/v1/portal/service-requests", { body }));
    if (!answer.ok) {
      busy.value = false;
      error.value = answer.status === 409 ? t("jobs.refused") : answer.problem;
      chosen.value = null;
      return;
    }
    const refused = await uploadPhotos(answer.data.id, [...(photos.current?.files ?? [])]);
    busy.value = false;
    notice.value = refused.length > 0
      ? { ok: false, text: `${t("jobs.request.booked")} ${refused.join(" ")}` }
      : { ok: true, text: t("jobs.request.booked") };
    await loadJobs();
    go("appointments");
  }

  const list = properties.value;
  return (
    <section class="card" aria-labelledby="request-title">
      <h2 id="request-title" tabIndex={-1}>{t("jobs.request.title")}</h2>
      {list === null && <p class="muted">{t("common.loading")}</p>}
      {list?.length === 0 && <p class="muted">{t("jobs.request.noProperties")}</p>}
      {list && list.length > 0 && (
        <form onSubmit={submit}>
          <label for="request-property">{t("jobs.request.property")}</label>
          <select id="request-property" required value={propertyId.value} onChange={e => (propertyId.value = e.currentTarget.value)}>
            {list.map(p => <option key={p.id} value={p.id}>{`${p.name} — ${p.address}`}</option>)}
          </select>
          <label for="request-service">{t("jobs.request.service")}</label>
          <select id="request-service" required value={service.value} onChange={e => (service.value = e.currentTarget.value)}>
            {services.value.map(s => <option key={s.name} value={s.name}>{t("jobs.request.serviceOption", { name: s.name, minutes: Number(s.minutes) })}</option>)}
          </select>
          <label for="request-description">{t("jobs.request.description")}</label>
          <textarea id="request-description" rows={3} maxLength={4000} required value={description.value} onInput={e => (description.value = e.currentTarget.value)} />
          <label for="request-photos">{t("jobs.request.photos")}</label>
          <input id="request-photos" ref={photos} type="file" accept="image/jpeg,image/png,image/webp" multiple />
          <label class="inline">
            <input type="checkbox" checked={emergency.value} onChange={e => (emergency.value = e.currentTarget.checked)} /> {t("jobs.request.emergency")}
          </label>
          {emergency.value
            ? <p class="muted">{t("jobs.windowsEmergency")}</p>
            : <WindowChoices offers={propertyId.value ? offers.value : []} chosen={chosen} legend={t("jobs.windowsWhen")}
                note={propertyId.value ? t("jobs.windowsNone") : t("jobs.windowsChooseProperty")} />}
          <button class="primary big" type="submit" disabled={busy.value}>{t("jobs.request.send")}</button>
          {error.value && <p class="error" role="alert">{error.value}</p>}
        </form>
      )}
    </section>
  );
}

/** Uploads each photo on its own; answers a sentence per refused file. */
async function uploadPhotos(jobId: string, files: File[]): Promise<string[]> {
  const refused: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append("photo", file);
    const answer = await outcome(api.POST("/api/v1/portal/jobs/{id}/photos", { params: { path: { id: jobId } }, ...multipart(form) }));
    if (!answer.ok) refused.push(t("jobs.request.photoRefused", { file: file.name, reason: answer.problem }));
  }
  return refused;
}
