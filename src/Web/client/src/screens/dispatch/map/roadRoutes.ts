// The board's routes as lines along the roads (GET /board/routes). Read again only when some route's stops or their
// order changed, not on every board read: a technician's position or an alert changes the board, not the roads.
import { signal } from "@preact/signals";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import type { DayBoard } from "../format";

export type RouteLeg = components["schemas"]["RouteLeg"];

export class RoadRoutes {
  /** Technician id to the legs of their route, for the routes of `signature`; empty until read. */
  readonly legs = signal<ReadonlyMap<string, readonly RouteLeg[]>>(new Map());
  private asked = "";

  /** Reads the legs when the board's routes differ from those last asked for; answers that arrive late are dropped. */
  follow(board: DayBoard): void {
    const signature = routesSignature(board);
    if (signature === this.asked) return;
    this.asked = signature;
    if (!board.technicians.some(t => t.stops.length > 0)) {
      this.legs.value = new Map();
      return;
    }
    void api.GET("/api/v1/dispatch/board/routes", { params: { query: { day: board.day } } }).then(({ data }) => {
      // Without an answer the map keeps straight lines between the stops (RoutesLayer's fallback).
      if (data && this.asked === signature) this.legs.value = new Map(data.map(t => [t.technicianId, t.legs]));
    });
  }
}

function routesSignature(board: DayBoard): string {
  return board.day + "|" + board.technicians.filter(t => t.stops.length > 0).map(t => `${t.id}:${t.stops.map(s => s.job.ticketId).join(",")}`).join(";");
}
