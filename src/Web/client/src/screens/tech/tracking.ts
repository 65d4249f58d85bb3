// Location sharing: the browser's position, posted with the device token. Every fix is queued in localStorage first
// and sent in fix order, so nothing is lost offline or across a reload; the server ignores replays of a fix it already
// has, so sending one twice is harmless. The storage key is the one the page has always used: a queue left by the
// previous version of the page is sent too.
import { signal } from "@preact/signals";
import { api } from "../../api/client";
import type { paths } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { authorization, deviceToken } from "./deviceToken";
import { locationProblem } from "./location";

type Fix = paths["/api/v1/pings"]["post"]["requestBody"]["content"]["application/json"]["pings"][number];

const queueKey = "orleansportal.pendingPings";
const maxBatch = 500;
const retryMs = 10_000;

export const tracking = signal(false);
export const queued = signal(readQueue().length);
export const lastSent = signal<Date | null>(null);
export const lastPosition = signal<GeolocationCoordinates | null>(null);
export const trackingError = signal("");

let watchId: number | null = null;
let sending = false;

/** Sends what is queued when the phone comes back online and every 10 s; returns how to stop. */
export function keepSending(): () => void {
  const send = () => void flush();
  window.addEventListener("online", send);
  const timer = setInterval(send, retryMs);
  send();
  return () => {
    window.removeEventListener("online", send);
    clearInterval(timer);
  };
}

export function startTracking(): void {
  if (!navigator.geolocation) {
    trackingError.value = t("tech.location.unsupported");
    return;
  }
  trackingError.value = "";
  watchId = navigator.geolocation.watchPosition(onPosition, error => (trackingError.value = locationProblem(error)), {
    enableHighAccuracy: true,
    maximumAge: 5_000,
    timeout: 30_000,
  });
  tracking.value = true;
}

export function stopTracking(): void {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  watchId = null;
  tracking.value = false;
}

function onPosition(position: GeolocationPosition): void {
  const c = position.coords;
  const fix: Fix = {
    time: new Date(position.timestamp).toISOString(),
    lat: c.latitude,
    lon: c.longitude,
    accuracy: c.accuracy ?? null,
    speed: c.speed ?? null,
    heading: Number.isFinite(c.heading) ? c.heading : null,
    altitude: c.altitude ?? null,
  };
  writeQueue([...readQueue(), fix]);
  lastPosition.value = c;
  void flush();
}

/** Sends the queue in fix order, a batch at a time, until it is empty, the phone is offline or the server says wait. */
export async function flush(): Promise<void> {
  if (sending || !deviceToken.value || readQueue().length === 0) return;
  sending = true;
  try {
    while (readQueue().length > 0) {
      const batch = readQueue().sort((a, b) => a.time.localeCompare(b.time)).slice(0, maxBatch);
      const { error, response } = await api.POST("/api/v1/pings", { headers: authorization(), body: { pings: batch } });
      if (response.status === 401) {
        trackingError.value = t("tech.tokenRefused");
        return;
      }
      if (response.status === 400) {
        // A fix the server refuses (too old after a long time offline, say) would block the queue forever: drop the
        // ones it names and send the rest again. Nothing of a refused batch was stored.
        const refused = refusedFixes(error?.errors ?? {}, batch);
        writeQueue(readQueue().filter(p => !refused.has(p.time)));
        trackingError.value = t("tech.tracking.dropped", { count: refused.size });
        continue;
      }
      if (!response.ok) return; // 503 while the server cannot store: everything stays queued for the next try
      const sent = new Set(batch.map(p => p.time));
      writeQueue(readQueue().filter(p => !sent.has(p.time)));
      lastSent.value = new Date();
    }
  } catch {
    // Offline: everything stays queued; the "online" event or the retry timer sends it later.
  } finally {
    sending = false;
  }
}

/** The fix times the server's validation errors point at ("pings[3].time"); all of the batch when it names none. */
function refusedFixes(errors: Record<string, string[]>, batch: Fix[]): Set<string> {
  const indexes = Object.keys(errors).map(key => /^pings\[(\d+)\]/.exec(key)?.[1]).filter(i => i !== undefined).map(Number);
  if (indexes.length === 0) return new Set(batch.map(p => p.time));
  return new Set(indexes.map(i => batch[i]?.time).filter((time): time is string => time !== undefined));
}

function readQueue(): Fix[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(queueKey) ?? "[]");
    return Array.isArray(stored) ? (stored as Fix[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(fixes: Fix[]): void {
  localStorage.setItem(queueKey, JSON.stringify(fixes));
  queued.value = fixes.length;
}
