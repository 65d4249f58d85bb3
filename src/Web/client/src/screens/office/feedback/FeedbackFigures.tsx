import { BarChart } from "../../../components/charts/BarChart";
import { t } from "../../../i18n/i18n";
import { oneDecimal, type Summary, weekLabel } from "./feedbackTypes";

/**
 * The period's headline figures (CSAT and NPS, with how many answered of how many asked) and their weeks drawn as bars,
 * with the same numbers in a table beside them for whoever cannot see the chart.
 */
export function FeedbackFigures({ summary }: { summary: Summary }) {
  const { csat, nps, weeks } = summary;
  const labels = weeks.map(w => weekLabel(w.weekStart));
  return (
    <>
      <section class="card feedback-kpis" aria-label={t("feedback.title")}>
        <dl class="kpi">
          <div>
            <dt>{t("feedback.csat")}</dt>
            <dd class="big" data-testid="csat">{csat.average == null ? t("feedback.none") : t("feedback.csatValue", { average: oneDecimal(csat.average) })}</dd>
            <dd class="muted">{t("feedback.csatDetail", { responses: csat.responses, sent: csat.sent, satisfied: Math.round((csat.satisfiedShare ?? 0) * 100) })}</dd>
          </div>
          <div>
            <dt>{t("feedback.nps")}</dt>
            <dd class="big" data-testid="nps">{nps.score == null ? t("feedback.none") : (nps.score > 0 ? "+" : "") + nps.score}</dd>
            <dd class="muted">{t("feedback.npsDetail", { responses: nps.responses, sent: nps.sent, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors })}</dd>
            {nps.responses > 0 && (
              <div class="nps-split" aria-hidden="true">
                <span class="promoters" style={{ flexGrow: nps.promoters }} />
                <span class="passives" style={{ flexGrow: nps.passives }} />
                <span class="detractors" style={{ flexGrow: nps.detractors }} />
              </div>
            )}
          </div>
        </dl>
      </section>
      <section class="card feedback-weeks" aria-labelledby="feedback-weeks-title">
        <h2 id="feedback-weeks-title">{t("feedback.byWeek")}</h2>
        <div class="feedback-charts">
          <div>
            <h3>{t("feedback.csatAverage")}</h3>
            <BarChart labels={labels} range={[0, 5]} series={[{ label: t("feedback.csatAverage"), values: weeks.map(w => w.csatAverage ?? 0), color: "#1a7f37" }]} format={oneDecimal} />
          </div>
          <div>
            <h3>{t("feedback.npsScore")}</h3>
            <BarChart labels={labels} counts range={[-100, 100]}
              series={[{ label: t("feedback.npsScore"), values: weeks.map(w => w.npsScore ?? 0), color: weeks.map(w => ((w.npsScore ?? 0) < 0 ? "#cf222e" : "#0a58ca")) }]}
              format={v => String(Math.round(v))} />
          </div>
        </div>
        <div class="table-scroll" tabIndex={0} role="group" aria-label={t("feedback.byWeek")}>
          <table class="figures">
            <thead><tr><th>{t("feedback.week")}</th><th>{t("feedback.csatShort")}</th><th>{t("feedback.answers")}</th><th>{t("feedback.npsScore")}</th><th>{t("feedback.answers")}</th></tr></thead>
            <tbody>
              {weeks.map(w => (
                <tr key={w.weekStart}>
                  <th scope="row"><time dateTime={w.weekStart}>{weekLabel(w.weekStart)}</time></th>
                  <td>{w.csatAverage == null ? "–" : oneDecimal(w.csatAverage)}</td><td>{w.csatResponses}</td>
                  <td>{w.npsScore == null ? "–" : w.npsScore}</td><td>{w.npsResponses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card feedback-technicians" aria-labelledby="feedback-technicians-title">
        <h2 id="feedback-technicians-title">{t("feedback.technicians")}</h2>
        {summary.technicians.length === 0 ? <p class="muted">{t("feedback.noTechnicians")}</p> : (
          <table class="figures">
            <thead><tr><th>{t("feedback.technician")}</th><th>{t("feedback.average")}</th><th>{t("feedback.answers")}</th></tr></thead>
            <tbody>
              {summary.technicians.map(x => (
                <tr key={x.technicianId}>
                  <th scope="row">{x.name ?? x.technicianId}</th>
                  <td><span class="score-bar" aria-hidden="true"><span style={{ inlineSize: `${(x.average / 5) * 100}%` }} /></span> {oneDecimal(x.average)}</td>
                  <td>{x.responses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
