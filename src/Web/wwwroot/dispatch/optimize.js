// "Optimize the day": the request waits for the whole time budget, so the button stays disabled meanwhile and the
// progress bar follows the hub's OptimizeProgress events; the answer is drawn as before/after bars.
import { el } from "./format.js";
import * as api from "./api.js";

const button = document.getElementById("optimize");
const budget = document.getElementById("optimize-budget");
const progress = document.getElementById("optimize-progress");
const bar = progress.querySelector("progress");
const progressText = document.getElementById("optimize-progress-text");
const result = document.getElementById("optimize-result");

let runningDay = null;

/** Runs an optimization of <paramref name="day"/>; resolves once the report is drawn (or the refusal shown). */
export async function optimizeDay(day, onDone) {
  runningDay = day;
  // The label stays put (it is the button's accessible name); disabled and aria-busy say that it runs.
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  result.hidden = true;
  progress.hidden = false;
  bar.value = 0;
  progressText.textContent = "Starting…";
  try {
    const answer = await api.optimize(day, Number(budget.value));
    if (answer.ok) {
      bar.value = 1;
      progressText.textContent = answer.data.adopted ? "Done: new plan adopted." : "Done: current plan kept.";
      drawReport(answer.data);
    } else {
      progressText.textContent = "Optimization failed: " + answer.problem;
    }
  } finally {
    runningDay = null;
    button.disabled = false;
    button.removeAttribute("aria-busy");
    onDone?.();
  }
}

export function onProgress(p) {
  if (p.day !== runningDay) return;
  bar.value = p.fraction;
  progressText.textContent = `${Math.round(p.fraction * 100)} % · best so far ${p.bestKilometers.toFixed(1)} km, ${p.unassigned} unassigned`;
}

function drawReport(report) {
  const heading = el("h3", null, report.adopted ? "New plan adopted" : "Current plan kept");
  const moved = report.adopted ? `${report.moved} job(s) changed technician. ` : "";
  result.replaceChildren(
    heading,
    el("p", "message", report.message),
    compare("Driving", report.before.kilometers, report.after.kilometers, v => `${v.toFixed(1)} km`),
    compare("Lateness", report.before.minutesLate, report.after.minutesLate, v => `${Math.round(v)} min late`),
    el("p", "muted small", `${moved}${report.iterations.toLocaleString()} plans tried; ${report.after.unassigned} job(s) left unassigned.`));
  result.hidden = false;
}

/** Two bars on one scale (the larger value fills the width), each with its value written beside it. */
function compare(title, before, after, format) {
  const group = el("figure", "compare");
  group.append(el("figcaption", null, title));
  const max = Math.max(before, after);
  for (const [label, value] of [["Before", before], ["After", after]]) {
    const line = el("div", "bar-line " + label.toLowerCase());
    const track = el("div", "bar-track");
    const fill = el("div", "bar-fill");
    fill.style.width = (max > 0 ? (value / max) * 100 : 0) + "%";
    track.append(fill);
    track.setAttribute("role", "img");
    track.setAttribute("aria-label", `${title} ${label.toLowerCase()}: ${format(value)}`);
    line.append(el("span", "bar-label", label), track, el("span", "bar-value", format(value)));
    group.append(line);
  }
  return group;
}
