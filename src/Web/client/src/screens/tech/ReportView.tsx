import { t } from "../../i18n/i18n";
import { When, whenShort } from "../../components/time";
import type { DevicePhoto, ReportPhoto } from "./deviceApi";
import { report } from "./notes";
import { thumbnailSource } from "./photos";
import { jobsSeen } from "./today";
import { phoneZone } from "./zone";

/** The chosen job's report: its notes, then its photos as thumbnails (a tap opens the whole photo). */
export function ReportView() {
  const shown = report.value;
  if (!shown) return null;
  if (shown.notes.length === 0 && shown.photos.length === 0) return <p class="muted">{t("tech.notes.nothingYet")}</p>;
  return (
    <div class="report">
      {shown.notes.length > 0 && (
        <>
          <h3 id="report-notes-title">{t("tech.notes.notes")}</h3>
          <ul class="report-notes" aria-labelledby="report-notes-title">
            {shown.notes.map(note => (
              <li key={`${note.at}-${note.text}`}>
                <p>{note.text}</p>
                <When at={note.at} zone={phoneZone} />
              </li>
            ))}
          </ul>
        </>
      )}
      {shown.photos.length > 0 && (
        <>
          <h3 id="report-photos-title">{t("tech.notes.photos")}</h3>
          <ul class="thumbnails" aria-labelledby="report-photos-title">
            {shown.photos.map(photo => <li key={photo.id}><Thumbnail photo={photo} listed={listedPhoto(shown.ticketId, photo.id)} /></li>)}
          </ul>
        </>
      )}
    </div>
  );
}

function Thumbnail({ photo, listed }: { photo: ReportPhoto; listed: DevicePhoto | undefined }) {
  const described = photo.caption || t("tech.notes.photoAt", { time: whenShort(new Date(photo.at), phoneZone) });
  return (
    <figure>
      <a href={photo.url} target="_blank" rel="noopener">
        <img src={thumbnailSource(photo, listed)} alt={described} loading="lazy" decoding="async" />
      </a>
      <figcaption>{photo.caption || <When at={photo.at} zone={phoneZone} />}</figcaption>
    </figure>
  );
}

/** The job list's copy of a report's photo, which has the small picture. */
function listedPhoto(ticketId: string, photoId: string): DevicePhoto | undefined {
  return jobsSeen.value.find(j => j.ticketId === ticketId)?.photos.find(p => p.id === photoId);
}
