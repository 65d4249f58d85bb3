import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, problemText } from "../../../api/client";
import { When } from "../../../components/time";
import { companyZone } from "../../../components/office/companyZone";
import { t } from "../../../i18n/i18n";
import { DeviceSetup } from "./DeviceSetup";
import type { Device, IssuedDevice } from "./types";

/** The technician's phones: what each token is (never the token), a new one shown once with its setup, revoking. */
export function DevicesPanel({ technicianId }: { technicianId: string }) {
  const devices = useSignal<Device[]>([]);
  const label = useSignal("");
  const issued = useSignal<IssuedDevice | null>(null);
  const error = useSignal("");
  const path = { params: { path: { id: technicianId } } };
  const zone = companyZone.value;

  async function load() {
    const { data } = await api.GET("/api/v1/technicians/{id}/devices", path);
    if (data) devices.value = data;
  }
  useEffect(() => { void load(); }, [technicianId]);

  async function issue(event: Event) {
    event.preventDefault();
    error.value = "";
    const { data, error: problem, response } = await api.POST("/api/v1/technicians/{id}/devices", { ...path, body: { label: label.value.trim() || null } });
    if (data) { issued.value = data; label.value = ""; await load(); }
    else error.value = problemText(problem, response.status);
  }

  async function revoke(device: Device) {
    if (!confirm(t("office.devices.revokeConfirm", { label: device.label }))) return;
    const { response, error: problem } = await api.DELETE("/api/v1/technicians/{id}/devices/{deviceId}", { params: { path: { id: technicianId, deviceId: device.id } } });
    if (response.ok) await load();
    else error.value = problemText(problem, response.status);
  }

  return (
    <>
      {devices.value.length === 0
        ? <p class="muted">{t("office.devices.none")}</p>
        : (
          <ul class="devices">
            {devices.value.map(d => (
              <li key={d.id} class={d.revoked ? "revoked" : ""}>
                <span><strong>{d.label}</strong> <span class="muted">…{d.tokenHint}</span></span>
                <span class="muted">{t("office.devices.issued")} <When at={d.issuedAt} zone={zone} />
                  {d.lastUsedAt ? <> · {t("office.devices.lastUsed")} <When at={d.lastUsedAt} zone={zone} /></> : <> · {t("office.devices.neverUsed")}</>}</span>
                {d.revoked ? <span class="badge">{t("office.devices.revoked")}</span>
                  : <button type="button" onClick={() => revoke(d)} aria-label={t("office.devices.revokeNamed", { label: d.label })}>{t("office.devices.revoke")}</button>}
              </li>
            ))}
          </ul>
        )}
      <form onSubmit={issue} class="issue">
        <label for="device-label">{t("office.devices.label")}</label>
        <div class="inline">
          <input id="device-label" maxLength={100} placeholder={t("office.devices.labelHint")} value={label.value} onInput={e => (label.value = e.currentTarget.value)} />
          <button class="primary" type="submit">{t("office.devices.issue")}</button>
        </div>
      </form>
      <p class="error" role="alert">{error.value}</p>
      {issued.value && <DeviceSetup issued={issued.value} onClose={() => (issued.value = null)} />}
    </>
  );
}
