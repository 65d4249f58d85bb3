import { useSignal } from "@preact/signals";
import { t } from "../../../i18n/i18n";
import type { Technician } from "./types";

/** Every technician, filtered by what is typed (name, skill or phone), each a button that opens them. */
export function TechnicianList({ technicians, selected, onSelect }: { technicians: Technician[]; selected: string | null; onSelect: (id: string) => void }) {
  const query = useSignal("");
  const words = query.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = technicians.filter(x => {
    const text = `${x.name} ${x.skills.join(" ")} ${x.phone ?? ""}`.toLowerCase();
    return words.every(w => text.includes(w));
  });
  return (
    <section class="card technician-list" aria-labelledby="technician-list-title">
      <div class="list-head">
        <h2 id="technician-list-title">{t("office.technicians.title")}</h2>
        <button type="button" class="primary" onClick={() => onSelect("new")}>{t("office.technicians.new")}</button>
      </div>
      <label for="technician-search">{t("office.technicians.search")}</label>
      <input id="technician-search" type="search" value={query.value} onInput={e => (query.value = e.currentTarget.value)} />
      <p class="muted" aria-live="polite">{t("office.technicians.count", { shown: shown.length, all: technicians.length })}</p>
      <ul>
        {shown.map(x => (
          <li key={x.id}>
            <button type="button" class="row" aria-current={x.id === selected ? "true" : undefined} onClick={() => onSelect(x.id)}>
              <span class={`dot status-${x.status}`} aria-hidden="true" />
              <span class="name">{x.name}</span>
              <span class="muted skills">{x.skills.join(", ")}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
