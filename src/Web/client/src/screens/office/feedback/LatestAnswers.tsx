import type { MessageKey } from "../../../i18n/en";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { type Answer, maxScore } from "./feedbackTypes";

/** The latest answers, newest first: the score, the words, the technician, and the case a low score opened. */
export function LatestAnswers({ answers, zone }: { answers: Answer[] | null; zone: string }) {
  return (
    <section class="card feedback-latest" aria-labelledby="feedback-latest-title">
      <h2 id="feedback-latest-title">{t("feedback.latest")}</h2>
      {answers === null ? <p class="muted">{t("common.loading")}</p> : answers.length === 0 ? <p class="muted">{t("feedback.noAnswers")}</p> : (
        <ul class="answer-list">
          {answers.map(a => (
            <li key={a.surveyId} class={a.score <= (a.kind === "Nps" ? 6 : 2) ? "answer low" : "answer"}>
              <span class="answer-score">{t("feedback.score", { score: a.score, max: maxScore(a.kind) })}</span>
              <span class="answer-kind">{t(`feedback.kind.${a.kind}` as MessageKey)}{a.technicianName ? ` · ${a.technicianName}` : ""}{a.about ? ` · ${a.about}` : ""}</span>
              <p>{a.comment ?? <span class="muted">{t("feedback.noComment")}</span>}</p>
              <p class="muted"><When at={a.answeredAt} zone={zone} />{a.caseId && <> · <a href={`/office/support/#${a.caseId}`}>{t("feedback.openCase")}</a></>}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
