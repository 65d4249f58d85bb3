import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { companyZone, loadCompanyZone } from "../../../components/office/companyZone";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { SupportNav } from "../../../components/office/SupportNav";
import { t } from "../../../i18n/i18n";
import { FeedbackFigures } from "./FeedbackFigures";
import { FeedbackSettingsPanel } from "./FeedbackSettingsPanel";
import type { Answer, Summary } from "./feedbackTypes";
import { LatestAnswers } from "./LatestAnswers";
import { ReviewQueue } from "./ReviewQueue";
import "./feedback.css";

const periods = [30, 90, 365];

/**
 * What customers say: CSAT after visits (per technician, per week) and NPS, the reviews waiting for moderation, the
 * latest answers with the cases low scores opened, and the settings. Customers answer on the public survey pages
 * (/feedback/{token}); approved reviews show on /reviews/{company}.
 */
export function FeedbackScreen() {
  const days = useSignal(30);
  const summary = useSignal<Summary | null>(null);
  const reviews = useSignal<Answer[] | null>(null);
  const answers = useSignal<Answer[] | null>(null);

  async function load() {
    const { data, response } = await api.GET("/api/v1/support/feedback/summary", { params: { query: { days: days.value } } });
    if (response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname); return; }
    summary.value = data ?? null;
    void api.GET("/api/v1/support/feedback/responses", { params: { query: { days: days.value } } }).then(({ data }) => (answers.value = data ?? []));
  }
  const loadReviews = () => void api.GET("/api/v1/support/feedback/reviews").then(({ data }) => (reviews.value = data ?? []));

  useEffect(() => {
    document.title = t("feedback.pageTitle");
    loadCompanyZone();
    void load();
    loadReviews();
  }, []);

  const zone = companyZone.value;
  return (
    <>
      <OfficeHeader current="support" />
      <SupportNav current="feedback" />
      <main class="office-feedback">
        <div class="feedback-head">
          <h1>{t("feedback.title")}</h1>
          <label>{t("feedback.period")}
            <select value={days.value} onChange={e => { days.value = Number(e.currentTarget.value); void load(); }}>
              {periods.map(d => <option key={d} value={d}>{t("feedback.days", { days: d })}</option>)}
            </select>
          </label>
        </div>
        {summary.value ? <FeedbackFigures summary={summary.value} /> : <section class="card"><p class="muted">{t("common.loading")}</p></section>}
        <ReviewQueue reviews={reviews.value} tenantPage={summary.value?.reviewsPage ?? null} zone={zone} onDecided={loadReviews} />
        <LatestAnswers answers={answers.value} zone={zone} />
        <FeedbackSettingsPanel />
      </main>
    </>
  );
}
