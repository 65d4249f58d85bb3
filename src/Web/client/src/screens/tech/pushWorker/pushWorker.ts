// The /tech/ page's service worker: shows a job's push on the phone while the page is closed, and a tap opens the page.
// Built by Vite into /tech/push-worker.js (a fixed name: a registration names its script), so its scope is /tech/.
// It imports nothing: a classic worker script with no chunks to load.

// A script, not a module: the global scope is this worker's.
const worker = self as unknown as ServiceWorkerGlobalScope;

/** The plaintext of a push, as the app's PushChannel writes it (PushPayload). */
type JobPush = { title: string; body: string; tag: string; url: string; urgent: boolean };

const techPage = "/tech/";

// A new version takes over at once: its handlers are the ones that must show the next push.
worker.addEventListener("install", () => void worker.skipWaiting());
worker.addEventListener("activate", event => event.waitUntil(worker.clients.claim()));

worker.addEventListener("push", event => {
  const push = read(event.data);
  // renotify: a second push about the same job (the tag) rings again instead of replacing the first in silence.
  const options: NotificationOptions & { renotify?: boolean } = {
    body: push.body,
    tag: push.tag,
    renotify: true,
    requireInteraction: push.urgent, // an emergency stays on screen until the technician acts on it
    data: { url: push.url },
  };
  event.waitUntil(worker.registration.showNotification(push.title, options));
});

worker.addEventListener("notificationclick", event => {
  event.notification.close();
  const wanted = (event.notification.data as { url?: unknown } | null)?.url;
  const url = new URL(typeof wanted === "string" && wanted.startsWith("/") ? wanted : techPage, worker.location.origin);
  event.waitUntil(openPage(url));
});

/** The page already open in a tab comes to the front (and reloads its list by itself); otherwise a new one opens. */
async function openPage(url: URL): Promise<void> {
  const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find(w => new URL(w.url).pathname.startsWith(techPage));
  if (open) await open.focus();
  else await worker.clients.openWindow(url.href);
}

/** The push's payload; a push that is not ours (or has none) still tells the technician something happened. */
function read(data: PushMessageData | null): JobPush {
  const fallback: JobPush = { title: "OrleansPortal", body: "", tag: "orleansportal", url: techPage, urgent: false };
  if (!data) return fallback;
  try {
    const parsed = data.json() as Partial<JobPush>;
    return {
      title: typeof parsed.title === "string" && parsed.title ? parsed.title : fallback.title,
      body: typeof parsed.body === "string" ? parsed.body : "",
      tag: typeof parsed.tag === "string" && parsed.tag ? parsed.tag : fallback.tag,
      url: typeof parsed.url === "string" ? parsed.url : techPage,
      urgent: parsed.urgent === true,
    };
  } catch {
    return { ...fallback, body: data.text() };
  }
}
