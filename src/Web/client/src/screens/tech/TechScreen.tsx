import { useEffect } from "preact/hooks";
import { LanguagePicker } from "../../components/LanguagePicker";
import { t } from "../../i18n/i18n";
import { deviceToken } from "./deviceToken";
import { followChosenJob } from "./notes";
import { NotesAndPhotos } from "./NotesAndPhotos";
import { OutOfOrderDialog } from "./OutOfOrderDialog";
import { checkPush } from "./push";
import { PushCard } from "./PushCard";
import { jobsSeen, keepRefreshing } from "./today";
import { TodayList } from "./TodayList";
import { TokenCard } from "./TokenCard";
import { keepSending } from "./tracking";
import { TrackingCard } from "./TrackingCard";
import "./tech.css";

/**
 * The technician's phone page: today's jobs with their steps, notes and photos, location sharing, job alerts and the device token.
 * Without a token there is nothing to list yet, so the token comes first.
 */
export function TechScreen() {
  useEffect(() => { document.title = t("tech.pageTitle"); });
  useEffect(() => keepSending(), []);
  useEffect(() => keepRefreshing(), []);
  useEffect(() => followChosenJob(), []);
  const hasToken = deviceToken.value !== "";
  useEffect(() => {
    if (hasToken) void checkPush();
  }, [hasToken]);

  return (
    <>
      <header class="bar">
        <h1>{t("tech.title")}</h1>
        <span class="spacer" />
        <LanguagePicker />
      </header>
      <main class="tech">
        {hasToken ? <TodayList /> : <TokenCard />}
        {hasToken && jobsSeen.value.length > 0 && <NotesAndPhotos />}
        <TrackingCard />
        {hasToken && <PushCard />}
        {hasToken && <TokenCard />}
      </main>
      <OutOfOrderDialog />
    </>
  );
}
