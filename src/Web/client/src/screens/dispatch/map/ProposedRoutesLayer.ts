// The routes of the plan on offer, dashed over the current ones (which LiveMap fades meanwhile), each in its
// technician's route colour, along the roads where the proposal's legs were read. Only routes the plan changes: an
// unchanged route is already drawn as it is.
import L from "leaflet";
import { routeColour } from "../board/routeColours";
import type { PlanProposal } from "../board/optimizeRun";
import { latLng, roadPath } from "./roadPath";

export class ProposedRoutesLayer {
  private readonly group = L.layerGroup();
  private drawn = "";

  constructor(map: L.Map) {
    this.group.addTo(map);
  }

  dispose(): void {
    this.group.remove();
  }

  /** Draws the proposal's changed routes of the technicians in `shown`; none when `proposal` is null. */
  update(proposal: PlanProposal | null, colours: ReadonlyMap<string, string>, shown: ReadonlySet<string>): void {
    const changed = proposal?.technicians.filter(r => r.changed && r.stops.length > 0 && shown.has(r.technicianId)) ?? [];
    // A technician with no route today has no colour yet: give them one of the colours after the board's.
    let extra = 0;
    const extras = changed.filter(r => !colours.has(r.technicianId)).length;
    const routes = changed.map(r => ({
      colour: colours.get(r.technicianId) ?? routeColour(colours.size + extra++, colours.size + extras),
      path: roadPath([r.start, ...r.stops.map(s => s.location), r.end].map(latLng), r.stops.map(s => s.ticketId), r.legs),
    }));
    const signature = JSON.stringify(routes);
    if (signature === this.drawn) return;
    this.drawn = signature;
    this.group.clearLayers();
    for (const route of routes) {
      L.polyline(route.path, { color: route.colour, weight: 4, opacity: 0.95, dashArray: "8 7", className: "proposed-route", interactive: false }).addTo(this.group);
    }
  }
}
