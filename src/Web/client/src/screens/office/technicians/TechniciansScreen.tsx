import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { loadCompanyZone } from "../../../components/office/companyZone";
import { t } from "../../../i18n/i18n";
import { TechnicianList } from "./TechnicianList";
import { TechnicianDetails } from "./TechnicianDetails";
import type { Technician } from "./types";
import "./technicians.css";

/** The office's technicians: find one, change who they are and when they work, give their phone a token. */
export function TechniciansScreen() {
  const technicians = useSignal<Technician[]>([]);
  const selected = useSignal<string | "new" | null>(null);
  const error = useSignal("");

  async function load() {
    const { data, response } = await api.GET("/api/v1/technicians", { params: { query: { limit: 500 } } });
    if (response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname); return; }
    if (data) technicians.value = data;
    else error.value = t("office.technicians.loadFailed");
  }
  useEffect(() => { document.title = t("office.technicians.pageTitle"); loadCompanyZone(); void load(); }, []);

  function saved(technician: Technician) {
    const others = technicians.value.filter(x => x.id !== technician.id);
    technicians.value = [...others, technician].sort((a, b) => a.name.localeCompare(b.name));
    selected.value = technician.id;
  }

  const current = selected.value === "new" ? null : technicians.value.find(x => x.id === selected.value) ?? null;
  return (
    <>
      <OfficeHeader current="technicians" />
      <main class="technicians">
        <p class="error" role="alert">{error.value}</p>
        <TechnicianList technicians={technicians.value} selected={selected.value} onSelect={id => (selected.value = id)} />
        {selected.value !== null
          ? <TechnicianDetails key={selected.value} technician={current} onSaved={saved} />
          : <section class="card technician-details empty"><p class="muted">{t("office.technicians.pick")}</p></section>}
      </main>
    </>
  );
}
