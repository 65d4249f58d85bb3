import type { components } from "../../../api/schema";

export type CustomerItem = components["schemas"]["CustomerListItemDto"];
export type Overview = components["schemas"]["CustomerOverviewDto"];
export type Property = components["schemas"]["PropertyDto"];
export type Suggestion = components["schemas"]["AddressSuggestionDto"];
