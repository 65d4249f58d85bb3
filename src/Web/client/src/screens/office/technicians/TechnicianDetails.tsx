import { t } from "../../../i18n/i18n";
import { CalendarFeedPanel } from "./CalendarFeedPanel";
import { DevicesPanel } from "./DevicesPanel";
import { ProfileForm } from "./ProfileForm";
import { ScheduleForm } from "./ScheduleForm";
import type { Technician } from "./types";

/** One technician (or a new one): who they are, when they work, their phones and their calendar feed. */
export function TechnicianDetails({ technician, onSaved }: { technician: Technician | null; onSaved: (t: Technician) => void }) {
  return (
    <div class="technician-details">
      <section class="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{technician ? technician.name : t("office.technicians.new")}</h2>
        <ProfileForm technician={technician} onSaved={onSaved} />
      </section>
      {technician && (
        <>
          <section class="card" aria-labelledby="schedule-title">
            <h2 id="schedule-title">{t("office.schedule.title")}</h2>
            <ScheduleForm technician={technician} onSaved={onSaved} />
          </section>
          <section class="card" aria-labelledby="devices-title">
            <h2 id="devices-title">{t("office.devices.title")}</h2>
            <DevicesPanel technicianId={technician.id} />
          </section>
          <section class="card" aria-labelledby="feed-title">
            <h2 id="feed-title">{t("office.feed.title")}</h2>
            <CalendarFeedPanel technicianId={technician.id} />
          </section>
        </>
      )}
    </div>
  );
}
