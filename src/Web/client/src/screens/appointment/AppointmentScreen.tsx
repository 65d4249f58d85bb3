// One appointment, live: status, ETA and, only while the technician is on the way here, where they are. The server
// decides what is sent (AppointmentFeed); this page shows the latest it got and keeps no track or history.
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { LiveHub } from "../../api/hub";
import { LanguagePicker } from "../../components/LanguagePicker";
import { timeOfDay, whenShort, WhenSpan } from "../../components/time";
import { t } from "../../i18n/i18n";
import { jobStatusLabel } from "../portal/jobStatus";
import { TechnicianMap, type TechnicianPosition } from "./TechnicianMap";
import "../portal/portal.css";
import "./appointment.css";

type Job = components["schemas"]["PortalJobDto"];
type Eta = { ticketId: string; eta: string; minutesLate: number };

const driving = (status: string) => status === "Assigned" || status === "EnRoute";

export function AppointmentScreen({ id }: { id: string }) {
  const job = useSignal<Job | null>(null);
  const zone = useSignal("UTC");
  const eta = useSignal<string | null>(null);
  const position = useSignal<TechnicianPosition | null>(null);
  const missing = useSignal(false);
  const hub = useSignal<LiveHub | null>(null);
  useEffect(() => { document.title = t("appointment.pageTitle"); });

  function show(next: Job) {
    job.value = next;
    if (driving(next.status)) eta.value = next.eta ?? eta.value;
    else eta.value = null;
    if (next.status !== "EnRoute") position.value = null;
  }

  useEffect(() => {
    const live = new LiveHub("/hubs/appointments");
    const c = live.connection;
    c.on("Status", (next: Job) => { if (next.id === id) show(next); });
    c.on("Eta", (next: Eta) => { if (next.ticketId === id && job.value && driving(job.value.status)) eta.value = next.eta; });
    c.on("TechnicianPosition", (p: TechnicianPosition) => { if (p.ticketId === id) position.value = p; });
    c.on("TechnicianHidden", (ticketId: string) => { if (ticketId === id) position.value = null; });
    async function watch() {
      try {
        show(await c.invoke<Job>("Watch", id));
      } catch {
        missing.value = true;
      }
    }
    c.onreconnected(() => void watch());
    void (async () => {
      const { data: me } = await api.GET("/api/v1/portal/me");
      if (!me) return location.assign("/portal/"); // not signed in (or the session ended): sign in first
      zone.value = me.timeZone;
      try {
        await live.start();
      } catch {
        return location.assign("/portal/");
      }
      hub.value = live;
      await watch();
    })();
    return () => void c.stop();
  }, [id]);

  const j = job.value;
  const state = hub.value?.state.value;
  return (
    <>
      <header class="bar appointment-bar">
        <a class="back-link" href="/portal/#appointments">‹ {t("appointment.back")}</a>
        <h1>{t("appointment.pageTitle")}</h1>
        {state === "live" && j && <span class="badge live">{t("appointment.live")}</span>}
        {state === "connecting" && <span class="badge">{t("appointment.offline")}</span>}
        <LanguagePicker />
      </header>
      <main class="portal appointment">
        {missing.value && !j && (
          <p class="error" role="alert">{t("appointment.missing")} <a href="/portal/">{t("appointment.backToPortal")}</a></p>
        )}
        {j && (
          <>
            <section class="card" aria-labelledby="job-title">
              <h2 id="job-title">{j.description}</h2>
              <p class="muted">{j.address}</p>
              <dl class="facts">
                <dt>{t("appointment.status")}</dt>
                <dd><span class={`badge status-${j.status}`}>{jobStatusLabel(j.status)}</span></dd>
                <dt>{t("appointment.window")}</dt>
                <dd>{j.arrivalWindow ? <WhenSpan start={j.arrivalWindow.start} end={j.arrivalWindow.end} zone={zone.value} /> : t("jobs.asap")}</dd>
                <dt>{t("appointment.expected")}</dt>
                <dd>{eta.value ? whenShort(new Date(eta.value), zone.value) : "—"}</dd>
                <dt>{t("appointment.technician")}</dt>
                <dd>{j.technician?.firstName ?? t("appointment.notAssigned")}</dd>
              </dl>
              {j.technician?.photoUrl && <img class="technician-photo" src={j.technician.photoUrl} alt={t("appointment.technicianPhoto", { name: j.technician.firstName })} />}
            </section>
            {position.value && j.status === "EnRoute" && (
              <section class="card" aria-labelledby="map-title">
                <h2 id="map-title">{t("appointment.onTheWay")}</h2>
                <TechnicianMap position={position.value} home={{ lat: Number(j.location.latitude), lon: Number(j.location.longitude) }} />
                <p class="map-legend">
                  <span><span class="swatch technician-marker" aria-hidden="true" />{t("appointment.legendTechnician")}</span>
                  <span><span class="swatch home-marker" aria-hidden="true" />{t("appointment.homeMarker")}</span>
                  <span class="muted">{t("appointment.positionAt", { time: timeOfDay(new Date(position.value.time), zone.value) })}</span>
                </p>
              </section>
            )}
            <section class="card" aria-labelledby="progress-title">
              <h2 id="progress-title">{t("appointment.progress")}</h2>
              <ol class="timeline">
                {j.timeline.map((step, i) => (
                  <li key={i}><time dateTime={step.at}>{whenShort(new Date(step.at), zone.value)}</time>{jobStatusLabel(step.status)}</li>
                ))}
              </ol>
            </section>
          </>
        )}
      </main>
    </>
  );
}
