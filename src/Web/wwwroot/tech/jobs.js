// The technician's day: today's route in order, the next job first and highlighted, with live ETAs, a way to
// navigate there and the steps the ticket allows now. The server names those steps (allowedStatuses) from the
// ticket's lifecycle, so the page never keeps its own copy of the rules.
import { ApiError, checkIn, hasToken, moveJob, todaysJobs } from "./device-api.js";
import { geoUri, webDirectionsUrl } from "./navigation.js";

const REFRESH_MS = 30_000;
const STATUS_TEXT = { Assigned: "Assigned", EnRoute: "On the way", OnSite: "On site", Scheduled: "Scheduled", OnHold: "On hold" };

const $ = id => document.getElementById(id);
let busy = false; // one action at a time, and no refresh under it, so an older list never overwrites a newer one
let asking = null; // { ticketId, message } while the reason form is open; timed refreshes leave it alone

$("save").addEventListener("click", () => refresh()); // tech.js has stored the new token by then
setInterval(() => { if (!asking) refresh(); }, REFRESH_MS);
refresh();

async function refresh() {
  if (busy || !hasToken()) return;
  try {
    render(await todaysJobs());
    $("jobs-updated").textContent = "updated " + time(new Date());
  } catch (error) {
    showError(error);
  }
}

async function act(step) {
  if (busy) return;
  busy = true;
  document.querySelectorAll("#jobs button").forEach(b => (b.disabled = true));
  $("jobs-error").textContent = "";
  try {
    await step();
  } catch (error) {
    showError(error);
  } finally {
    busy = false;
  }
  await refresh();
}

const onMyWay = job => act(() => moveJob(job.ticketId, "EnRoute"));

const done = job => act(() => moveJob(job.ticketId, "Completed"));

// Check-in with where the phone is; too far from the job, the server wants a reason, which the inline form asks for.
const arrived = (job, reason) => act(async () => {
  asking = null;
  const position = await currentPosition();
  try {
    await checkIn(job.ticketId, position, reason);
  } catch (error) {
    if (!(error instanceof ApiError && error.problem.reasonRequired)) throw error;
    asking = { ticketId: job.ticketId, message: error.message };
  }
});

function currentPosition() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error("This browser cannot share its location."));
    navigator.geolocation.getCurrentPosition(p => resolve(p.coords), e => reject(new Error("Location: " + e.message)),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 20_000 });
  });
}

function render(jobs) {
  $("jobs").replaceChildren(...jobs.map((job, i) => item(job, i === 0)));
  $("jobs-empty").hidden = jobs.length > 0;
  if (asking && !jobs.some(j => j.ticketId === asking.ticketId)) asking = null;
}

function item(job, next) {
  const li = el("li", { className: "job" + (next ? " next" : ""), dataset: { ticket: job.ticketId } });
  const when = el("div", { className: "when" },
    el("span", { className: "window" }, job.arrivalWindow ? `${time(job.arrivalWindow.start)}–${time(job.arrivalWindow.end)}` : "Any time"),
    el("span", { className: "eta" }, "ETA " + (job.eta ? time(job.eta) : "—")));
  if (job.minutesLate > 0) when.append(el("span", { className: "late" }, `${Math.round(job.minutesLate)} min late`));
  const status = el("div", {}, el("span", { className: `badge status status-${job.status}` }, STATUS_TEXT[job.status] ?? job.status),
    next ? el("strong", {}, " Next") : "", job.priority === "Routine" ? "" : el("span", { className: "late" }, ` ${job.priority}`));
  const links = el("div", { className: "links" },
    el("a", { className: "button navigate", href: geoUri(job.location, job.address) }, "Navigate"),
    el("a", { className: "button", href: webDirectionsUrl(job.location), target: "_blank", rel: "noopener" }, "Directions (web)"));
  const allowed = new Set(job.allowedStatuses);
  const actions = el("div", { className: "actions" },
    button("On my way", allowed.has("EnRoute"), () => onMyWay(job)),
    button("Arrived", allowed.has("OnSite"), () => arrived(job)),
    button("Done", allowed.has("Completed"), () => done(job)));
  li.append(when, status, el("p", { className: "address" }, job.address), el("p", { className: "description" }, job.description), links, actions);
  if (asking?.ticketId === job.ticketId) li.append(reasonForm(job));
  return li;
}

function reasonForm(job) {
  const input = el("input", { name: "reason", required: true, maxLength: 500, autocomplete: "off" });
  const form = el("form", { className: "reason" },
    el("p", { className: "error" }, asking.message),
    el("label", {}, "Why are you checking in from here?", input),
    el("div", { className: "actions" },
      el("button", { type: "submit", className: "primary" }, "Check in"),
      button("Cancel", true, () => { asking = null; refresh(); }, false)));
  form.addEventListener("submit", event => {
    event.preventDefault();
    arrived(job, input.value.trim());
  });
  queueMicrotask(() => input.focus());
  return form;
}

// An enabled step stands out: it is the one to take now.
function button(text, enabled, onClick, primary = enabled) {
  const b = el("button", { type: "button", className: primary ? "primary" : "", disabled: !enabled }, text);
  b.addEventListener("click", onClick);
  return b;
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  Object.assign(node.dataset, dataset ?? {});
  node.append(...children);
  return node;
}

function showError(error) {
  $("jobs-error").textContent = error instanceof ApiError ? error.message : navigator.onLine ? error.message : "Offline: the list refreshes when you are back online.";
}

const time = value => new Date(value).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
