import { t } from "../../i18n/i18n";
import { timeOfDay } from "../../components/time";
import { lastPosition, lastSent, queued, startTracking, stopTracking, tracking, trackingError } from "./tracking";
import { phoneZone } from "./zone";

/** Starts and stops location sharing, and says how it goes: fixes waiting to be sent, the last one sent. */
export function TrackingCard() {
  const on = tracking.value;
  const position = lastPosition.value;
  return (
    <section class="card tracking" aria-labelledby="tracking-title">
      <h2 id="tracking-title">{t("tech.tracking.title")}</h2>
      <button class="primary big" type="button" onClick={() => (on ? stopTracking() : startTracking())}>
        {on ? t("tech.tracking.stop") : t("tech.tracking.start")}
      </button>
      <dl class="state">
        <dt>{t("tech.tracking.state")}</dt>
        <dd id="tracking">{on ? t("tech.tracking.on") : t("tech.tracking.off")}</dd>
        <dt>{t("tech.tracking.queued")}</dt>
        <dd id="queued">{queued.value}</dd>
        <dt>{t("tech.tracking.sent")}</dt>
        <dd id="sent">{lastSent.value ? timeOfDay(lastSent.value, phoneZone) : t("tech.tracking.never")}</dd>
        <dt>{t("tech.tracking.position")}</dt>
        <dd id="position">{position ? `${position.latitude.toFixed(5)}, ${position.longitude.toFixed(5)}` : t("tech.tracking.never")}</dd>
      </dl>
      <p class="error" role="alert">{trackingError.value}</p>
    </section>
  );
}
