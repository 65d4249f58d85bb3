// The contact's jobs, shared by the appointments list and the request form (a booked request shows up in the list),
// and the one line that tells what the last change did.
import { signal } from "@preact/signals";
import { api } from "../../api/client";
import type { components } from "../../api/schema";

export type PortalJob = components["schemas"]["PortalJobDto"];
export type WindowOffer = components["schemas"]["WindowOffer"];

/** null until the first answer; then the jobs, newest first. */
export const jobs = signal<PortalJob[] | null>(null);
export const jobsFailed = signal(false);

/** What the last booking, move or cancellation did, shown above the list until the next one. */
export const notice = signal<{ ok: boolean; text: string } | null>(null);

export async function loadJobs(): Promise<void> {
  const { data } = await api.GET("/api/v1/portal/jobs");
  jobsFailed.value = !data;
  if (data) jobs.value = data;
}

export function replaceJob(job: PortalJob): void {
  jobs.value = (jobs.value ?? []).map(j => (j.id === job.id ? job : j));
}

/** Still to happen: neither done nor cancelled. */
export function isUpcoming(job: PortalJob): boolean {
  return job.status !== "Completed" && job.status !== "Cancelled";
}
