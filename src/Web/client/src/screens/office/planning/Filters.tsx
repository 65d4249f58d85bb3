import { t } from "../../../i18n/i18n";
import { update, type PlanningQuery } from "./query";
import { priorities, statuses, type CalendarTechnician } from "./types";

interface Props {
  query: PlanningQuery;
  technicians: Pick<CalendarTechnician, "id" | "name">[];
  skills: string[];
}

/** The filters every view applies at once; each change goes into the address, so a link reproduces the view. */
export function Filters({ query, technicians, skills }: Props) {
  const any = query.technician || query.skill || query.status || query.priority;
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">{t("planning.filters")}</legend>
      <div>
        <label for="filter-technician">{t("planning.filter.technician")}</label>
        <select id="filter-technician" value={query.technician} onChange={e => update({ technician: e.currentTarget.value })}>
          <option value="">{t("planning.filter.team")}</option>
          {technicians.map(x => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
      </div>
      <div>
        <label for="filter-skill">{t("planning.filter.skill")}</label>
        <select id="filter-skill" value={query.skill} onChange={e => update({ skill: e.currentTarget.value })}>
          <option value="">{t("planning.filter.all")}</option>
          {skills.map(s => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <div>
        <label for="filter-status">{t("planning.filter.status")}</label>
        <select id="filter-status" value={query.status} onChange={e => update({ status: e.currentTarget.value as PlanningQuery["status"] })}>
          <option value="">{t("planning.filter.all")}</option>
          {statuses.map(s => <option key={s} value={s}>{t(`planning.status.${s}`)}</option>)}
        </select>
      </div>
      <div>
        <label for="filter-priority">{t("planning.filter.priority")}</label>
        <select id="filter-priority" value={query.priority} onChange={e => update({ priority: e.currentTarget.value as PlanningQuery["priority"] })}>
          <option value="">{t("planning.filter.all")}</option>
          {priorities.map(p => <option key={p} value={p}>{t(`planning.priority.${p}`)}</option>)}
        </select>
      </div>
      {any && <button type="button" class="clear" onClick={() => update({ technician: "", skill: "", status: "", priority: "" })}>{t("planning.filter.clear")}</button>}
    </fieldset>
  );
}
