// "Notes & photos": the technician writes a note or sends a photo to one of the jobs listed today; the server checks
// the job is theirs and that the photo really is a JPEG, PNG or WebP. The report shows what the job holds so far.
import { batch, effect, signal } from "@preact/signals";
import { t } from "../../i18n/i18n";
import { addNote, addPhoto, jobReport, type Answer, type JobReport } from "./deviceApi";
import { jobsSeen, refresh } from "./today";

export const chosenJob = signal("");
export const report = signal<JobReport | null>(null);
export const saved = signal("");
export const notesError = signal("");

/** Keeps a job chosen (the next one, until the technician picks another) and its report loaded; returns how to stop. */
export function followChosenJob(): () => void {
  const keepChoice = effect(() => {
    const listed = jobsSeen.value;
    if (!listed.some(j => j.ticketId === chosenJob.peek())) chosenJob.value = listed[0]?.ticketId ?? "";
  });
  const loadReport = effect(() => {
    const ticketId = chosenJob.value;
    batch(() => {
      report.value = null;
      saved.value = "";
      notesError.value = "";
    });
    if (ticketId) void showReport(ticketId); // reads the token too: a new token loads the report again
  });
  return () => {
    keepChoice();
    loadReport();
  };
}

async function showReport(ticketId: string): Promise<void> {
  const answer = await jobReport(ticketId);
  if (chosenJob.peek() !== ticketId) return; // the technician chose another job meanwhile
  if (answer.ok) report.value = answer.data;
  else notesError.value = answer.text;
}

/** Adds the note; true when it was stored, so the form can clear itself. */
export function sendNote(text: string): Promise<boolean> {
  if (!text.trim()) return fail(t("tech.notes.writeFirst"));
  return send(ticketId => addNote(ticketId, text.trim()), t("tech.notes.noteAdded"));
}

/**
 * Adds the photo; true when it was stored, so the form can clear itself. The report is shown once the job list has
 * been asked again: it has the new photo's small copy, so the page never loads the whole photo only to swap it.
 */
export function sendPhoto(photo: File | undefined, caption: string): Promise<boolean> {
  if (!photo) return fail(t("tech.notes.choosePhoto"));
  return send(ticketId => addPhoto(ticketId, photo, caption.trim()), t("tech.notes.photoAdded"), refresh);
}

async function send(call: (ticketId: string) => Promise<Answer<JobReport>>, done: string, before?: () => Promise<void>): Promise<boolean> {
  const ticketId = chosenJob.value;
  batch(() => {
    saved.value = "";
    notesError.value = "";
  });
  if (!ticketId) return fail(t("tech.notes.noJob"));
  const answer = await call(ticketId);
  if (!answer.ok) return fail(answer.text);
  await before?.();
  batch(() => {
    saved.value = done;
    if (chosenJob.value === ticketId) report.value = answer.data; // the answer is the report as it is now
  });
  return true;
}

async function fail(text: string): Promise<false> {
  notesError.value = text;
  return false;
}
