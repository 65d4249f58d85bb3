import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import type { JobReport } from "./types";

/** The job's report as the office sees it: who wrote each note, and the photos as thumbnails that open full size. */
export function JobReportCard({ report, zone }: { report: JobReport; zone: string }) {
  return (
    <section class="card job-report" aria-labelledby="report-title">
      <h2 id="report-title">{t("office.job.report")}</h2>
      {(report.arrived || report.departed) && (
        <dl class="facts">
          {report.arrived && <><dt>{t("office.job.arrived")}</dt><dd><When at={report.arrived} zone={zone} /></dd></>}
          {report.departed && <><dt>{t("office.job.departed")}</dt><dd><When at={report.departed} zone={zone} /></dd></>}
          {report.minutesOnSite != null && <><dt>{t("office.job.onSite")}</dt><dd>{t("office.job.minutesValue", { minutes: Math.round(report.minutesOnSite) })}</dd></>}
        </dl>
      )}
      <h3 id="notes-title">{t("office.job.notes")}</h3>
      {report.notes.length === 0 ? <p class="muted">{t("office.job.noNotes")}</p> : (
        <ul class="plain notes" aria-labelledby="notes-title">
          {report.notes.map((n, i) => <li key={i}><span class="muted"><When at={n.at} zone={zone} /> · {n.author}</span><div class="note-text">{n.text}</div></li>)}
        </ul>
      )}
      <h3 id="photos-title">{t("office.job.photos")}</h3>
      {report.photos.length === 0 ? <p class="muted">{t("office.job.noPhotos")}</p> : (
        <ul class="thumbnails" aria-labelledby="photos-title">
          {report.photos.map(p => (
            <li key={p.id}>
              <a href={p.url} target="_blank" rel="noopener" aria-label={t("office.job.openPhoto", { caption: p.caption || t("office.job.photo") })}>
                <img src={p.url} alt={p.caption || t("office.job.photo")} loading="lazy" width={120} height={120} />
              </a>
              {p.caption && <span class="caption">{p.caption}</span>}
            </li>
          ))}
        </ul>
      )}
      <p><a class="button" href={`/api/v1/tickets/${encodeURIComponent(report.ticketId)}/report.pdf`} download>{t("office.job.downloadPdf")}</a></p>
    </section>
  );
}
