import { useSignal } from "@preact/signals";
import { useId } from "preact/hooks";
import { api, outcome } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n/i18n";

type Estimate = components["schemas"]["EstimateDto"];

interface Props {
  estimate: Estimate;
  /** "Approve", or "Approve and pay deposit" when approving issues a deposit invoice. */
  approveLabel: string;
  /** False for a contact who may not approve this one (a property manager, when a deposit is asked for): decline only. */
  canApprove: boolean;
  onDecided: (estimate: Estimate) => void;
}

/** Approve or decline with the name typed as a signature; the server records it with the time and refuses a second decision. */
export function EstimateSignForm({ estimate, approveLabel, canApprove, onDecided }: Props) {
  const name = useSignal("");
  const error = useSignal("");
  const busy = useSignal(false);
  const id = useId();

  async function decide(approve: boolean) {
    error.value = "";
    if (name.value.trim().length < 2) {
      error.value = t("documents.sign");
      document.getElementById(id)?.focus();
      return;
    }
    busy.value = true;
    const path = approve ? "/api/v1/portal/estimates/{id}/approve" : "/api/v1/portal/estimates/{id}/decline";
    const answer = await outcome(api.POST(path, { params: { path: { id: estimate.id } }, body: { signedName: name.value } }));
    busy.value = false;
    if (answer.ok) onDecided(answer.data);
    else error.value = answer.status === 400 ? answer.problem : t("documents.refused", { status: answer.status });
  }

  return (
    <form class="sign" onSubmit={event => { event.preventDefault(); if (canApprove) void decide(true); }}>
      <label for={id}>{t("documents.sign")}</label>
      <input id={id} name="signedName" autocomplete="name" required minLength={2} maxLength={200} value={name.value} onInput={e => (name.value = e.currentTarget.value)} />
      <div class="actions">
        {canApprove && <button type="button" class="primary" disabled={busy.value} onClick={() => decide(true)}>{approveLabel}</button>}
        <button type="button" disabled={busy.value} onClick={() => decide(false)}>{t("documents.decline")}</button>
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </form>
  );
}
