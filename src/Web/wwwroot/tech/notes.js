// "Notes & photos": the technician writes a note or sends a photo to one of today's jobs; the server checks the job is
// theirs and that the photo really is a JPEG, PNG or WebP. The list shows what the job's report holds so far.
import { ApiError, hasToken, todaysJobs } from "./device-api.js";

const TOKEN_KEY = "orleansportal.deviceToken"; // where tech.js keeps the token
const $ = id => document.getElementById(id);

$("save").addEventListener("click", () => loadJobs()); // a new token may show other jobs
$("notes-job").addEventListener("change", () => showReport());
$("note-form").addEventListener("submit", event => {
  event.preventDefault();
  const text = $("note-text").value.trim();
  if (!text) return fail(new Error("Write a note first."));
  send("notes", JSON.stringify({ text }), "application/json", () => { $("note-text").value = ""; }, "Note added.");
});
$("photo-form").addEventListener("submit", event => {
  event.preventDefault();
  const file = $("photo-file").files[0];
  if (!file) return fail(new Error("Choose or take a photo first."));
  const form = new FormData();
  form.append("photo", file);
  form.append("caption", $("photo-caption").value.trim());
  send("photos", form, undefined, () => { $("photo-file").value = ""; $("photo-caption").value = ""; }, "Photo added.");
});
loadJobs();

async function loadJobs() {
  if (!hasToken()) return;
  try {
    const jobs = await todaysJobs();
    const current = $("notes-job").value;
    $("notes-job").replaceChildren(...jobs.map(job => {
      const option = document.createElement("option");
      option.value = job.ticketId;
      option.textContent = `${job.description} · ${job.address}`;
      return option;
    }));
    if (jobs.some(j => j.ticketId === current)) $("notes-job").value = current;
    await showReport();
  } catch (error) {
    fail(error);
  }
}

async function showReport() {
  const ticketId = $("notes-job").value;
  if (!ticketId) return $("notes-list").replaceChildren();
  try {
    const report = await call("GET", `/api/v1/device/jobs/${encodeURIComponent(ticketId)}/report`);
    $("notes-list").replaceChildren(
      ...report.notes.map(n => item(n.text)),
      ...report.photos.map(p => item(`Photo${p.caption ? ": " + p.caption : ""}`)));
  } catch (error) {
    fail(error);
  }
}

async function send(kind, body, contentType, reset, message) {
  const ticketId = $("notes-job").value;
  say("notes-saved", "");
  say("notes-error", "");
  if (!ticketId) return fail(new Error("No job to add to."));
  try {
    await call("POST", `/api/v1/device/jobs/${encodeURIComponent(ticketId)}/${kind}`, body, contentType);
    reset();
    say("notes-saved", message);
    await showReport();
  } catch (error) {
    fail(error);
  }
}

async function call(method, path, body, contentType) {
  const headers = { Authorization: "Bearer " + (localStorage.getItem(TOKEN_KEY) ?? "") };
  if (contentType) headers["Content-Type"] = contentType; // FormData sets its own multipart boundary
  const response = await fetch(path, { method, headers, body });
  if (response.ok) return response.json();
  let problem = {};
  try { problem = await response.json(); } catch { /* not a ProblemDetails body */ }
  throw new ApiError(response.status, problem);
}

function item(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

function fail(error) {
  say("notes-error", error instanceof ApiError || navigator.onLine ? error.message : "Offline: try again when you are back online.");
}

// Hidden while empty: the page's other alerts (the jobs list, tracking) stay the only ones when nothing went wrong here.
function say(id, text) {
  $(id).textContent = text;
  $(id).hidden = !text;
}
