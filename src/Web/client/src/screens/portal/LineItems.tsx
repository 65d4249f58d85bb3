import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";
import { money } from "./money";

type Lines = { lines: components["schemas"]["LineItemDto"][]; currency: string; total: number | string };

/** An estimate's or invoice's lines with their total. */
export function LineItems({ document: d }: { document: Lines }) {
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
              <td>{line.description}</td>
              <td class="money">{String(line.quantity)}</td>
              <td class="money">{money(line.unitPrice, d.currency)}</td>
              <td class="money">{money(line.amount, d.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>{t("documents.total")}</th>
            <td class="money"><strong>{money(d.total, d.currency)}</strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
