import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { Suggestion } from "./types";

/**
 * An address typed and chosen from the offline geocoder's suggestions (a combobox: arrows move, Enter picks), so
 * nobody types a latitude and longitude. Says so when the company's map has no addresses to suggest.
 */
export function AddressSearch({ id, onPick }: { id: string; onPick: (s: Suggestion) => void }) {
  const text = useSignal("");
  const suggestions = useSignal<Suggestion[]>([]);
  const active = useSignal(-1);
  const unavailable = useSignal(false);
  const picked = useSignal<Suggestion | null>(null);

  useEffect(() => {
    const q = text.value.trim();
    if (q.length < 2 || picked.value?.label === text.value) { suggestions.value = []; return; }
    const wait = setTimeout(async () => {
      const { data } = await api.GET("/api/v1/geocode", { params: { query: { q, limit: 8 } } });
      if (!data) return;
      unavailable.value = !data.available;
      suggestions.value = data.suggestions;
      active.value = -1;
    }, 150);
    return () => clearTimeout(wait);
  }, [text.value]);

  function pick(s: Suggestion) {
    picked.value = s;
    text.value = s.label;
    suggestions.value = [];
    onPick(s);
  }

  function key(event: KeyboardEvent) {
    const n = suggestions.value.length;
    if (n === 0) return;
    if (event.key === "ArrowDown") { active.value = (active.value + 1) % n; event.preventDefault(); }
    else if (event.key === "ArrowUp") { active.value = (active.value - 1 + n) % n; event.preventDefault(); }
    else if (event.key === "Enter" && active.value >= 0) { pick(suggestions.value[active.value]!); event.preventDefault(); }
    else if (event.key === "Escape") suggestions.value = [];
  }

  const listId = `${id}-suggestions`;
  return (
    <div class="address-search">
      <label for={id}>{t("office.customers.address")}</label>
      <input id={id} role="combobox" aria-autocomplete="list" aria-expanded={suggestions.value.length > 0} aria-controls={listId}
        aria-activedescendant={active.value >= 0 ? `${listId}-${active.value}` : undefined} autocomplete="off"
        value={text.value} onInput={e => { text.value = e.currentTarget.value; picked.value = null; }} onKeyDown={key} />
      {suggestions.value.length > 0 && (
        <ul id={listId} role="listbox" class="suggestions">
          {suggestions.value.map((s, i) => (
            <li key={`${s.label}-${i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active.value}
              onMouseDown={e => { e.preventDefault(); pick(s); }}>{s.label}</li>
          ))}
        </ul>
      )}
      {unavailable.value && <p class="muted">{t("office.customers.noGeocoder")}</p>}
    </div>
  );
}
