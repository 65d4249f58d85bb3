// The unassigned tray: one card per job waiting for a technician, emergencies first, then by window start.
// Cards drag onto a technician's row (timeline.js); "Select" is the keyboard and click way to do the same.
import { PRIORITY_LABELS, PRIORITY_RANK, el, windowText, duration } from "./format.js";
import { startDrag, endDrag } from "./drag.js";

const list = document.getElementById("tray");
const count = document.getElementById("tray-count");

export function sortTray(jobs) {
  const start = j => j.arrivalWindow ? new Date(j.arrivalWindow.start).getTime() : Infinity;
  return [...jobs].sort((a, b) => (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) || start(a) - start(b));
}

/** Draws the tray; <paramref name="onSelect"/> gets the job whose "Select" was pressed. */
export function renderTray(jobs, selectedId, onSelect) {
  count.textContent = String(jobs.length);
  if (jobs.length === 0) {
    list.replaceChildren(el("li", "empty muted", "Every job has a technician."));
    return;
  }
  list.replaceChildren(...sortTray(jobs).map(job => card(job, job.ticketId === selectedId, onSelect)));
}

function card(job, selected, onSelect) {
  const li = el("li", `job-card priority-${job.priority}${selected ? " selected" : ""}`);
  li.draggable = true;
  li.dataset.ticket = job.ticketId;
  li.setAttribute("aria-label", `${PRIORITY_LABELS[job.priority] ?? job.priority} job: ${job.description}`);

  const head = el("div", "card-head");
  head.append(el("span", `priority-badge priority-${job.priority}`, PRIORITY_LABELS[job.priority] ?? job.priority), el("strong", "description", job.description));
  const facts = el("div", "facts muted");
  facts.append(el("span", "address", job.address), el("span", "window", "Window " + windowText(job.arrivalWindow)), el("span", "duration", duration(job.estimatedMinutes)));
  const skills = el("div", "skills");
  for (const skill of job.requiredSkills) skills.append(el("span", "skill", skill));

  const select = el("button", "select", selected ? "Selected" : "Select");
  select.type = "button";
  select.setAttribute("aria-pressed", String(selected));
  select.setAttribute("aria-label", `Select ${job.description} to assign`);
  select.addEventListener("click", () => onSelect(selected ? null : job));

  li.append(head, facts, skills, select);
  li.addEventListener("dragstart", event => startDrag(event, job));
  li.addEventListener("dragend", endDrag);
  return li;
}
