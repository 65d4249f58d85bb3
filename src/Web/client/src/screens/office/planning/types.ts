import type { components } from "../../../api/schema";

export type Calendar = components["schemas"]["PlanningCalendar"];
export type CalendarTechnician = components["schemas"]["CalendarTechnician"];
export type CalendarDay = components["schemas"]["CalendarDay"];
export type CalendarJob = components["schemas"]["CalendarJob"];
export type BoardJob = components["schemas"]["BoardJob"];
export type TicketStatus = components["schemas"]["TicketStatus"];
export type TicketPriority = components["schemas"]["TicketPriority"];

export const statuses: TicketStatus[] = ["New", "Scheduled", "Assigned", "EnRoute", "OnSite", "OnHold"];
export const priorities: TicketPriority[] = ["Emergency", "High", "Routine"];
