import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api, outcome, problemText } from "../../../api/client";
import { companyZone } from "../../../components/office/companyZone";
import { spanShort, WhenSpan } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { signedIn } from "../customers/session";
import { jobMatches } from "./filters";
import type { PlanningQuery } from "./query";
import type { BoardJob } from "./types";

interface Result { ticketId: string; ok: boolean; text: string }

interface Props {
  day: string;
  query: PlanningQuery;
  /** Something was assigned or moved: the calendars read the plan again. */
  onChanged: () => void;
}

/**
 * The day's unassigned tray with checkboxes: the ticked jobs go to one technician, or have their arrival windows moved
 * by the same offset, one request per job. Each job's outcome is listed on its own (the server's reason for a refusal),
 * so one refusal never hides the others' success.
 */
export function BulkAssign({ day, query, onChanged }: Props) {
  const jobs = useSignal<BoardJob[]>([]);
  const technicians = useSignal<{ id: string; name: string }[]>([]);
  const selected = useSignal<string[]>([]);
  const technician = useSignal("");
  const offset = useSignal("60");
  const results = useSignal<Result[]>([]);
  const busy = useSignal(false);
  const error = useSignal("");

  async function load() {
    const { data, error: problem, response } = await api.GET("/api/v1/dispatch/board", { params: { query: { day } } });
    if (!(await signedIn(response))) return;
    if (!data) { error.value = t("planning.loadFailed", { reason: problemText(problem, response.status) }); return; }
    error.value = "";
    jobs.value = data.unassigned;
    technicians.value = data.technicians.map(x => ({ id: x.id, name: x.name }));
    selected.value = selected.value.filter(id => data.unassigned.some(j => j.ticketId === id));
  }
  useEffect(() => { selected.value = []; results.value = []; void load(); }, [day]);

  const shown = jobs.value.filter(j => jobMatches(j, query));
  const chosen = shown.filter(j => selected.value.includes(j.ticketId));
  const nameOf = (id: string) => technicians.value.find(x => x.id === id)?.name ?? id;

  function toggle(id: string, on: boolean) {
    selected.value = on ? [...selected.value, id] : selected.value.filter(x => x !== id);
  }

  /** One request after another: the dispatch grain takes them in turn anyway, and each answer belongs to its job. */
  async function each(run: (job: BoardJob) => Promise<Result>) {
    busy.value = true;
    const done: Result[] = [];
    for (const job of chosen) done.push(await run(job));
    results.value = done;
    busy.value = false;
    await load();
    onChanged();
  }

  const assign = () => each(async job => {
    const answer = await outcome(api.POST("/api/v1/dispatch/assignments", { body: { ticketId: job.ticketId, technicianId: technician.value, day, at: null } }));
    return answer.ok
      ? { ticketId: job.ticketId, ok: true, text: t("planning.assign.assigned", { job: job.description, technician: nameOf(technician.value) }) }
      : { ticketId: job.ticketId, ok: false, text: t("planning.assign.refused", { job: job.description, reason: answer.problem }) };
  });

  const retime = () => each(async job => {
    const window = job.arrivalWindow;
    if (!window) return { ticketId: job.ticketId, ok: false, text: t("planning.assign.notRetimed", { job: job.description, reason: t("planning.assign.noWindow") }) };
    const by = Number(offset.value) * 60_000;
    const start = new Date(new Date(window.start).getTime() + by);
    const end = new Date(new Date(window.end).getTime() + by);
    const answer = await outcome(api.POST("/api/v1/tickets/{id}/status", {
      params: { path: { id: job.ticketId } },
      body: { status: "Scheduled", reason: null, technicianId: null, arrivalWindow: { start: start.toISOString(), end: end.toISOString() } },
    }));
    return answer.ok
      ? { ticketId: job.ticketId, ok: true, text: t("planning.assign.retimed", { job: job.description, window: spanShort(start, end, companyZone.value) }) }
      : { ticketId: job.ticketId, ok: false, text: t("planning.assign.notRetimed", { job: job.description, reason: answer.problem }) };
  });

  const offsetValid = /^-?\d+$/.test(offset.value.trim()) && Number(offset.value) !== 0;
  return (
    <section class="bulk card" aria-labelledby="bulk-title">
      <h3 id="bulk-title">{t("planning.view.assign")}</h3>
      <p class="muted">{t("planning.assign.intro")}</p>
      <p class="error" role="alert">{error.value}</p>
      {shown.length === 0 ? <p class="muted">{t("planning.assign.none")}</p> : (
        <fieldset>
          <legend>{t("planning.unassigned")} · {t("planning.selected", { count: chosen.length })}</legend>
          <label class="check">
            <input type="checkbox" checked={chosen.length === shown.length}
              onChange={e => (selected.value = e.currentTarget.checked ? shown.map(j => j.ticketId) : [])} />
            {t("planning.assign.selectAll")}
          </label>
          <ul class="tray">
            {shown.map(job => (
              <li key={job.ticketId}>
                <label class="check">
                  <input type="checkbox" checked={selected.value.includes(job.ticketId)} onChange={e => toggle(job.ticketId, e.currentTarget.checked)}
                    aria-label={t("planning.assign.select", { job: job.description })} />
                  <span>
                    <strong>{job.description}</strong>
                    <span class="muted"> · {job.arrivalWindow ? <WhenSpan start={job.arrivalWindow.start} end={job.arrivalWindow.end} zone={companyZone.value} /> : t("planning.assign.window")}
                      {" · "}{t(`planning.priority.${job.priority}`)}{job.requiredSkills.length > 0 ? " · " + job.requiredSkills.join(", ") : ""}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div class="bulk-actions">
        <div>
          <label for="bulk-technician">{t("planning.assign.to")}</label>
          <select id="bulk-technician" value={technician.value} onChange={e => (technician.value = e.currentTarget.value)}>
            <option value="">{t("planning.assign.pick")}</option>
            {technicians.value.map(x => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
          <button type="button" class="primary" disabled={busy.value || chosen.length === 0 || !technician.value} onClick={() => void assign()}>
            {t("planning.assign.submit", { count: chosen.length })}
          </button>
        </div>
        <div>
          <label for="bulk-offset">{t("planning.retime.by")}</label>
          <input id="bulk-offset" inputMode="numeric" value={offset.value} onInput={e => (offset.value = e.currentTarget.value)} />
          <button type="button" disabled={busy.value || chosen.length === 0 || !offsetValid} onClick={() => void retime()}>
            {t("planning.retime.submit", { count: chosen.length })}
          </button>
        </div>
      </div>
      <div aria-live="polite" class="results">
        {results.value.length > 0 && (
          <>
            <h4 id="bulk-results">{t("planning.assign.results")}</h4>
            <ul>{results.value.map(r => <li key={r.ticketId} class={r.ok ? "ok" : "error"} data-ticket={r.ticketId}>{r.text}</li>)}</ul>
          </>
        )}
      </div>
    </section>
  );
}
