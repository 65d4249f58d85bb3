import { t } from "../../../i18n/i18n";
import type { PlanProposal } from "./optimizeRun";

type PlanMove = PlanProposal["moves"][number];

/**
 * Per technician whose day the plan changes: the jobs they would take (and from whom) and hand on (and to whom), by
 * name, with their driving before and after. A null technician is the unassigned tray.
 */
export function PlanMoves({ proposal }: { proposal: PlanProposal }) {
  const names = new Map(proposal.technicians.map(r => [r.technicianId, r.name]));
  const changed = proposal.technicians.filter(r => r.changed);
  const from = (m: PlanMove) => {
    const who = m.fromTechnicianId ? names.get(m.fromTechnicianId) : null;
    return who ? t("dispatch.plan.fromTechnician", { job: m.title, technician: who }) : t("dispatch.plan.fromTray", { job: m.title });
  };
  const to = (m: PlanMove) => {
    const who = m.toTechnicianId ? names.get(m.toTechnicianId) : null;
    return who ? t("dispatch.plan.toTechnician", { job: m.title, technician: who }) : t("dispatch.plan.toTray", { job: m.title });
  };
  const km = (v: number) => v.toFixed(1);
  return (
    <section class="plan-moves" aria-labelledby="plan-moves-heading">
      <h4 id="plan-moves-heading">{t("dispatch.plan.movesHeading")}</h4>
      {changed.length === 0 ? <p class="muted small">{t("dispatch.plan.noMoves")}</p> : (
        <ul>
          {changed.map(r => (
            <li key={r.technicianId}>
              <div class="who">
                <strong>{r.name}</strong>
                <span class="muted small">{t("dispatch.plan.routeKm", { before: km(r.before.kilometers), after: km(r.after.kilometers) })}</span>
              </div>
              {r.gained.length > 0 && <p class="gains"><span class="sign" aria-hidden="true">+</span>{t("dispatch.plan.takes", { jobs: r.gained.map(from).join(", ") })}</p>}
              {r.lost.length > 0 && <p class="losses"><span class="sign" aria-hidden="true">−</span>{t("dispatch.plan.handsOn", { jobs: r.lost.map(to).join(", ") })}</p>}
              {r.gained.length === 0 && r.lost.length === 0 && <p class="muted small">{t("dispatch.plan.reordered")}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
