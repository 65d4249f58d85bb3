// The dispatcher's live map. State lives in `technicians` (id -> technician with its newest position); the hub
// sends a snapshot on every (re)connect and then batches of positions. A position older than the one held is
// ignored, so a snapshot that arrives after a delta cannot move a marker backwards. The board (board.js) shares
// this page's map and hub connection.
import { startBoard } from "./board.js";
import { startNewJobForm } from "./new-job.js";

const NO_SIGNAL_AFTER_MS = 5 * 60 * 1000;
const STATUS_LABELS = { OffDuty: "Off duty", Available: "Available", EnRoute: "En route", OnSite: "On site" };
const PORTO = [41.1579, -8.6291];

const technicians = new Map();
const markers = new Map();
let selectedId = null;
let track = null;

const map = L.map("map", { zoomControl: true }).setView(PORTO, 12);
// Leaflet measures its container only on window resizes; the panels around it (board, narrow-screen stacking) can
// change its size too.
new ResizeObserver(() => map.invalidateSize()).observe(document.getElementById("map"));
fetch("/api/v1/map").then(r => r.ok ? r.json() : null).then(config => {
  // Tiles come from the operator's tile server; where none is reachable the map still works without them.
  // The page sends no referrer; tile servers ask for one (OpenStreetMap's policy), so tiles send the origin alone.
  if (config?.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19, referrerPolicy: "strict-origin" }).addTo(map);
});

const list = document.getElementById("technicians");
const search = document.getElementById("search");
const connectionBadge = document.getElementById("connection");

async function start() {
  const me = await fetch("/api/v1/auth/me");
  if (me.status === 401) {
    location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname);
    return;
  }
  const company = await fetch("/api/v1/company").then(r => r.json());
  document.getElementById("company").textContent = company.name;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live-map")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .build();
  connection.on("Snapshot", snapshot => {
    for (const t of snapshot) upsert({ id: t.id, name: t.name, status: t.status }, t.position);
    render();
  });
  connection.on("Positions", positions => {
    for (const p of positions) upsert({ id: p.id, name: p.name, status: p.status }, p);
    render();
  });
  const board = startBoard({ map, connection });
  startNewJobForm(map);
  connection.onreconnecting(() => setConnection("reconnecting…", "down"));
  // A reconnect is a new connection: the hub sends a fresh snapshot, which is how we catch up.
  connection.onreconnected(() => setConnection("live", "live"));
  connection.onclose(() => setConnection("offline", "down"));
  await connection.start();
  setConnection("live", "live");
  // Read after connecting: the hub subscribes this company's board events on connect, so no change falls between.
  await board.load();
}

function setConnection(text, css) {
  connectionBadge.textContent = text;
  connectionBadge.className = "badge " + css;
}

function upsert(info, position) {
  const known = technicians.get(info.id) ?? { id: info.id, position: null };
  known.name = info.name;
  known.status = info.status;
  if (position && (!known.position || new Date(position.time) >= new Date(known.position.time))) known.position = position;
  technicians.set(info.id, known);
}

function hasNoSignal(t) {
  return !t.position || Date.now() - new Date(t.position.receivedAt).getTime() > NO_SIGNAL_AFTER_MS;
}

function render() {
  const filter = search.value.trim().toLowerCase();
  const shown = [...technicians.values()]
    .filter(t => t.name.toLowerCase().includes(filter))
    .sort((a, b) => a.name.localeCompare(b.name));
  list.replaceChildren(...shown.map(listItem));
  for (const t of technicians.values()) drawMarker(t);
  if (selectedId) showDetails(technicians.get(selectedId), false);
}

function listItem(t) {
  const li = document.createElement("li");
  li.className = "status-" + t.status + (t.id === selectedId ? " selected" : "");
  li.dataset.id = t.id;
  li.innerHTML = `<span class="dot"></span><span class="name"></span>`;
  li.querySelector(".name").textContent = t.name;
  if (hasNoSignal(t)) {
    const badge = document.createElement("span");
    badge.className = "badge nosignal";
    badge.textContent = "no signal";
    li.append(badge);
  }
  li.addEventListener("click", () => select(t.id));
  return li;
}

function drawMarker(t) {
  if (!t.position) return;
  const latLng = [t.position.lat, t.position.lon];
  const heading = t.position.heading ?? 0;
  const icon = L.divIcon({ className: `tech-marker status-${t.status}${hasNoSignal(t) ? " nosignal" : ""}`, html: markerContent(heading), iconSize: [28, 28], iconAnchor: [14, 14] });
  let marker = markers.get(t.id);
  if (!marker) {
    marker = L.marker(latLng, { icon, title: t.name, alt: t.name }).addTo(map);
    marker.bindTooltip(t.name);
    marker.on("click", () => select(t.id));
    markers.set(t.id, marker);
  } else {
    marker.setLatLng(latLng);
    marker.setIcon(icon);
  }
  marker.getElement()?.setAttribute("data-technician", t.id);
}

// Built as elements: the Content-Security-Policy refuses style attributes in markup, not styles set through the DOM.
function markerContent(heading) {
  const content = document.createElement("div");
  const disc = document.createElement("div");
  disc.className = "disc";
  const arrow = document.createElement("div");
  arrow.className = "arrow";
  arrow.style.transform = `rotate(${heading}deg)`;
  content.append(disc, arrow);
  return content;
}

async function select(id) {
  selectedId = id;
  const t = technicians.get(id);
  render();
  showDetails(t, true);
  if (t.position) map.panTo([t.position.lat, t.position.lon]);
  await drawTrack(id);
}

function showDetails(t, fresh) {
  if (!t) return;
  document.getElementById("details").hidden = false;
  document.getElementById("details-name").textContent = t.name;
  document.getElementById("details-status").textContent = STATUS_LABELS[t.status] ?? t.status;
  document.getElementById("details-seen").textContent = t.position ? ago(t.position.receivedAt) + (hasNoSignal(t) ? " (no signal)" : "") : "never";
  document.getElementById("details-speed").textContent = t.position?.speedKmh != null ? `${t.position.speedKmh.toFixed(0)} km/h` : "—";
  if (fresh) document.getElementById("details-track").textContent = "loading…";
}

async function drawTrack(id) {
  const response = await fetch(`/api/v1/technicians/${id}/track`);
  if (!response.ok || selectedId !== id) return;
  const geo = await response.json();
  track?.remove();
  const line = geo.features.find(f => f.geometry.type === "LineString");
  const points = line ? line.geometry.coordinates.map(([lon, lat]) => [lat, lon]) : [];
  track = L.polyline(points, { color: "#1f6feb", weight: 4, opacity: .7, className: "track" }).addTo(map);
  if (points.length > 1) map.fitBounds(track.getBounds(), { maxZoom: 16, padding: [40, 40] });
  document.getElementById("details-track").textContent = `${points.length} fixes in the last hour`;
}

function ago(time) {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(time).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return new Date(time).toLocaleString();
}

search.addEventListener("input", render);
document.getElementById("logout").addEventListener("click", async () => {
  await fetch("/api/v1/auth/logout", { method: "POST" });
  location.href = "/login/";
});
setInterval(render, 10_000); // "no signal" badges appear with time, not only with messages

start().catch(error => setConnection("error: " + error.message, "down"));
