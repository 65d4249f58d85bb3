import type { components } from "../../api/schema";
import { whenShort } from "../../components/time";
import { language, t } from "../../i18n/i18n";
import { zone } from "./session";

type Report = components["schemas"]["JobReportDto"];

/** What the technician recorded: arrival, departure, time on site, notes and photos, and the report as a file. */
export function ReportBody({ report: r }: { report: Report }) {
  const at = (instant: string | null) => (instant ? whenShort(new Date(instant), zone()) : "—");
  return (
    <div class="report-body">
      <p class="muted">{r.address}</p>
      <table class="facts-table">
        <tbody>
          <tr><th scope="row">{t("documents.arrived")}</th><td>{at(r.arrived)}</td></tr>
          <tr><th scope="row">{t("documents.departed")}</th><td>{at(r.departed)}</td></tr>
          <tr>
            <th scope="row">{t("documents.onSite")}</th>
            <td>{r.minutesOnSite === null ? "—" : t("documents.minutes", { minutes: Math.round(Number(r.minutesOnSite)) })}</td>
          </tr>
        </tbody>
      </table>
      <h4>{t("documents.notes")}</h4>
      {r.notes.length === 0 && <p class="muted">{t("documents.noNotes")}</p>}
      {r.notes.map((note, i) => <p key={i} class="note">{t("documents.note", { author: note.author, when: at(note.at), text: note.text })}</p>)}
      <h4>{t("documents.photos")}</h4>
      {r.photos.length === 0 && <p class="muted">{t("documents.noPhotos")}</p>}
      {r.photos.length > 0 && (
        <div class="photos">
          {r.photos.map(photo => (
            <figure key={photo.id}>
              <img src={photo.url} alt={photo.caption || t("documents.photo")} loading="lazy" />
              {photo.caption && <figcaption>{photo.caption}</figcaption>}
            </figure>
          ))}
        </div>
      )}
      <a class="button" href={`/api/v1/portal/reports/${encodeURIComponent(r.ticketId)}/download`} download>{t("documents.download")}</a>
      {/* In the language the page is read in, which may not be the one the contact's messages are written in. */}
      <a class="button" href={`/api/v1/portal/reports/${encodeURIComponent(r.ticketId)}/report.pdf?language=${encodeURIComponent(language.value)}`} download>
        {t("documents.downloadPdf")}
      </a>
    </div>
  );
}
