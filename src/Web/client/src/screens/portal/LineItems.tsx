import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { money, percent } from "./money";

type Document = {
  lines: components["schemas"]["LineItemDto"][];
  currency: string;
  subtotal: number;
  discount: number;
  taxes: components["schemas"]["TaxLineDto"][];
  total: number;
};

/** An estimate's or invoice's lines, then its foot: subtotal, discounts, one line per tax rate, and the total. */
export function LineItems({ document: d }: { document: Document }) {
  const foot = (label: string, amount: string, strong = false) => (
    <tr>
      <th scope="row" colSpan={3}>{label}</th>
      <td class="money">{strong ? <strong>{amount}</strong> : amount}</td>
    </tr>
  );
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("documents.item")}</th>
            <th scope="col" class="money">{t("documents.quantity")}</th>
            <th scope="col" class="money">{t("documents.price")}</th>
            <th scope="col" class="money">{t("documents.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((line, i) => (
            <tr key={i}>
              <td>
                {line.description}
                {line.discount > 0 && <span class="muted"> ({t("documents.lineDiscount", { rate: percent(line.discount) })})</span>}
                {line.taxRate > 0 && <span class="muted"> ({t("documents.lineTax", { rate: percent(line.taxRate) })})</span>}
              </td>
              <td class="money">{String(line.quantity)}</td>
              <td class="money">{money(line.unitAmount, d.currency)}</td>
              <td class="money">{money(line.amount, d.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {(d.discount > 0 || d.taxes.length > 0) && foot(t("documents.subtotal"), money(d.subtotal, d.currency))}
          {d.discount > 0 && foot(t("documents.discount"), money(-d.discount, d.currency))}
          {d.taxes.map(x => foot(t("documents.tax", { rate: percent(x.rate), base: money(x.base, d.currency) }), money(x.tax, d.currency)))}
          {foot(t("documents.total"), money(d.total, d.currency), true)}
        </tfoot>
      </table>
    </div>
  );
}
