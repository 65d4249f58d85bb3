import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { t } from "../../../i18n/i18n";

/**
 * The number customers call, which the messages offer ("Questions? Call …"). Without one those parts are left out; the
 * previews show the company's own number, so what is previewed is what goes out.
 */
export function CompanyPhoneForm({ onSaved }: { onSaved: (phone: string | null) => void }) {
  const phone = useSignal("");
  const status = useSignal("");
  const error = useSignal("");

  useEffect(() => {
    void api.GET("/api/v1/company").then(({ data }) => (phone.value = data?.phone ?? ""));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    status.value = "";
    const { data, error: problem, response } = await api.PUT("/api/v1/company/phone", { body: { phone: phone.value.trim() || null } });
    if (!data) {
      const errors = (problem as { errors?: Record<string, string[]> } | undefined)?.errors;
      error.value = errors?.["phone"]?.[0] ?? t("messages.phoneFailed", { status: response.status });
      return;
    }
    error.value = "";
    phone.value = data.phone ?? "";
    status.value = data.phone ? t("messages.phoneSaved") : t("messages.phoneCleared");
    onSaved(data.phone ?? null);
  }

  return (
    <form class="company-phone" onSubmit={event => void save(event)}>
      <label for="company-phone">{t("messages.phone")}</label>
      <div class="company-phone-row">
        <input id="company-phone" type="tel" autocomplete="tel" maxLength={40} value={phone.value} aria-describedby="company-phone-help company-phone-error"
          onInput={event => (phone.value = event.currentTarget.value)} />
        <button type="submit">{t("common.save")}</button>
      </div>
      <p id="company-phone-help" class="muted">{t("messages.phoneHelp")}</p>
      <p id="company-phone-error" class="error" role="alert">{error.value}</p>
      <p class="muted" role="status">{status.value}</p>
    </form>
  );
}
