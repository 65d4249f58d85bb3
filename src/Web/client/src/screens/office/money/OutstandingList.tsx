import { t } from "../../../i18n/i18n";
import { ageLabel } from "./AgeCard";
import { dayText, money } from "./format";
import type { Figures } from "./types";

/** The invoices behind the outstanding total, oldest due date first, each number opening its customer's page. */
export function OutstandingList({ figures }: { figures: Figures }) {
  const invoices = figures.invoices;
  return (
    <section class="card outstanding" aria-labelledby="outstanding-title">
      <h3 id="outstanding-title">{t("money.list.title")}</h3>
      {invoices.length === 0 ? <p class="muted">{t("money.list.none")}</p> : (
        <table class="invoices">
          <thead>
            <tr>
              <th scope="col">{t("money.list.number")}</th><th scope="col">{t("money.list.customer")}</th><th scope="col">{t("money.list.dueOn")}</th>
              <th scope="col">{t("money.list.age")}</th><th scope="col">{t("money.list.due")}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map(i => (
              <tr key={i.invoiceId} class={i.daysPastDue > 0 ? "late" : undefined}>
                <th scope="row"><a href={`/office/customers/#${encodeURIComponent(i.customerId)}`}>{i.number}</a></th>
                <td data-label={t("money.list.customer")}>{i.customerName ?? i.customerId}</td>
                <td data-label={t("money.list.dueOn")}>{dayText(i.dueOn)}</td>
                <td data-label={t("money.list.age")}>{i.daysPastDue > 0 ? t("money.list.daysLate", { days: i.daysPastDue }) : ageLabel(i.bucket)}</td>
                <td data-label={t("money.list.due")} class="amount">{money(i.due, figures.currency, figures.decimals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
