import { useSignal } from "@preact/signals";
import { api, outcome } from "../../../api/client";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { type Answer, stars } from "./feedbackTypes";

/**
 * The reviews customers offered, waiting for the team: each with its stars, words, name and photos, approved (shown on
 * the public reviews page) or rejected (kept private). A decided review leaves the list with a line saying what happened.
 */
export function ReviewQueue({ reviews, tenantPage, zone, onDecided }: { reviews: Answer[] | null; tenantPage: string | null; zone: string; onDecided: () => void }) {
  const notice = useSignal<{ ok: boolean; text: string } | null>(null);
  const busy = useSignal<string | null>(null);

  async function decide(review: Answer, decision: "Approved" | "Rejected") {
    busy.value = review.surveyId;
    const answer = await outcome(api.POST("/api/v1/support/feedback/reviews/{surveyId}/moderation", { params: { path: { surveyId: review.surveyId } }, body: { decision } }));
    busy.value = null;
    notice.value = answer.ok ? { ok: true, text: t(decision === "Approved" ? "feedback.approved" : "feedback.rejected") } : { ok: false, text: answer.problem };
    if (answer.ok) onDecided();
  }

  return (
    <section class="card feedback-reviews" aria-labelledby="feedback-reviews-title">
      <h2 id="feedback-reviews-title">{t("feedback.reviews")}</h2>
      <p class="muted">{t("feedback.reviewsIntro")} {tenantPage && <a href={tenantPage} target="_blank" rel="noopener">{t("feedback.publicPage")}</a>}</p>
      {notice.value && <p class={notice.value.ok ? "notice" : "error"} role={notice.value.ok ? "status" : "alert"}>{notice.value.text}</p>}
      {reviews === null ? <p class="muted">{t("common.loading")}</p> : reviews.length === 0 ? <p class="muted">{t("feedback.noReviews")}</p> : (
        <ul class="review-list">
          {reviews.map(r => (
            <li key={r.surveyId} class="review-item">
              <p class="review-stars" aria-label={t("feedback.score", { score: r.score, max: 5 })}>{stars(r.score)}</p>
              <blockquote>{r.comment}</blockquote>
              <p class="muted">{r.reviewName} · <When at={r.answeredAt} zone={zone} />{r.technicianName ? ` · ${r.technicianName}` : ""}</p>
              {r.photos.length > 0 && (
                <div class="review-photos">
                  {r.photos.map((src, i) => (
                    <a key={src} href={src} target="_blank" rel="noopener">
                      <img src={`${src}?thumbnail=true`} alt={t("feedback.photo", { n: i + 1, name: r.reviewName ?? "" })} width={120} height={90} loading="lazy" />
                    </a>
                  ))}
                </div>
              )}
              <div class="actions">
                <button type="button" class="primary" disabled={busy.value === r.surveyId} onClick={() => void decide(r, "Approved")}>{t("feedback.approve")}</button>
                <button type="button" disabled={busy.value === r.surveyId} onClick={() => void decide(r, "Rejected")}>{t("feedback.reject")}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
