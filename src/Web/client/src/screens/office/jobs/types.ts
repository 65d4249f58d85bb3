import type { components } from "../../../api/schema";

export type JobOverview = components["schemas"]["JobOverviewDto"];
export type Ticket = components["schemas"]["TicketDto"];
export type AuditEntry = components["schemas"]["AuditEntryDto"];
export type JobRoute = components["schemas"]["JobRouteDto"];
export type JobReport = components["schemas"]["JobReportDto"];
export type Estimate = components["schemas"]["EstimateDto"];
export type Invoice = components["schemas"]["InvoiceDto"];
