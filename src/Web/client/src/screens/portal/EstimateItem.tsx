import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { components } from "../../api/schema";
import { dateOnly, whenShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { documentStatusLabel } from "./documentStatus";
import { DocumentSummary } from "./DocumentSummary";
import { EstimateMoney } from "./EstimateMoney";
import { EstimateSignForm } from "./EstimateSignForm";
import { LineItems } from "./LineItems";
import { money } from "./money";
import { route } from "./route";
import { zone } from "./session";

type Estimate = components["schemas"]["EstimateDto"];

interface Props {
  estimate: Estimate;
  /** This contact pays the bills (owner, accounts payable): only they approve an estimate that asks for a deposit. */
  paysBills: boolean;
  /** This contact may pay online now: approving with a deposit goes on to Stripe's page. */
  canPay: boolean;
  onPayDeposit: (invoiceId: string) => void;
}

/**
 * An estimate: its lines, its deposit, and while pending a typed-name signature to approve or decline it (the server
 * records who, when and from where). Approving one with a deposit issues the deposit invoice and, where payments are
 * set up, goes straight on to pay it. The "estimate ready" message links to "#documents/{id}": that one opens and comes into view.
 */
export function EstimateItem({ estimate: initial, paysBills, canPay, onPayDeposit }: Props) {
  const estimate = useSignal(initial);
  useEffect(() => {
    estimate.value = initial; // the section looked again (back from paying): the deposit may be paid now
  }, [initial]);
  const linked = route.value.section === "documents" && route.value.detail === initial.id;
  const open = useSignal(linked);
  const element = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (linked) element.current?.scrollIntoView({ block: "start" });
  }, [linked]);
  const e = estimate.value;
  return (
    <details ref={element} class="estimate" data-id={e.id} open={open.value} onToggle={event => (open.value = event.currentTarget.open)}>
      <DocumentSummary title={e.title} detail={money(e.total, e.currency)} status={e.status} label={documentStatusLabel(e.status)} />
      <LineItems document={e} />
      <p class="muted">{t("documents.validUntil", { day: dateOnly(new Date(e.validUntil), zone()) })}</p>
      {e.decision && (
        <p>{t("documents.decided", { outcome: documentStatusLabel(e.decision.outcome), name: e.decision.signedName, when: whenShort(new Date(e.decision.at), zone()) })}</p>
      )}
      <EstimateMoney estimate={e} />
      {e.decision?.outcome === "Approved" && e.deposit?.status === "Due" && canPay && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => onPayDeposit(e.deposit!.invoiceId!)}>{t("documents.payDeposit")}</button>
        </div>
      )}
      {!e.decision && e.status === "Pending" && e.deposit && !(paysBills && canPay) && (
        <p class="notice">{t(paysBills ? "documents.depositOffline" : "documents.depositPayers")}</p>
      )}
      {!e.decision && e.status === "Pending" && (
        <EstimateSignForm estimate={e} canApprove={!e.deposit || paysBills} approveLabel={t(e.deposit ? "documents.approveAndPay" : "documents.approve")}
          onDecided={updated => {
            estimate.value = updated;
            if (updated.decision?.outcome === "Approved" && updated.deposit?.status === "Due" && canPay) onPayDeposit(updated.deposit.invoiceId!);
          }} />
      )}
      {!e.decision && e.status === "Expired" && <p class="muted">{t("documents.expired")}</p>}
    </details>
  );
}
