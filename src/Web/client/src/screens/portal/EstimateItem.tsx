import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { components } from "../../api/schema";
import { dateOnly, whenShort } from "../../components/time";
import { t } from "../../i18n/i18n";
import { documentStatusLabel } from "./documentStatus";
import { DocumentSummary } from "./DocumentSummary";
import { EstimateSignForm } from "./EstimateSignForm";
import { LineItems } from "./LineItems";
import { money } from "./money";
import { route } from "./route";
import { zone } from "./session";

type Estimate = components["schemas"]["EstimateDto"];

/**
 * An estimate: its lines, and while pending a typed-name signature to approve or decline it (the server records who,
 * when and from where). The "estimate ready" message links to "#documents/{id}": that one opens and comes into view.
 */
export function EstimateItem({ estimate: initial }: { estimate: Estimate }) {
  const estimate = useSignal(initial);
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
      {!e.decision && e.status === "Pending" && <EstimateSignForm estimate={e} onDecided={updated => (estimate.value = updated)} />}
      {!e.decision && e.status === "Expired" && <p class="muted">{t("documents.expired")}</p>}
    </details>
  );
}
