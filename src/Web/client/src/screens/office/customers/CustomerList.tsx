import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import { signedIn } from "./session";
import type { CustomerItem } from "./types";

/** Customers found by what is typed (name, contact, email or phone), asked of the server as the dispatcher types. */
export function CustomerList({ selected, refresh, onSelect, onNew }: { selected: string | null; refresh: number; onSelect: (id: string) => void; onNew: () => void }) {
  const query = useSignal("");
  const found = useSignal<CustomerItem[]>([]);

  useEffect(() => {
    const wait = setTimeout(async () => {
      const q = query.value.trim();
      const { data, response } = await api.GET("/api/v1/customers", { params: { query: { q: q || undefined, limit: 50 } } });
      if (await signedIn(response) && data) found.value = data;
    }, 200);
    return () => clearTimeout(wait);
  }, [query.value, refresh]);

  return (
    <section class="card customer-list" aria-labelledby="customer-list-title">
      <div class="list-head">
        <h2 id="customer-list-title">{t("office.customers.title")}</h2>
        <button type="button" class="primary" onClick={onNew}>{t("office.customers.new")}</button>
      </div>
      <label for="customer-search">{t("office.customers.search")}</label>
      <input id="customer-search" type="search" value={query.value} onInput={e => (query.value = e.currentTarget.value)} />
      <ul aria-live="polite">
        {found.value.map(c => (
          <li key={c.id}>
            <button type="button" class="row" aria-current={c.id === selected ? "true" : undefined} onClick={() => onSelect(c.id)}>
              <span class="name">{c.name}</span>
              <span class="muted">{[c.contactName, c.contactPhone ?? c.contactEmail].filter(Boolean).join(" · ")}</span>
            </button>
          </li>
        ))}
      </ul>
      {found.value.length === 0 && <p class="muted">{t("office.customers.none")}</p>}
    </section>
  );
}
