// The technician's day: today's route in order, the steps the server allows on each job, and the questions a step can
// raise (a reason when checking in far from the job; a confirmation when starting a job out of route order). The
// server names the allowed steps from the ticket's lifecycle, so the page never keeps its own copy of the rules.
import { batch, computed, signal } from "@preact/signals";
import { t } from "../../i18n/i18n";
import { checkIn, moveJob, todaysJobs, type DeviceJob, type LateJob, type Refusal } from "./deviceApi";
import { deviceToken } from "./deviceToken";
import { currentPosition } from "./location";

const refreshMs = 30_000;

/** Today's open jobs in route order; null until the first answer. */
export const jobs = signal<DeviceJob[] | null>(null);
/** Every job listed since the page opened, newest list first: a job that is done leaves "Today" but can still get a note or a photo. */
export const jobsSeen = signal<DeviceJob[]>([]);
export const updatedAt = signal<Date | null>(null);
/** Why the list could not be loaded; the next good load clears it. */
const listError = signal("");
/**
 * Why the technician's last step was refused. Kept apart from listError because every step reloads the list
 * afterwards, and that reload must not wipe the reason the technician is reading; the next step clears it.
 */
const stepError = signal("");
export const jobsError = computed(() => stepError.value || listError.value);
/** One step at a time, and no refresh under it, so an older list never overwrites a newer one. */
export const busy = signal(false);
/** The check-in the server wants a reason for. */
export const asking = signal<{ ticketId: string; message: string } | null>(null);
/** The start out of route order the server warned about, waiting for the technician's answer. */
export const confirming = signal<{ job: DeviceJob; message: string; lateJobs: LateJob[] } | null>(null);

/** Loads the list now and every 30 s (not while a question is open); returns how to stop. */
export function keepRefreshing(): () => void {
  void refresh();
  const timer = setInterval(() => {
    if (!asking.value && !confirming.value) void refresh();
  }, refreshMs);
  return () => clearInterval(timer);
}

export async function refresh(): Promise<void> {
  if (busy.value || !deviceToken.value) return;
  const answer = await todaysJobs();
  if (!answer.ok) {
    listError.value = answer.offline ? t("tech.today.offline") : answer.text;
    return;
  }
  const listed = answer.data;
  batch(() => {
    jobs.value = listed;
    jobsSeen.value = [...listed, ...jobsSeen.value.filter(seen => !listed.some(j => j.ticketId === seen.ticketId))];
    updatedAt.value = new Date();
    listError.value = "";
    if (asking.value && !listed.some(j => j.ticketId === asking.value?.ticketId)) asking.value = null;
  });
}

export const onMyWay = (job: DeviceJob, confirmOutOfOrder = false) => act(async () => {
  const answer = await moveJob(job.ticketId, "EnRoute", confirmOutOfOrder);
  if (answer.ok) return;
  // A 409 that only warns (the job is not the next one) is a question; any other 409 is a refusal.
  if (answer.confirmationRequired && !confirmOutOfOrder) confirming.value = { job, message: answer.text, lateJobs: answer.lateJobs };
  else showRefusal(answer);
});

export function answerOutOfOrder(start: boolean): void {
  const asked = confirming.value;
  confirming.value = null;
  if (asked && start) void onMyWay(asked.job, true);
}

export const done = (job: DeviceJob) => act(async () => {
  const answer = await moveJob(job.ticketId, "Completed");
  if (!answer.ok) showRefusal(answer);
});

/** Check-in with where the phone is; far from the job, the server wants a reason, which the job's card then asks for. */
export const arrived = (job: DeviceJob, reason: string | null = null) => act(async () => {
  asking.value = null;
  const position = await currentPosition();
  if (typeof position === "string") {
    stepError.value = position;
    return;
  }
  const answer = await checkIn(job.ticketId, position, reason);
  if (answer.ok) return;
  if (answer.reasonRequired && !reason) asking.value = { ticketId: job.ticketId, message: answer.text };
  else showRefusal(answer);
});

export function stopAsking(): void {
  asking.value = null;
  void refresh();
}

async function act(step: () => Promise<void>): Promise<void> {
  if (busy.value) return;
  batch(() => {
    busy.value = true;
    stepError.value = "";
  });
  try {
    await step();
  } finally {
    busy.value = false;
  }
  await refresh();
}

function showRefusal(refusal: Refusal): void {
  stepError.value = refusal.text;
}
