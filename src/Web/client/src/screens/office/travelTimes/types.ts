import type { components } from "../../../api/schema";

export type TravelModel = components["schemas"]["TravelModelDto"];
export type ModelStatus = components["schemas"]["TravelModelSnapshot"];

/** Training is under way in these stages: the page keeps asking until it is not. */
export function isRunning(status: ModelStatus): boolean {
  return !["idle", "ready", "failed"].includes(status.stage);
}
