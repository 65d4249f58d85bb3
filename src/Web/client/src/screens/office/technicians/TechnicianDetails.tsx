import { api } from "../../../api/client";
import { CalendarFeedPanel, type CalendarFeedCalls } from "../../../components/CalendarFeedPanel";
import { companyZone } from "../../../components/office/companyZone";
import { t } from "../../../i18n/i18n";
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
            <CalendarFeedPanel calls={technicianFeed(technician.id)} owner={technician.id} offText={t("office.feed.off")} zone={companyZone.value} />
          </section>
        </>
      )}
    </div>
  );
}

function technicianFeed(id: string): CalendarFeedCalls {
  const path = { params: { path: { id } } };
  return {
    state: async () => (await api.GET("/api/v1/technicians/{id}/calendar-feed", path)).data,
    issue: async () => (await api.POST("/api/v1/technicians/{id}/calendar-feed", path)).data,
    revoke: async () => (await api.DELETE("/api/v1/technicians/{id}/calendar-feed", path)).response.ok,
  };
}
