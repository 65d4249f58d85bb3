import { en, type MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";
import { When } from "../../components/time";
import type { DeviceJob } from "./deviceApi";
import { AtTheDoor } from "./AtTheDoor";
import { JobSteps } from "./JobSteps";
import { geoUri, placeOf, webDirectionsUrl } from "./navigation";
import { phoneZone } from "./zone";

/** One stop of the day: when, what, who and where, how to get there, and the steps the server allows now. */
export function JobCard({ job, next }: { job: DeviceJob; next: boolean }) {
  const late = Math.round(job.minutesLate);
  const place = placeOf(job.location);
  return (
    <li class={next ? "job next" : "job"} data-ticket={job.ticketId}>
      <div class="job-tags">
        <span class={`badge status status-${job.status}`}>{known(`tech.status.${job.status}`, job.status)}</span>
        {next && <strong class="badge next-tag">{t("tech.job.next")}</strong>}
        {job.priority !== "Routine" && <span class="priority">{known(`tech.priority.${job.priority}`, job.priority)}</span>}
      </div>
      <p class="when">
        <span class="window">
          {job.arrivalWindow ? <><When at={job.arrivalWindow.start} zone={phoneZone} />–<When at={job.arrivalWindow.end} zone={phoneZone} /></> : t("tech.job.anyTime")}
        </span>
        <span class="eta">{t("tech.job.eta")} {job.eta ? <When at={job.eta} zone={phoneZone} /> : t("tech.job.noEta")}</span>
        {late > 0 && <span class="late">{t("tech.job.late", { minutes: late })}</span>}
      </p>
      <h3 class="description">{job.description}</h3>
      <p class="address">{job.address}</p>
      <AtTheDoor job={job} />
      {place && (
        <p class="links">
          <a class="button" href={geoUri(place, job.address)}>{t("tech.job.navigate")}</a>
          <a class="button" href={webDirectionsUrl(place)} target="_blank" rel="noopener">{t("tech.job.directions")}</a>
        </p>
      )}
      <JobSteps job={job} />
    </li>
  );
}

/** A status or priority in the page's language; a value the page does not know yet is shown as the API sent it. */
function known(key: string, fallback: string): string {
  return key in en ? t(key as MessageKey) : fallback;
}
