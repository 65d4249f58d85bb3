// The device API as the page uses it: every call typed from the OpenAPI document, authenticated by the phone's token,
// and answered as data or as a refusal the page can show (its sentence) and react to (the ProblemDetails' flags).
import { api, multipart, problemText } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { authorization } from "./deviceToken";

export type DeviceJob = components["schemas"]["DeviceJobDto"];
export type JobReport = components["schemas"]["JobReportDto"];
export type ReportPhoto = components["schemas"]["ReportPhotoDto"];
export type DevicePhoto = components["schemas"]["DevicePhotoDto"];
export type LateJob = components["schemas"]["LateJobDto"];

/** Why a call did not do what was asked, in the page's words, with what the server flagged about it. */
export type Refusal = {
  status: number;
  text: string;
  /** Offline, or the server could not be reached: nothing was done. */
  offline: boolean;
  /** Check-in: too far from the job; the server takes it with a reason. */
  reasonRequired: boolean;
  /** On my way to a job out of route order: the server warns (409 with the impact) and takes it when confirmed. */
  confirmationRequired: boolean;
  /** With confirmationRequired: the jobs the start would make late, and by how much. */
  lateJobs: LateJob[];
};

export type Answer<T> = ({ ok: true; data: T }) | ({ ok: false } & Refusal);

/**
 * The extensions of the device API's ProblemDetails the page reacts to. The document does not describe them (a
 * ProblemDetails' extensions are not part of its schema), so they are checked before use.
 */
type ProblemFlags = { reasonRequired?: unknown; confirmationRequired?: unknown; lateJobs?: unknown };

async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Answer<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    return { ok: false, status: 0, text: t("tech.offline"), offline: true, reasonRequired: false, confirmationRequired: false, lateJobs: [] };
  }
  const { data, error, response } = result;
  if (response.ok) return { ok: true, data: data as T };
  const flags = (error ?? {}) as ProblemFlags;
  return {
    ok: false,
    status: response.status,
    // The server's 401 tells an app developer how to send the header; the technician needs to know what to do.
    text: response.status === 401 ? t("tech.tokenRefused") : problemText(error, response.status),
    offline: false,
    reasonRequired: flags.reasonRequired === true,
    confirmationRequired: flags.confirmationRequired === true,
    lateJobs: Array.isArray(flags.lateJobs) ? (flags.lateJobs as LateJob[]) : [],
  };
}

const job = (ticketId: string) => ({ path: { ticketId } });

export const todaysJobs = () => answer(api.GET("/api/v1/device/jobs", { headers: authorization() }));

/** EnRoute or Completed; confirmOutOfOrder answers the warning a start out of route order gets (409 confirmationRequired). */
export const moveJob = (ticketId: string, status: "EnRoute" | "Completed", confirmOutOfOrder = false) =>
  answer(api.POST("/api/v1/device/jobs/{ticketId}/status", { params: job(ticketId), headers: authorization(), body: { status, note: null, confirmOutOfOrder } }));

export const checkIn = (ticketId: string, at: GeolocationCoordinates, reason: string | null) =>
  answer(api.POST("/api/v1/device/check-in", { headers: authorization(), body: { ticketId, latitude: at.latitude, longitude: at.longitude, reason } }));

export const jobReport = (ticketId: string) =>
  answer(api.GET("/api/v1/device/jobs/{ticketId}/report", { params: job(ticketId), headers: authorization() }));

export const addNote = (ticketId: string, text: string) =>
  answer(api.POST("/api/v1/device/jobs/{ticketId}/notes", { params: job(ticketId), headers: authorization(), body: { text } }));

/** The photo goes as multipart form data (fields "photo" and "caption"), which the server reads itself. */
export const addPhoto = (ticketId: string, photo: File, caption: string) => {
  const form = new FormData();
  form.append("photo", photo);
  form.append("caption", caption);
  return answer(api.POST("/api/v1/device/jobs/{ticketId}/photos", { params: job(ticketId), headers: authorization(), ...multipart(form) }));
};

export type PushSettings = components["schemas"]["PushSettingsDto"];
export type PushDevice = components["schemas"]["PushDeviceDto"];

export const pushSettings = () => answer(api.GET("/api/v1/device/push-subscriptions", { headers: authorization() }));

/** A browser's subscription as PushSubscription.toJSON() gives it. */
export const savePushSubscription = (subscription: PushSubscriptionJSON) =>
  answer(api.POST("/api/v1/device/push-subscriptions", {
    headers: authorization(),
    body: {
      endpoint: subscription.endpoint ?? null,
      expirationTime: subscription.expirationTime ?? null,
      keys: { p256dh: subscription.keys?.["p256dh"] ?? null, auth: subscription.keys?.["auth"] ?? null },
    },
  }));

export const removePushSubscription = (id: string) =>
  answer(api.DELETE("/api/v1/device/push-subscriptions/{id}", { params: { path: { id } }, headers: authorization() }));
