import { useSignal } from "@preact/signals";
import { api, problemText } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { Technician } from "./types";

/** Name, phone, skills, home base and photo; creates the technician when there is none yet. */
export function ProfileForm({ technician, onSaved }: { technician: Technician | null; onSaved: (t: Technician) => void }) {
  const name = useSignal(technician?.name ?? "");
  const phone = useSignal(technician?.phone ?? "");
  const skills = useSignal(technician?.skills.join(", ") ?? "");
  const latitude = useSignal(technician?.homeBase?.latitude?.toString() ?? "");
  const longitude = useSignal(technician?.homeBase?.longitude?.toString() ?? "");
  const address = useSignal(technician?.homeBaseAddress ?? "");
  const error = useSignal("");
  const saved = useSignal("");

  async function submit(event: Event) {
    event.preventDefault();
    error.value = saved.value = "";
    const hasBase = latitude.value.trim() !== "" || longitude.value.trim() !== "";
    const body = {
      name: name.value,
      phone: phone.value.trim() || null,
      skills: skills.value.split(",").map(s => s.trim()).filter(Boolean),
      homeBase: hasBase ? { latitude: Number(latitude.value), longitude: Number(longitude.value) } : null,
      homeBaseAddress: address.value.trim() || null,
      photoUrl: technician?.photoUrl ?? null,
    };
    const { data, error: problem, response } = technician
      ? await api.PUT("/api/v1/technicians/{id}", { params: { path: { id: technician.id } }, body })
      : await api.POST("/api/v1/technicians", { body: { ...body, schedule: null } });
    if (data) { saved.value = t("common.saved"); onSaved(data); }
    else error.value = problemText(problem, response.status);
  }

  return (
    <form onSubmit={submit}>
      <div class="field-row">
        <div><label for="tech-name">{t("office.technicians.name")}</label>
          <input id="tech-name" required maxLength={200} value={name.value} onInput={e => (name.value = e.currentTarget.value)} /></div>
        <div><label for="tech-phone">{t("office.technicians.phone")}</label>
          <input id="tech-phone" type="tel" value={phone.value} onInput={e => (phone.value = e.currentTarget.value)} /></div>
      </div>
      <label for="tech-skills">{t("office.technicians.skills")}</label>
      <input id="tech-skills" value={skills.value} onInput={e => (skills.value = e.currentTarget.value)} aria-describedby="tech-skills-hint" />
      <p class="muted hint" id="tech-skills-hint">{t("office.technicians.skillsHint")}</p>
      <fieldset>
        <legend>{t("office.technicians.homeBase")}</legend>
        <div class="field-row">
          <div><label for="tech-lat">{t("office.technicians.latitude")}</label>
            <input id="tech-lat" inputMode="decimal" value={latitude.value} onInput={e => (latitude.value = e.currentTarget.value)} /></div>
          <div><label for="tech-lon">{t("office.technicians.longitude")}</label>
            <input id="tech-lon" inputMode="decimal" value={longitude.value} onInput={e => (longitude.value = e.currentTarget.value)} /></div>
        </div>
        <label for="tech-address">{t("office.technicians.address")}</label>
        <input id="tech-address" value={address.value} onInput={e => (address.value = e.currentTarget.value)} />
      </fieldset>
      <button class="primary" type="submit">{technician ? t("common.save") : t("office.technicians.create")}</button>
      <p class="ok" role="status">{saved.value}</p>
      <p class="error" role="alert">{error.value}</p>
    </form>
  );
}
