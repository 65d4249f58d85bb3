import { t } from "../../i18n/i18n";
import { chosenJob, notesError, saved } from "./notes";
import { NoteForm } from "./NoteForm";
import { PhotoForm } from "./PhotoForm";
import { ReportView } from "./ReportView";
import { jobsSeen } from "./today";

/** Notes and photos for one of the jobs listed today, and what that job's report holds so far. */
export function NotesAndPhotos() {
  return (
    <section class="card notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t("tech.notes.title")}</h2>
      <label for="notes-job">{t("tech.notes.job")}</label>
      <select id="notes-job" value={chosenJob.value} onChange={e => (chosenJob.value = e.currentTarget.value)}>
        {jobsSeen.value.map(job => <option key={job.ticketId} value={job.ticketId}>{job.description} · {job.address}</option>)}
      </select>
      <NoteForm />
      <PhotoForm />
      {/* Hidden while empty: the page's other alerts stay the only ones when nothing went wrong here. */}
      <p class="ok" role="status" hidden={!saved.value}>{saved.value}</p>
      <p class="error" role="alert" hidden={!notesError.value}>{notesError.value}</p>
      <ReportView />
    </section>
  );
}
