import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { loadCompanyZone } from "../../../components/office/companyZone";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { t } from "../../../i18n/i18n";
import { CustomerList } from "./CustomerList";
import { CustomerPage } from "./CustomerPage";
import { NewCustomerForm } from "./NewCustomerForm";
import "./customers.css";

/** The office's customers: search, open one, add one; the open customer's id is in the address (#id) so it can be shared. */
export function CustomersScreen() {
  const selected = useSignal<string | "new" | null>(location.hash.slice(1) || null);
  const refresh = useSignal(0);
  useEffect(() => {
    document.title = t("office.customers.pageTitle");
    loadCompanyZone();
    const follow = () => (selected.value = location.hash.slice(1) || null);
    addEventListener("hashchange", follow);
    follow(); // the address may have changed between the first render and this effect, with no listener yet
    return () => removeEventListener("hashchange", follow);
  }, []);
  const open = (id: string) => { location.hash = id; selected.value = id; };

  return (
    <>
      <OfficeHeader current="customers" />
      <main class="customers">
        <CustomerList selected={selected.value} refresh={refresh.value} onSelect={open} onNew={() => (selected.value = "new")} />
        {selected.value === "new"
          ? <NewCustomerForm onCreated={id => { refresh.value++; open(id); }} />
          : selected.value
            ? <CustomerPage key={selected.value} id={selected.value} />
            : <section class="card customer-page"><p class="muted">{t("office.customers.pick")}</p></section>}
      </main>
    </>
  );
}
