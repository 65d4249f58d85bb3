// Job alerts on this phone: Web Push through the page's service worker (/tech/push-worker.js), so a new job for today or
// an emergency reaches the technician with the page closed. Permission is asked only when the technician presses the
// button, never on load: a browser that is asked unprompted learns to refuse.
import { batch, signal } from "@preact/signals";
import { t } from "../../i18n/i18n";
import { pushSettings, removePushSubscription, savePushSubscription, type PushDevice } from "./deviceApi";

const workerUrl = "/tech/push-worker.js";
const scope = "/tech/";

/** unsupported: no service worker or push here; blocked: the technician (or the browser) refused notifications. */
export type PushState = "checking" | "unsupported" | "blocked" | "off" | "on";

export const pushState = signal<PushState>("checking");
/** Every browser the technician gets alerts on, this one included. */
export const pushDevices = signal<PushDevice[]>([]);
export const pushBusy = signal(false);
export const pushError = signal("");

function supported(): boolean {
  return window.isSecureContext && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(scope);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Where things stand, without asking anything: run when the page opens and after each change. */
export async function checkPush(): Promise<void> {
  if (!supported()) {
    pushState.value = "unsupported";
    return;
  }
  const settings = await pushSettings();
  if (!settings.ok) {
    pushError.value = settings.text;
    return;
  }
  let subscription = await currentSubscription();
  // A subscription made under another server key (the app's keys were replaced) can never receive: drop it.
  if (subscription && !sameKey(subscription, settings.data.applicationServerKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  // Known again on every visit: the server forgets subscriptions a push service called gone, and a browser may renew one.
  if (subscription && Notification.permission === "granted") {
    const saved = await savePushSubscription(subscription.toJSON());
    if (!saved.ok) pushError.value = saved.text;
  }
  const devices = subscription ? await pushSettings() : settings;
  batch(() => {
    pushDevices.value = devices.ok ? devices.data.subscriptions : settings.data.subscriptions;
    pushState.value = Notification.permission === "denied" ? "blocked" : subscription ? "on" : "off";
  });
}

export async function turnOnPush(): Promise<void> {
  await step(async () => {
    const settings = await pushSettings();
    if (!settings.ok) return settings.text;
    if ((await Notification.requestPermission()) !== "granted") {
      pushState.value = "blocked";
      return "";
    }
    const registration = await navigator.serviceWorker.register(workerUrl, { scope });
    let subscription: PushSubscription;
    try {
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: settings.data.applicationServerKey });
    } catch {
      return t("tech.push.noService");
    }
    const saved = await savePushSubscription(subscription.toJSON());
    if (!saved.ok) {
      await subscription.unsubscribe(); // not known to the server: no alert would ever come
      return saved.text;
    }
    return "";
  });
}

/** Stops alerts on this browser: the server forgets it, and so does the browser's push service. */
export async function turnOffPush(): Promise<void> {
  await step(async () => {
    const subscription = await currentSubscription();
    if (!subscription) return "";
    // The server names a subscription by a hash of its endpoint: saving it again (which changes nothing) answers its id.
    const saved = await savePushSubscription(subscription.toJSON());
    if (saved.ok) {
      const removed = await removePushSubscription(saved.data.id);
      if (!removed.ok && removed.status !== 404) return removed.text;
    } else if (saved.status !== 400) {
      return saved.text;
    }
    await subscription.unsubscribe();
    return "";
  });
}

/** Stops alerts on another of the technician's browsers (a lost phone, an old one). */
export async function removePushDevice(id: string): Promise<void> {
  await step(async () => {
    const removed = await removePushSubscription(id);
    return removed.ok || removed.status === 404 ? "" : removed.text;
  });
}

async function step(action: () => Promise<string>): Promise<void> {
  if (pushBusy.value) return;
  pushBusy.value = true;
  pushError.value = "";
  try {
    pushError.value = await action();
    await checkPush();
  } finally {
    pushBusy.value = false;
  }
}

/** Whether the subscription was made with the server's key (base64url of the same bytes). */
function sameKey(subscription: PushSubscription, applicationServerKey: string): boolean {
  const key = subscription.options.applicationServerKey;
  if (!key) return true; // the browser does not say: assume so, the push service will tell
  return base64Url(new Uint8Array(key)) === applicationServerKey.replace(/=+$/, "");
}

function base64Url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
