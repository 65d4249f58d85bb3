// The day timeline: one row per technician, time running left to right on one scale shared by every row, so a
// drop's x position is a time (the `at` of the assignment). The scale spans the shifts and the planned stops.
import { PRIORITY_LABELS, el, time, windowText, duration } from "./format.js";
import { colorFor } from "./routes-layer.js";
import { startDrag, endDrag, draggedJob } from "./drag.js";

const HOUR = 3600_000;
const container = document.getElementById("timeline");

/**
 * Draws the rows. `actions` holds the callbacks: drop(technician, ticketId, at), assignHere(technician),
 * unassign(job), select(job or null); `selected` is the job chosen for a keyboard assignment, if any.
 */
export function renderTimeline(board, selected, actions) {
  if (board.technicians.length === 0) {
    container.replaceChildren(el("p", "muted empty", "No technicians yet."));
    return;
  }
  const scale = scaleOf(board);
  const rows = el("ol", "rows");
  rows.setAttribute("aria-label", "Technicians' day plans");
  board.technicians.forEach((t, index) => rows.append(row(t, index, scale, selected, actions)));
  container.replaceChildren(hours(scale), rows);
}

function scaleOf(board) {
  const times = [];
  for (const t of board.technicians) {
    if (t.shiftStart) times.push(new Date(t.shiftStart).getTime(), new Date(t.shiftEnd).getTime());
    for (const s of t.stops) times.push(new Date(s.plannedStart).getTime(), new Date(s.plannedDeparture).getTime());
  }
  if (times.length === 0) {
    // Nobody works this day: show the calendar day (UTC) so the rows still have a scale to drop onto.
    const start = new Date(board.day + "T00:00:00Z").getTime();
    return { from: start, to: start + 24 * HOUR };
  }
  const from = Math.min(...times);
  return { from, to: Math.max(Math.max(...times), from + HOUR) };
}

const percent = (scale, at) => ((at - scale.from) / (scale.to - scale.from)) * 100;

/** Hour marks along the top; at most about twelve labels whatever the span. */
function hours(scale) {
  const head = el("div", "scale");
  head.setAttribute("aria-hidden", "true");
  head.append(el("div", "row-head"));
  const lane = el("div", "lane");
  const step = Math.max(1, Math.ceil((scale.to - scale.from) / HOUR / 12)) * HOUR;
  // Whole UTC hours are whole local hours in almost every zone; in a half-hour zone the marks read :30, still right.
  for (let at = Math.ceil(scale.from / HOUR) * HOUR; at < scale.to; at += step) {
    const mark = el("span", "hour", time(at));
    mark.style.left = percent(scale, at) + "%";
    lane.append(mark);
  }
  head.append(lane);
  return head;
}

function row(t, index, scale, selected, actions) {
  const li = el("li", "tech-row" + (t.unavailable ? " unavailable" : ""));
  li.dataset.row = t.id;
  li.setAttribute("aria-label", t.name);
  li.style.setProperty("--route", colorFor(index));

  const head = el("div", "row-head");
  const name = el("div", "name");
  name.append(el("span", "swatch"), el("strong", null, t.name));
  head.append(name);
  if (t.unavailable) head.append(el("div", "reason", t.unavailable));
  else head.append(el("div", "muted small", `${time(t.shiftStart)}–${time(t.shiftEnd)} · ${t.qualifications.join(", ") || "no skills"}`));
  const here = el("button", "assign-here", "Assign here");
  here.type = "button";
  here.hidden = !selected || selected.technicianId === t.id;
  here.setAttribute("aria-label", `Assign the selected job to ${t.name}`);
  here.addEventListener("click", () => actions.assignHere(t));
  head.append(here);

  const lane = el("div", "lane");
  lane.setAttribute("role", "group");
  lane.setAttribute("aria-label", `${t.name}'s day: drop a job here`);
  if (t.shiftStart) {
    const shift = el("div", "shift");
    shift.style.left = percent(scale, new Date(t.shiftStart).getTime()) + "%";
    shift.style.width = percent(scale, new Date(t.shiftEnd).getTime()) - percent(scale, new Date(t.shiftStart).getTime()) + "%";
    lane.append(shift);
  }
  const now = Date.now();
  if (now > scale.from && now < scale.to) {
    const line = el("div", "now");
    line.style.left = percent(scale, now) + "%";
    line.title = "Now";
    lane.append(line);
  }
  const stops = el("ol", "stops");
  stops.setAttribute("aria-label", `${t.name}'s stops`);
  t.stops.forEach((s, i) => stops.append(stop(s, i + 1, scale, selected, actions)));
  lane.append(stops);
  wireDrop(lane, t, scale, actions);
  li.append(head, lane);
  return li;
}

function stop(s, number, scale, selected, actions) {
  const job = s.job;
  const late = s.minutesLate >= 0.5;
  const li = el("li", `stop priority-${job.priority} job-${job.status}${late ? " late" : ""}${selected?.ticketId === job.ticketId ? " selected" : ""}`);
  li.dataset.ticket = job.ticketId;
  li.draggable = true;
  const start = new Date(s.plannedStart).getTime();
  li.style.left = percent(scale, start) + "%";
  li.style.width = Math.max(0, percent(scale, new Date(s.plannedDeparture).getTime()) - percent(scale, start)) + "%";
  li.title = [
    `${number}. ${job.description} (${PRIORITY_LABELS[job.priority] ?? job.priority}, ${job.status})`,
    job.address,
    `Planned ${time(s.plannedStart)}–${time(s.plannedDeparture)}, window ${windowText(job.arrivalWindow)}, ${duration(job.estimatedMinutes)}`,
    s.eta ? `Live ETA ${time(s.eta)}` : null,
    late ? `${Math.round(s.minutesLate)} min late` : null,
    job.pinned ? "Pinned: optimization leaves it here" : null,
  ].filter(Boolean).join("\n");

  const label = el("button", "stop-label");
  label.type = "button";
  label.setAttribute("aria-label", `Stop ${number}: ${job.description}, ${time(s.plannedStart)}${late ? `, ${Math.round(s.minutesLate)} min late` : ""}${job.pinned ? ", pinned" : ""}. Select to move`);
  label.append(el("span", "number", String(number)));
  if (job.pinned) label.append(el("span", "pin", "⚑"));
  label.append(el("span", "text", job.description));
  label.addEventListener("click", () => actions.select(selected?.ticketId === job.ticketId ? null : job));
  // Second line: what is going wrong or what the phone says, under the description rather than squeezing it.
  const notes = el("span", "notes");
  if (late) notes.append(el("span", "late-badge", `+${Math.round(s.minutesLate)} min`));
  if (s.eta) notes.append(el("span", "eta", "ETA " + time(s.eta)));
  li.append(label, notes);
  if (job.status === "Assigned") {
    const remove = el("button", "unassign", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", `Unassign ${job.description}`);
    remove.addEventListener("click", () => actions.unassign(job));
    li.append(remove);
  }
  li.addEventListener("dragstart", event => startDrag(event, job));
  li.addEventListener("dragend", endDrag);
  return li;
}

function wireDrop(lane, technician, scale, actions) {
  lane.addEventListener("dragover", event => {
    if (!draggedJob(event)) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = "move";
    lane.classList.add("drop-target");
  });
  lane.addEventListener("dragleave", event => {
    if (!lane.contains(event.relatedTarget)) lane.classList.remove("drop-target");
  });
  lane.addEventListener("drop", event => {
    const job = draggedJob(event);
    lane.classList.remove("drop-target");
    if (!job) return;
    event.preventDefault();
    const box = lane.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    actions.drop(technician, job.ticketId, new Date(scale.from + fraction * (scale.to - scale.from)));
  });
}
