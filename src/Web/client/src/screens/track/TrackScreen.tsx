// One visit, for whoever holds its tracking link (no sign-in): status, window, live ETA, the technician's first name
// and photo, and the map only while the technician is on the way. The server decides what is sent (AppointmentFeed,
// TrackingAudience); this page shows the latest it got, keeps no history, and links nowhere else.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { components } from "../../api/schema";
import { LiveHub } from "../../api/hub";
import { LanguagePicker } from "../../components/LanguagePicker";
import { timeOfDay, whenShort, WhenSpan } from "../../components/time";
import { t } from "../../i18n/i18n";
import { TechnicianMap, type TechnicianPosition } from "../appointment/TechnicianMap";
import { jobStatusLabel } from "../portal/jobStatus";
import { TechnicianAvatar } from "./TechnicianAvatar";
import { headline } from "./headline";
import "../portal/portal.css";
import "../appointment/appointment.css";
import "./track.css";

type Visit = components["schemas"]["TrackedVisitDto"];
type Eta = { ticketId: string; eta: string; minutesLate: number };

const driving = (status: string) => status === "Assigned" || status === "EnRoute";

export function TrackScreen({ token }: { token: string }) {
  const visit = useSignal<Visit | null>(null);
  const eta = useSignal<string | null>(null);
  const position = useSignal<TechnicianPosition | null>(null);
  const gone = useSignal(false);
  const hub = useSignal<LiveHub | null>(null);
  useEffect(() => { document.title = t("track.pageTitle"); });

  function show(next: Visit) {
    visit.value = next;
    eta.value = driving(next.status) ? (next.eta ?? eta.value) : null;
    if (next.position) position.value = next.position;
    if (next.status !== "EnRoute") position.value = null;
  }

  function end() {
    gone.value = true;
    visit.value = null;
    position.value = null;
  }

  useEffect(() => {
    const live = new LiveHub("/hubs/track");
    const c = live.connection;
    c.on("Status", (next: Visit) => show(next));
    c.on("Eta", (next: Eta) => { if (visit.value && driving(visit.value.status)) eta.value = next.eta; });
    c.on("TechnicianPosition", (p: TechnicianPosition) => { if (visit.value?.status === "EnRoute") position.value = p; });
    c.on("TechnicianHidden", () => (position.value = null));
    c.on("LinkEnded", () => { end(); void c.stop(); });
    async function watch() {
      try {
        show(await c.invoke<Visit>("Watch", token));
      } catch {
        end();
        void c.stop();
      }
    }
    c.onreconnected(() => void watch());
    void (async () => {
      try {
        await live.start();
      } catch {
        return end();
      }
      hub.value = live;
      await watch();
    })();
    return () => void c.stop();
  }, [token]);

  const v = visit.value;
  const state = hub.value?.state.value;
  const zone = v?.timeZone ?? "UTC";
  return (
    <>
      <header class="bar track-bar">
        <h1>{v?.companyName || t("track.pageTitle")}</h1>
        {state === "live" && v && <span class="badge live">{t("appointment.live")}</span>}
        {state === "connecting" && v && <span class="badge">{t("appointment.offline")}</span>}
        <LanguagePicker />
      </header>
      <main class="portal track">
        {gone.value && <p class="error" role="alert">{t("track.gone")}</p>}
        {!v && !gone.value && <p class="portal-loading">{t("track.loading")}</p>}
        {v && (
          <>
            <section class="card track-summary" aria-labelledby="track-headline">
              <div class="track-technician">
                {v.technician && <TechnicianAvatar firstName={v.technician.firstName} photoUrl={v.technician.photoUrl} />}
                <h2 id="track-headline">{headline(v.status, v.technician?.firstName)}</h2>
              </div>
              <dl class="facts">
                <dt>{t("appointment.status")}</dt>
                <dd><span class={`badge status-${v.status}`}>{jobStatusLabel(v.status)}</span></dd>
                <dt>{t("appointment.window")}</dt>
                <dd>{v.arrivalWindow ? <WhenSpan start={v.arrivalWindow.start} end={v.arrivalWindow.end} zone={zone} /> : t("jobs.asap")}</dd>
                {driving(v.status) && (
                  <>
                    <dt>{t("appointment.expected")}</dt>
                    <dd>{eta.value ? whenShort(new Date(eta.value), zone) : "—"}</dd>
                  </>
                )}
                <dt>{t("appointment.technician")}</dt>
                <dd>{v.technician?.firstName ?? t("appointment.notAssigned")}</dd>
              </dl>
            </section>
            {position.value && v.status === "EnRoute" && (
              <section class="card" aria-labelledby="map-title">
                <h2 id="map-title">{t("appointment.onTheWay")}</h2>
                <TechnicianMap position={position.value} home={{ lat: Number(v.location.latitude), lon: Number(v.location.longitude) }} />
                <p class="map-legend">
                  <span><span class="swatch technician-marker" aria-hidden="true" />{t("appointment.legendTechnician")}</span>
                  <span><span class="swatch home-marker" aria-hidden="true" />{t("appointment.homeMarker")}</span>
                  <span class="muted">{t("appointment.positionAt", { time: timeOfDay(new Date(position.value.time), zone) })}</span>
                </p>
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}
