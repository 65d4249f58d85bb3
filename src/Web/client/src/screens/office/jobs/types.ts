import type { components } from "../../../api/schema";

export type JobOverview = components["schemas"]["JobOverviewDto"];
export type Ticket = components["schemas"]["TicketDto"];
export type AuditEntry = components["schemas"]["AuditEntryDto"];
export type JobRoute = components["schemas"]["JobRouteDto"];
export type JobReport = components["schemas"]["JobReportDto"];
export type Estimate = components["schemas"]["EstimateDto"];
export type Invoice = components["schemas"]["InvoiceDto"];
export type InvoiceMoney = components["schemas"]["InvoiceMoneyDto"];
export type LedgerRow = components["schemas"]["LedgerRowDto"];
export type OfficeRefund = components["schemas"]["OfficeRefundDto"];
export type InvoicePayment = components["schemas"]["InvoicePaymentDto"];
