import { useSignal } from "@preact/signals";
import type { ComponentChild } from "preact";
import { useEffect, useId } from "preact/hooks";
import { api, outcome } from "../../../api/client";
import { companyCurrency } from "../../../components/office/companyCurrency";
import { dayIn } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { addDays, instantIn } from "../../dispatch/format";
import { currencyDecimals, money, scaledInteger } from "../../portal/money";
import type { JobOverview } from "./types";

export type DocumentKind = "estimate" | "invoice";

interface Line {
  description: string;
  quantity: string;
  unitPrice: string;
  /** Percentages as typed ("23", "6.5"); sent as basis points. */
  taxRate: string;
  discount: string;
}

const emptyLine = (): Line => ({ description: "", quantity: "1", unitPrice: "", taxRate: "", discount: "" });

/** A number typed in a field, or null for nothing (the server then says the field is required). */
const numberOf = (text: string): number | null => (text.trim() === "" || Number.isNaN(Number(text)) ? null : Number(text));

/** A percentage typed ("23", "6,5") in basis points; an empty field is none. */
const basisPoints = (text: string): number | null => (text.trim() === "" ? 0 : scaledInteger(text, 2));

/** The line's amount after its discount, in minor units, as the form shows it while typing (the server's is the real one). */
function previewAmount(line: Line, currency: string): number {
  const gross = Math.round((numberOf(line.quantity) ?? 0) * (scaledInteger(line.unitPrice, currencyDecimals(currency)) ?? 0));
  return gross - Math.round((gross * (basisPoints(line.discount) ?? 0)) / 10_000);
}

/** The total as typed: lines after discount plus each line's tax (the server rounds tax per rate; this is a preview). */
function previewTotal(lines: Line[], currency: string): number {
  return lines.reduce((sum, l) => {
    const net = previewAmount(l, currency);
    return sum + net + Math.round((net * (basisPoints(l.taxRate) ?? 0)) / 10_000);
  }, 0);
}

/**
 * A new estimate or invoice for this job's customer and site: line items with their amounts and the total as they are
 * typed (the server computes the real ones from the lines), and each of the server's complaints next to its field.
 */
export function DocumentForm({ kind, overview: o, onCreated, onCancel }: { kind: DocumentKind; overview: JobOverview; onCreated: (kind: DocumentKind) => void; onCancel: () => void }) {
  const id = useId();
  const today = dayIn(new Date(), o.timeZone);
  const title = useSignal("");
  // The company's currency once it answers; left empty, the server uses the company's anyway.
  const currency = useSignal("");
  useEffect(() => { void companyCurrency().then(code => { if (code && currency.value === "") currency.value = code; }); }, []);
  // An estimate stays open a month by default; an invoice is due in two weeks.
  const day = useSignal(addDays(today, kind === "estimate" ? 30 : 14));
  const lines = useSignal<Line[]>([emptyLine()]);
  // An estimate may ask for a deposit on approval: a percentage of its total or a fixed amount.
  const depositKind = useSignal<"none" | "rate" | "amount">("none");
  const depositValue = useSignal("");
  const fields = useSignal<Record<string, string[]>>({});
  const general = useSignal("");
  const busy = useSignal(false);

  const total = previewTotal(lines.value, currency.value);
  const setLine = (i: number, change: Partial<Line>) => (lines.value = lines.value.map((l, j) => (j === i ? { ...l, ...change } : l)));

  async function submit(event: Event) {
    event.preventDefault();
    busy.value = true;
    general.value = "";
    fields.value = {};
    const common = {
      customerId: o.ticket.customerId, propertyId: null, ticketId: o.ticket.id, title: title.value, currency: currency.value.trim() || null,
      lines: lines.value.map(l => ({
        description: l.description, quantity: numberOf(l.quantity), unitAmount: scaledInteger(l.unitPrice, currencyDecimals(currency.value.trim())),
        taxRate: basisPoints(l.taxRate), discount: basisPoints(l.discount),
      })),
    };
    const answer = kind === "estimate"
      // Valid to the end of the chosen day, as the company counts days.
      ? await outcome(api.POST("/api/v1/estimates", { body: { ...common, validUntil: instantIn(`${day.value}T23:59`, o.timeZone).toISOString(), deposit: deposit() } }))
      : await outcome(api.POST("/api/v1/invoices", { body: { ...common, dueDate: day.value } }));
    busy.value = false;
    if (answer.ok) { onCreated(kind); return; }
    fields.value = answer.fields;
    general.value = Object.keys(answer.fields).length > 0 ? t("office.job.fixFields") : answer.problem;
  }

  /** The deposit as the API takes it: basis points or minor units; a value that is not a number goes as -1, which the server names. */
  function deposit() {
    if (depositKind.value === "none") return null;
    const typed = depositKind.value === "rate" ? basisPoints(depositValue.value) : scaledInteger(depositValue.value, currencyDecimals(currency.value.trim()));
    return depositKind.value === "rate" ? { rate: typed ?? -1, amount: null } : { rate: null, amount: typed ?? -1 };
  }

  /** The server's messages about a field, tied to it for screen readers. */
  const problem = (field: string) => {
    const messages = fields.value[field];
    return messages ? <span id={`${id}-${field}-error`} class="error field-error">{messages.join(" ")}</span> : null;
  };
  const describedBy = (field: string) => (fields.value[field] ? `${id}-${field}-error` : undefined);
  const dateField = kind === "estimate" ? "validUntil" : "dueDate";
  const heading = t(kind === "estimate" ? "office.job.newEstimate" : "office.job.newInvoice");

  return (
    <form class="document-form" onSubmit={submit} noValidate aria-label={heading}>
      <h3>{heading}</h3>
      <label for={`${id}-title`}>{t("office.job.formTitle")}</label>
      <input id={`${id}-title`} value={title.value} maxLength={200} aria-invalid={!!fields.value.title} aria-describedby={describedBy("title")}
        onInput={e => (title.value = e.currentTarget.value)} />
      {problem("title")}
      <div class="field-row">
        <div>
          <label for={`${id}-currency`}>{t("office.job.currency")}</label>
          <input id={`${id}-currency`} value={currency.value} maxLength={3} aria-invalid={!!fields.value.currency} aria-describedby={describedBy("currency")}
            onInput={e => (currency.value = e.currentTarget.value)} />
          {problem("currency")}
        </div>
        <div>
          <label for={`${id}-day`}>{t(kind === "estimate" ? "office.job.validUntilField" : "office.job.dueDateField")}</label>
          <input id={`${id}-day`} type="date" value={day.value} aria-invalid={!!fields.value[dateField]} aria-describedby={describedBy(dateField)}
            onInput={e => (day.value = e.currentTarget.value)} />
          {problem(dateField)}
        </div>
      </div>
      <fieldset>
        <legend>{t("office.job.lines")}</legend>
        {problem("lines")}
        <ol class="lines">
          {lines.value.map((line, i) => {
            const n = i + 1;
            const key = (f: string) => `lines[${i}].${f}`;
            const amount = previewAmount(line, currency.value);
            return (
              <li key={i} class="line">
                <div class="line-description">
                  <label for={`${id}-d${i}`}>{t("office.job.lineDescription", { n })}</label>
                  <input id={`${id}-d${i}`} value={line.description} maxLength={500} aria-invalid={!!fields.value[key("description")]} aria-describedby={describedBy(key("description"))}
                    onInput={e => setLine(i, { description: e.currentTarget.value })} />
                  {problem(key("description"))}
                </div>
                <NumberField id={`${id}-q${i}`} label={t("office.job.lineQuantity", { n })} step="any" value={line.quantity} field={key("quantity")}
                  onInput={quantity => setLine(i, { quantity })} problem={problem} describedBy={describedBy} />
                <NumberField id={`${id}-p${i}`} label={t("office.job.linePrice", { n })} step="0.01" value={line.unitPrice} field={key("unitAmount")}
                  onInput={unitPrice => setLine(i, { unitPrice })} problem={problem} describedBy={describedBy} />
                <NumberField id={`${id}-t${i}`} label={t("office.job.lineTax", { n })} step="0.01" value={line.taxRate} field={key("taxRate")}
                  onInput={taxRate => setLine(i, { taxRate })} problem={problem} describedBy={describedBy} />
                <NumberField id={`${id}-x${i}`} label={t("office.job.lineDiscount", { n })} step="0.01" value={line.discount} field={key("discount")}
                  onInput={discount => setLine(i, { discount })} problem={problem} describedBy={describedBy} />
                <div class="line-amount">
                  <span class="muted">{t("office.job.lineAmount")}</span> <span class="amount">{money(amount, currency.value)}</span>
                </div>
                {lines.value.length > 1 && (
                  <button type="button" class="remove-line" aria-label={t("office.job.removeLine", { n })} onClick={() => (lines.value = lines.value.filter((_, j) => j !== i))}>×</button>
                )}
              </li>
            );
          })}
        </ol>
        <button type="button" onClick={() => (lines.value = [...lines.value, emptyLine()])}>{t("office.job.addLine")}</button>
      </fieldset>
      <p class="document-total">{t("office.job.total")}: <strong>{money(total, currency.value)}</strong></p>
      {kind === "estimate" && (
        <fieldset class="deposit-fields">
          <legend>{t("office.job.deposit")}</legend>
          {problem("deposit")}
          <div class="field-row">
            <div>
              <label for={`${id}-deposit-kind`}>{t("office.job.deposit")}</label>
              <select id={`${id}-deposit-kind`} value={depositKind.value} onChange={e => (depositKind.value = e.currentTarget.value as "none" | "rate" | "amount")}>
                <option value="none">{t("office.job.depositNone")}</option>
                <option value="rate">{t("office.job.depositRate")}</option>
                <option value="amount">{t("office.job.depositAmount")}</option>
              </select>
            </div>
            {depositKind.value !== "none" && (
              <NumberField id={`${id}-deposit`} label={t("office.job.depositValue")} step="0.01" value={depositValue.value}
                field={depositKind.value === "rate" ? "deposit.rate" : "deposit.amount"} onInput={v => (depositValue.value = v)} problem={problem} describedBy={describedBy} />
            )}
          </div>
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy.value}>{t(kind === "estimate" ? "office.job.sendEstimate" : "office.job.sendInvoice")}</button>
        <button type="button" onClick={onCancel}>{t("office.job.cancel")}</button>
      </div>
      {general.value && <p class="error" role="alert">{general.value}</p>}
    </form>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  step: string;
  value: string;
  /** The request's field name, as a validation problem names it. */
  field: string;
  onInput: (value: string) => void;
  problem: (field: string) => ComponentChild;
  describedBy: (field: string) => string | undefined;
}

/** A line's quantity or unit price, with the server's message about it underneath. */
function NumberField({ id, label, step, value, field, onInput, problem, describedBy }: NumberFieldProps) {
  const message = problem(field);
  return (
    <div class="line-number">
      <label for={id}>{label}</label>
      <input id={id} type="number" inputMode="decimal" step={step} value={value} aria-invalid={!!message} aria-describedby={describedBy(field)}
        onInput={e => onInput(e.currentTarget.value)} />
      {message}
    </div>
  );
}
