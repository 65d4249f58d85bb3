import type { components } from "../../api/schema";
import { en, type MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";
import { When } from "../time";
import "./support.css";

type Entry = components["schemas"]["CaseEntryDto"];

/** A status, priority or category as the reader's language says it ("Waiting on customer"); an unknown value as stored. */
export function caseLabel(kind: "status" | "priority" | "category", value: string): string {
  const key = `support.${kind}.${value}`;
  return key in en ? t(key as MessageKey) : value;
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge case-${status}`}>{caseLabel("status", status)}</span>;
}

/**
 * A case's history, oldest first: messages (the customer's on one side, the team's on the other), the team's notes
 * (marked internal) and changes as one line each. The portal gets messages only (the API leaves the rest out).
 */
export function CaseThread({ entries, zone, me }: { entries: Entry[]; zone: string; me: "Customer" | "Team" }) {
  return (
    <ol class="case-thread">
      {entries.map(e => e.kind === "Change"
        ? (
          <li key={e.id} class="case-change">
            {e.field === "sla"
              ? t(`officeSupport.sla.reached.${e.to === "Breached" ? "breached" : "atRisk"}` as MessageKey, { label: t(`officeSupport.sla.${e.from === "resolution" ? "resolution" : "firstResponse"}` as MessageKey) })
              : e.field === "merged"
              ? (e.to ? t("officeSupport.mergedInto", { who: e.authorName, number: e.to }) : t("officeSupport.mergedFrom", { who: e.authorName, number: e.from ?? "" }))
              : t("officeSupport.change", {
                who: e.authorName, field: t(`officeSupport.field.${e.field}` as MessageKey),
                from: changeValue(e.field, e.from), to: changeValue(e.field, e.to),
              })} · <When at={e.at} zone={zone} />
          </li>
        )
        : (
          <li key={e.id} class={`case-entry ${e.kind === "Note" ? "case-note" : e.authorKind === me ? "case-mine" : "case-theirs"}`}>
            <p class="case-meta">
              <strong>{e.authorKind === me && me === "Customer" ? t("support.you") : e.authorName}</strong>
              {e.kind === "Note" && <span class="badge case-note-badge">{t("officeSupport.note")}</span>}
              {" "}<span class="muted"><When at={e.at} zone={zone} /></span>
            </p>
            <p class="case-text">{e.text}</p>
          </li>
        ))}
    </ol>
  );
}

function changeValue(field: string | null | undefined, value: string | null | undefined): string {
  if (!value) return t("officeSupport.nobody");
  return field === "status" || field === "priority" || field === "category" ? caseLabel(field, value) : value;
}
