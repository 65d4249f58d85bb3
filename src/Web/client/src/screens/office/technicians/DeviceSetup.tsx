import { useSignal } from "@preact/signals";
import { Fragment } from "preact";
import { Dialog } from "../../../components/Dialog";
import { t } from "../../../i18n/i18n";
import type { IssuedDevice } from "./types";

/**
 * A new token, shown this once, with how to set up each tracking app: a tab per app with its QR code (scan it from the
 * app or the phone's camera), the settings to type, and the steps. The QR code is the server's SVG shown as an image,
 * so nothing in it can run.
 */
export function DeviceSetup({ issued, onClose }: { issued: IssuedDevice; onClose: () => void }) {
  const apps = issued.setup?.apps ?? [];
  const chosen = useSignal(apps[0]?.app ?? "");
  const app = apps.find(a => a.app === chosen.value);
  return (
    <Dialog title={t("office.devices.newTitle", { label: issued.label })} onClose={onClose}>
      <p>{t("office.devices.onceOnly")}</p>
      <p class="token"><code>{issued.token}</code></p>
      {apps.length > 0 && (
        <>
          <div role="tablist" aria-label={t("office.devices.apps")} class="tabs">
            {apps.map(a => (
              <button key={a.app} type="button" role="tab" id={`tab-${a.app}`} aria-selected={a.app === chosen.value}
                aria-controls={`panel-${a.app}`} onClick={() => (chosen.value = a.app)}>{a.name}</button>
            ))}
          </div>
          {app && (
            <div role="tabpanel" id={`panel-${app.app}`} aria-labelledby={`tab-${app.app}`} class="app-setup">
              <img class="qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(app.qrSvg)}`} alt={t("office.devices.qrAlt", { app: app.name })} width={200} height={200} />
              <div>
                <dl>{app.settings.map(s => <Fragment key={s.name}><dt>{s.name}</dt><dd><code>{s.value}</code></dd></Fragment>)}</dl>
                <ol>{app.steps.map((step, i) => <li key={i}>{step}</li>)}</ol>
              </div>
            </div>
          )}
        </>
      )}
      <button type="button" class="primary" onClick={onClose}>{t("common.close")}</button>
    </Dialog>
  );
}
