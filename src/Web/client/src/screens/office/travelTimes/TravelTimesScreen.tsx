import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../../../api/client";
import { OfficeHeader } from "../../../components/office/OfficeHeader";
import { companyZone, loadCompanyZone } from "../../../components/office/companyZone";
import { When } from "../../../components/time";
import { t } from "../../../i18n/i18n";
import { ModelCard } from "./ModelCard";
import { isRunning, type TravelModel } from "./types";
import "./travelTimes.css";

/** How often the page asks again while a model is being trained: progress a person can follow, without hammering. */
const PollMilliseconds = 1500;

/** And when nothing runs: a run started elsewhere (the nightly one, another dispatcher, the app starting) still shows up. */
const IdlePollMilliseconds = 15_000;

/**
 * Where the office sees which travel times its plans and its customers' ETAs come from: the city's learned model, the
 * company's own (retrained every night from its technicians' pings), training's progress, and each model's week.
 */
export function TravelTimesScreen() {
  const model = useSignal<TravelModel | null>(null);
  const error = useSignal("");
  const starting = useSignal(false);

  async function load() {
    const { data, response } = await api.GET("/api/v1/dispatch/travel-model");
    if (response.status === 401) { location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname); return; }
    if (data) { model.value = data; error.value = ""; }
    else error.value = t("travel.loadFailed");
  }

  useEffect(() => { document.title = t("travel.pageTitle"); loadCompanyZone(); void load(); }, []);
  const running = model.value !== null && (isRunning(model.value.company) || isRunning(model.value.city));
  useEffect(() => {
    const timer = setInterval(() => void load(), running ? PollMilliseconds : IdlePollMilliseconds);
    return () => clearInterval(timer);
  }, [running]);

  async function retrain() {
    starting.value = true;
    const { data } = await api.POST("/api/v1/dispatch/travel-model/retrain");
    starting.value = false;
    if (data) model.value = data;
    else error.value = t("travel.retrainFailed");
  }

  const current = model.value;
  return (
    <>
      <OfficeHeader current="travel" />
      <main class="travel-times">
        <h2>{t("travel.title")}</h2>
        <p class="muted intro">{t("travel.intro")}</p>
        <p class="error" role="alert">{error.value}</p>
        {current && (
          <>
            <ModelCard title={t("travel.company.title")} empty={t("travel.company.none")} status={current.company} zone={companyZone.value}>
              <p class="next">
                {current.nextRetraining
                  ? <>{t("travel.next")} <When at={current.nextRetraining} zone={companyZone.value} /></>
                  : t("travel.notScheduled")}
              </p>
              <button type="button" class="primary" onClick={retrain} disabled={starting.value || isRunning(current.company)}>
                {t("travel.retrain")}
              </button>
            </ModelCard>
            <ModelCard title={t("travel.city.title")} empty={t("travel.city.none")} status={current.city} zone={companyZone.value} />
          </>
        )}
      </main>
    </>
  );
}
