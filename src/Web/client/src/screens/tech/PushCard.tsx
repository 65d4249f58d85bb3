import { t } from "../../i18n/i18n";
import { dateOnly } from "../../components/time";
import { pushBusy, pushDevices, pushError, pushState, removePushDevice, turnOffPush, turnOnPush } from "./push";
import { phoneZone } from "./zone";

/** Job alerts on this phone: turned on by a button (the browser asks permission then), off again, and the other phones listed. */
export function PushCard() {
  const state = pushState.value;
  const others = pushDevices.value.filter(d => !d.thisDevice || state !== "on");
  return (
    <section class="card push" aria-labelledby="push-title">
      <h2 id="push-title">{t("tech.push.title")}</h2>
      <p class="muted">{t("tech.push.intro")}</p>
      {state === "unsupported" && <p id="push-state">{t("tech.push.unsupported")}</p>}
      {state === "blocked" && <p id="push-state">{t("tech.push.blocked")}</p>}
      {state === "off" && (
        <button class="primary big" type="button" disabled={pushBusy.value} onClick={() => void turnOnPush()}>{t("tech.push.turnOn")}</button>
      )}
      {state === "on" && (
        <>
          <p id="push-state" class="on">{t("tech.push.on")}</p>
          <button class="big" type="button" disabled={pushBusy.value} onClick={() => void turnOffPush()}>{t("tech.push.turnOff")}</button>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3>{t("tech.push.otherDevices")}</h3>
          <ul class="push-devices">
            {others.map(d => (
              <li key={d.id}>
                <span>{t("tech.push.device", { service: d.pushService, since: dateOnly(new Date(d.subscribedAt), phoneZone) })}</span>
                <button type="button" disabled={pushBusy.value} onClick={() => void removePushDevice(d.id)}
                  aria-label={t("tech.push.removeDevice", { service: d.pushService })}>{t("tech.push.remove")}</button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="error" role="alert">{pushError.value}</p>
    </section>
  );
}
