/** The office's job page for a job: where the board, its alerts and a customer's page link to. */
export const jobPageHref = (ticketId: string): string => `/office/jobs/?id=${encodeURIComponent(ticketId)}`;
