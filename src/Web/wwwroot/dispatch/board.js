// The dispatcher's board beside the live map: the day's plan per technician, the unassigned tray, alerts and
// "optimize the day". The server's board is the only state: every change (ours or anyone's) ends in re-reading
// it, and nothing is moved on the page before the server has accepted the move, so a refusal leaves all in place.
import * as api from "./api.js";
import { addDays, dayLabel, el, useTimeZone } from "./format.js";
import { renderTray } from "./tray.js";
import { renderTimeline } from "./timeline.js";
import { renderAlerts } from "./alerts.js";
import { optimizeDay, onProgress } from "./optimize.js";
import { RoutesLayer } from "./routes-layer.js";

const dayInput = document.getElementById("board-day");
const dayName = document.getElementById("board-day-name");
const summary = document.getElementById("board-summary");
const message = document.getElementById("board-message");
const status = document.getElementById("board-status");

export function startBoard({ map, connection }) {
  const routes = new RoutesLayer(map);
  const state = { day: null, today: null, board: null, selected: null };
  let loading = null;
  let again = false;

  // Board changes come in bursts (an optimization moves many jobs): one read at a time, and one more after it if
  // anything changed meanwhile.
  async function load() {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        const answer = await api.getBoard(state.day);
        if (!answer.ok) {
          showRefusal(answer.problem);
          continue;
        }
        state.today ??= answer.data.day;
        if (state.day === null || answer.data.day === state.day) show(answer.data);
      } while (again);
    })().finally(() => loading = null);
    return loading;
  }

  function show(board) {
    // Enabled once a day is known, so a run always reports progress for the day shown.
    if (!state.board) document.getElementById("optimize").disabled = false;
    state.board = board;
    state.day = board.day;
    useTimeZone(board.settings.timeZone);
    if (state.selected && !findJob(board, state.selected.ticketId)) state.selected = null;
    render();
  }

  function render() {
    const board = state.board;
    dayInput.value = board.day;
    dayName.textContent = (board.day === state.today ? "Today, " : "") + dayLabel(board.day);
    const s = board.summary;
    summary.textContent = `${s.kilometers.toFixed(1)} km · ${Math.round(s.minutesLate)} min late (${s.lateJobs} job${s.lateJobs === 1 ? "" : "s"}) · ${s.unassigned} unassigned`;
    renderTray(board.unassigned, state.selected?.ticketId, select);
    renderTimeline(board, state.selected, { drop: assignTo, assignHere: t => assignTo(t, state.selected.ticketId, null), unassign, select });
    renderAlerts(board.alerts);
    routes.update(board);
  }

  function select(job) {
    state.selected = job;
    if (job) say(`${job.description} selected: choose "Assign here" on a technician's row.`);
    render();
  }

  async function assignTo(technician, ticketId, at) {
    clearRefusal();
    const job = findJob(state.board, ticketId);
    const answer = await api.assign(ticketId, technician.id, state.day, at);
    if (!answer.ok) {
      showRefusal(answer.problem);
      return;
    }
    state.selected = null;
    say(`${job?.description ?? "The job"} assigned to ${technician.name}.`);
    show(answer.data);
  }

  async function unassign(job) {
    clearRefusal();
    const answer = await api.unassign(job.ticketId);
    if (!answer.ok) {
      showRefusal(answer.problem);
      return;
    }
    say(`${job.description} is back in the tray.`);
    await load();
  }

  function goTo(day) {
    if (!day) return;
    state.day = day;
    state.selected = null;
    clearRefusal();
    load();
  }

  function showRefusal(text) {
    message.replaceChildren(el("span", null, text));
    const close = el("button", "close", "Dismiss");
    close.type = "button";
    close.addEventListener("click", clearRefusal);
    message.append(close);
    message.hidden = false;
  }

  function clearRefusal() {
    message.hidden = true;
    message.replaceChildren();
  }

  function say(text) {
    status.textContent = text;
  }

  document.getElementById("board-prev").addEventListener("click", () => goTo(addDays(state.day, -1)));
  document.getElementById("board-next").addEventListener("click", () => goTo(addDays(state.day, 1)));
  document.getElementById("board-today").addEventListener("click", () => goTo(state.today));
  dayInput.addEventListener("change", () => goTo(dayInput.value));
  document.getElementById("optimize").addEventListener("click", () => {
    clearRefusal();
    optimizeDay(state.day, load);
  });
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && state.selected) select(null);
  });

  connection.on("BoardChanged", change => {
    if (change.day === state.day) load();
  });
  connection.on("Alerts", renderAlerts);
  connection.on("OptimizeProgress", onProgress);
  // Events missed while disconnected are not replayed: re-read the board after every reconnect.
  connection.onreconnected(() => load());

  return { load };
}

function findJob(board, ticketId) {
  return board.unassigned.find(j => j.ticketId === ticketId)
    ?? board.technicians.flatMap(t => t.stops.map(s => s.job)).find(j => j.ticketId === ticketId);
}
