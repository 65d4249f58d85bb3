// A phone page that posts the browser's geolocation with the technician's device token. Every fix is queued in
// localStorage first and sent in fix order, so nothing is lost offline or across a reload; the server ignores
// replays of a fix it already has, so sending twice is harmless.
"use strict";

const TOKEN_KEY = "orleansportal.deviceToken";
const QUEUE_KEY = "orleansportal.pendingPings";
const MAX_BATCH = 500;
const RETRY_MS = 10_000;

const $ = id => document.getElementById(id);
let watchId = null;
let sending = false;

const params = new URLSearchParams(location.search);
if (params.get("token")) {
  localStorage.setItem(TOKEN_KEY, params.get("token"));
  history.replaceState(null, "", location.pathname); // keep the secret out of the address bar and history
}
$("token").value = localStorage.getItem(TOKEN_KEY) ?? "";
$("save").addEventListener("click", () => {
  localStorage.setItem(TOKEN_KEY, $("token").value.trim());
  $("error").textContent = "";
  flush();
});
$("toggle").addEventListener("click", () => (watchId === null ? startTracking() : stopTracking()));
window.addEventListener("online", flush);
setInterval(flush, RETRY_MS);
render();

function queue() {
  try { return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? "[]"); } catch { return []; }
}

function saveQueue(items) {
  localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
  render();
}

function startTracking() {
  if (!navigator.geolocation) {
    $("error").textContent = "This browser cannot share its location.";
    return;
  }
  watchId = navigator.geolocation.watchPosition(onPosition, error => ($("error").textContent = "Location: " + error.message), {
    enableHighAccuracy: true,
    maximumAge: 5_000,
    timeout: 30_000,
  });
  $("toggle").textContent = "Stop tracking";
  $("tracking").textContent = "on";
}

function stopTracking() {
  navigator.geolocation.clearWatch(watchId);
  watchId = null;
  $("toggle").textContent = "Start tracking";
  $("tracking").textContent = "off";
}

function onPosition(position) {
  const c = position.coords;
  const ping = {
    time: new Date(position.timestamp).toISOString(),
    lat: c.latitude,
    lon: c.longitude,
    accuracy: c.accuracy ?? undefined,
    speed: c.speed ?? undefined,
    heading: Number.isFinite(c.heading) ? c.heading : undefined,
    altitude: c.altitude ?? undefined,
  };
  saveQueue([...queue(), ping]);
  $("position").textContent = `${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}`;
  flush();
}

async function flush() {
  const token = localStorage.getItem(TOKEN_KEY);
  if (sending || !token || queue().length === 0) return;
  sending = true;
  try {
    while (queue().length > 0) {
      const batch = queue().sort((a, b) => a.time.localeCompare(b.time)).slice(0, MAX_BATCH);
      const response = await fetch("/api/v1/pings", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
        body: JSON.stringify({ pings: batch }),
      });
      if (response.status === 401) {
        $("error").textContent = "The device token is unknown or revoked: ask your dispatcher for a new one.";
        return;
      }
      if (response.status === 400) {
        // A fix the server refuses (too old after a long time offline, say) would block the queue forever: drop
        // the ones it names and send the rest again. Nothing of a refused batch was stored.
        const refused = await refusedFixes(response, batch);
        saveQueue(queue().filter(p => !refused.has(p.time)));
        $("error").textContent = `${refused.size} position(s) refused by the server and dropped.`;
        continue;
      }
      if (!response.ok) return;
      const sent = new Set(batch.map(p => p.time));
      saveQueue(queue().filter(p => !sent.has(p.time)));
      $("sent").textContent = new Date().toLocaleTimeString();
    }
  } catch {
    // Offline: keep everything queued; the "online" event or the retry timer sends it later.
  } finally {
    sending = false;
    render();
  }
}

// The fix times the server's validation errors point at ("pings[3].time"); all of them when it names none.
async function refusedFixes(response, batch) {
  let errors = {};
  try { errors = (await response.json()).errors ?? {}; } catch { /* not a ProblemDetails body */ }
  const indexes = Object.keys(errors).map(key => /^pings\[(\d+)\]/.exec(key)?.[1]).filter(i => i !== undefined).map(Number);
  if (indexes.length === 0) return new Set(batch.map(p => p.time));
  return new Set(indexes.map(i => batch[i]?.time).filter(Boolean));
}

function render() {
  $("queued").textContent = String(queue().length);
}
