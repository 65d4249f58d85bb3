import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { companyZone } from "../../../components/office/companyZone";
import { jobPageHref } from "../../../components/office/jobPage";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { AddPropertyForm } from "./AddPropertyForm";
import { ContactForm } from "./ContactForm";
import { CustomerDetailsForm } from "./CustomerDetailsForm";
import { CustomerMessages } from "./CustomerMessages";
import { CustomerPlans } from "./CustomerPlans";
import { EditPropertyForm } from "./EditPropertyForm";
import { NewJobForm } from "./NewJobForm";
import { signedIn } from "./session";
import type { Overview } from "./types";

/**
 * One customer in one call: contacts, properties, jobs coming and done, documents and conversations, and the
 * maintenance plans (read on their own); the customer, a contact or a property is edited in place (one at a time:
 * "editing" names it).
 */
export function CustomerPage({ id }: { id: string }) {
  const overview = useSignal<Overview | null>(null);
  const missing = useSignal(false);
  const editing = useSignal<string | null>(null);
  const removing = useSignal<string | null>(null);
  const removeError = useSignal("");

  async function load() {
    const { data, response } = await api.GET("/api/v1/customers/{id}/overview", { params: { path: { id } } });
    if (!(await signedIn(response))) return;
    if (data) overview.value = data;
    else missing.value = true;
  }

  async function saved() {
    editing.value = null;
    await load();
  }

  async function removeContact(contactId: string) {
    const { response } = await api.DELETE("/api/v1/customers/{id}/contacts/{contactId}", { params: { path: { id, contactId } } });
    removing.value = null;
    removeError.value = response.ok ? "" : t("office.customers.removeFailed", { status: response.status });
    await load();
  }
  useEffect(() => { void load(); }, [id]);

  if (missing.value) return <section class="card customer-page"><p class="error">{t("office.customers.notFound")}</p></section>;
  const o = overview.value;
  if (!o) return <section class="card customer-page"><p class="muted">{t("common.loading")}</p></section>;
  const zone = companyZone.value;
  const documents = o.reports.length + o.estimates.length + o.invoices.length;
  return (
    <div class="customer-page">
      <section class="card" aria-labelledby="customer-title">
        <div class="title-row">
          <h2 id="customer-title">{o.customer.name}</h2>
          {editing.value !== "customer" && <button type="button" onClick={() => (editing.value = "customer")}>{t("office.customers.edit")}</button>}
        </div>
        {editing.value === "customer"
          ? <CustomerDetailsForm customer={o.customer} onSaved={saved} onCancel={() => (editing.value = null)} />
          : <p class="muted">{o.customer.kind === "Commercial" ? t("office.customers.commercial") : t("office.customers.residential")}</p>}
        <h3>{t("office.customers.contacts")}</h3>
        {o.customer.contacts.length === 0 ? <p class="muted">{t("office.customers.noContacts")}</p> : (
          <ul class="plain contacts">
            {o.customer.contacts.map(c => (
              <li key={c.id}>
                {editing.value === c.id
                  ? <ContactForm customerId={o.customer.id} contact={c} onSaved={saved} onCancel={() => (editing.value = null)} />
                  : <>
                    <span><strong>{c.name}</strong> <span class="muted">({t(`office.customers.role.${c.role as "Owner"}`)})</span> · <a href={`mailto:${c.email}`}>{c.email}</a>
                      {c.phone && <> · <a href={`tel:${c.phone}`}>{c.phone}</a></>}</span>
                    <span class="row-actions">
                      {removing.value === c.id
                        ? <>
                          <span>{t("office.customers.removeAsk", { name: c.name })}</span>
                          <button type="button" class="danger" onClick={() => void removeContact(c.id)}>{t("office.customers.removeYes")}</button>
                          <button type="button" onClick={() => (removing.value = null)}>{t("office.customers.removeNo")}</button>
                        </>
                        : <>
                          <button type="button" aria-label={t("office.customers.editContactNamed", { name: c.name })} onClick={() => (editing.value = c.id)}>{t("office.customers.edit")}</button>
                          <button type="button" aria-label={t("office.customers.removeNamed", { name: c.name })} onClick={() => (removing.value = c.id)}>{t("office.customers.remove")}</button>
                        </>}
                    </span>
                  </>}
              </li>
            ))}
          </ul>
        )}
        <p class="error" role="alert">{removeError.value}</p>
        <ContactForm customerId={o.customer.id} contact={null} onSaved={load} />
      </section>
      <section class="card" aria-labelledby="properties-title">
        <h2 id="properties-title">{t("office.customers.properties")}</h2>
        {o.properties.length === 0 ? <p class="muted">{t("office.customers.noProperties")}</p> : (
          <ul class="plain properties">{o.properties.map(p => (
            <li key={p.id}>
              {editing.value === p.id
                ? <EditPropertyForm property={p} onSaved={saved} onCancel={() => (editing.value = null)} />
                : <>
                  <span><strong>{p.name}</strong>: {p.address}{p.accessNotes && <span class="muted"> · {p.accessNotes}</span>}</span>
                  <span class="row-actions"><button type="button" aria-label={t("office.customers.editPropertyNamed", { name: p.name })} onClick={() => (editing.value = p.id)}>{t("office.customers.edit")}</button></span>
                </>}
            </li>
          ))}</ul>
        )}
        <AddPropertyForm customerId={o.customer.id} onAdded={load} />
      </section>
      <section class="card" aria-labelledby="jobs-title">
        <h2 id="jobs-title">{t("office.customers.jobs")}</h2>
        {o.properties.length > 0 && <NewJobForm customerId={o.customer.id} properties={o.properties} onCreated={load} />}
        <h3>{t("office.customers.upcoming")}</h3>
        {o.upcoming.length === 0 ? <p class="muted">{t("office.customers.noJobs")}</p> : (
          <ul class="plain jobs">
            {o.upcoming.map(j => (
              <li key={j.id}><a href={jobPageHref(j.id)}>{j.description}</a> <span class="badge">{j.status}</span>
                <span class="muted"> {j.address}{j.arrivalWindow && <> · <When at={j.arrivalWindow.start} zone={zone} /></>}</span></li>
            ))}
          </ul>
        )}
        {o.recent.length > 0 && (
          <>
            <h3>{t("office.customers.recent")}</h3>
            <ul class="plain jobs">{o.recent.map(j => <li key={j.id}><a href={jobPageHref(j.id)}>{j.description}</a> <span class="badge">{j.status}</span> <span class="muted"><When at={j.lastChangedAt} zone={zone} /></span></li>)}</ul>
          </>
        )}
      </section>
      <CustomerPlans customerId={o.customer.id} properties={o.properties} />
      <CustomerMessages overview={o} />
      <section class="card" aria-labelledby="docs-title">
        <h2 id="docs-title">{t("office.customers.documents")}</h2>
        <p>{documents === 0 ? t("office.customers.noDocuments") : t("office.customers.documentCounts", { reports: o.reports.length, estimates: o.estimates.length, invoices: o.invoices.length })}</p>
        <p>{t("office.customers.conversations", { count: o.conversations.length })}</p>
      </section>
    </div>
  );
}
