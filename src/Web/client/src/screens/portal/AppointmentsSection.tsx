import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { CalendarFeedPanel, type CalendarFeedCalls } from "../../components/CalendarFeedPanel";
import { t } from "../../i18n/i18n";
import { JobCard } from "./JobCard";
import { isUpcoming, jobs, jobsFailed, loadJobs, notice } from "./jobsStore";
import { me, zone } from "./session";

/** The home section: what is coming (with its actions), then what is done or cancelled. */
export function AppointmentsSection() {
  useEffect(() => { void loadJobs(); }, []);
  const all = jobs.value;
  const upcoming = (all ?? []).filter(isUpcoming);
  const earlier = (all ?? []).filter(job => !isUpcoming(job));
  return (
    <>
      <p class="muted who">{t("portal.who", { name: me.value?.name ?? "", customer: me.value?.customerName ?? "" })}</p>
      <section aria-labelledby="jobs-title" class="jobs">
        <h2 id="jobs-title" tabIndex={-1}>{t("jobs.title")}</h2>
        {notice.value && (notice.value.ok
          ? <p class="ok notice" role="status">{notice.value.text}</p>
          : <p class="error notice" role="alert">{notice.value.text}</p>)}
        {all === null && !jobsFailed.value && <p class="muted">{t("common.loading")}</p>}
        {jobsFailed.value && <p class="error" role="alert">{t("portal.loadFailed")}</p>}
        {all?.length === 0 && <p class="muted">{t("jobs.none")}</p>}
        {upcoming.map(job => <JobCard key={job.id} job={job} />)}
        {earlier.length > 0 && (
          <>
            <h3>{t("jobs.earlier")}</h3>
            {earlier.map(job => <JobCard key={job.id} job={job} />)}
          </>
        )}
      </section>
      <section aria-labelledby="feed-title" class="card">
        <h2 id="feed-title">{t("portal.feed.title")}</h2>
        <CalendarFeedPanel calls={contactFeed} owner={me.value?.email ?? ""} offText={t("portal.feed.off")} zone={zone()} />
      </section>
    </>
  );
}

/** The signed-in contact's own feed: every appointment of their customer's jobs they may see. */
const contactFeed: CalendarFeedCalls = {
  state: async () => (await api.GET("/api/v1/portal/calendar-feed")).data,
  issue: async () => (await api.POST("/api/v1/portal/calendar-feed")).data,
  revoke: async () => (await api.DELETE("/api/v1/portal/calendar-feed")).response.ok,
};
