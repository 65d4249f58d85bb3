// Each technician's planned route on the map: start, stops in order, end, in the route's colour (the swatch of their
// row on the board and the ring of their marker), with numbered stop markers. Segments are straight lines between
// points, not the road path: the board gives only the stops, and the order is what a dispatcher reads here. Routes are
// redrawn only when the routes shown changed, not on every board read.
import L from "leaflet";
import { t } from "../../../i18n/i18n";
import type { components } from "../../../api/schema";
import type { DayBoard } from "../format";

type GeoPoint = components["schemas"]["GeoPoint"];

export class RoutesLayer {
  private readonly group = L.layerGroup();
  private drawn = "";
  private framed = false;

  constructor(private readonly map: L.Map) {
    this.group.addTo(map);
  }

  dispose(): void {
    this.group.remove();
  }

  /**
   * Draws the routes of the technicians in <paramref name="shown"/> (the rows in view on the board and the technician
   * opened): a fleet of thousands with routes would otherwise be tens of thousands of stop markers.
   */
  update(board: DayBoard, colours: ReadonlyMap<string, string>, shown: ReadonlySet<string>): void {
    const routes = board.technicians.filter(t => t.stops.length > 0 && shown.has(t.id)).map(t => ({
      name: t.name,
      colour: colours.get(t.id) ?? "#57606a",
      path: [t.start, ...t.stops.map(s => s.job.location), t.end].filter((p): p is GeoPoint => p !== null).map(latLng),
      stops: t.stops.map(s => ({ at: latLng(s.job.location), description: s.job.description })),
    }));
    const signature = JSON.stringify(routes);
    if (signature === this.drawn) return;
    this.drawn = signature;
    this.group.clearLayers();
    for (const route of routes) {
      L.polyline(route.path, { color: route.colour, weight: 3, opacity: 0.85, dashArray: "6 6", className: "route", interactive: false }).addTo(this.group);
      route.stops.forEach((stop, i) => {
        const title = t("dispatch.map.stopTitle", { technician: route.name, number: i + 1, job: stop.description });
        const icon = L.divIcon({ className: "stop-marker", html: stopNumber(i + 1, route.colour), iconSize: [22, 22], iconAnchor: [11, 11] });
        L.marker(stop.at, { icon, title, alt: title, keyboard: false }).addTo(this.group);
      });
    }
    // Frame the routes once, on the first board that has any; afterwards the dispatcher's own panning wins.
    const bounds = routes.flatMap(r => r.path);
    if (!this.framed && bounds.length > 0) {
      this.map.fitBounds(L.latLngBounds(bounds), { maxZoom: 15, padding: [30, 30], animate: false });
      this.framed = true;
    }
  }
}

const latLng = (p: GeoPoint): L.LatLngTuple => [p.latitude ?? 0, p.longitude ?? 0];

// An element, not markup: the Content-Security-Policy refuses style attributes in markup, not styles set through the DOM.
function stopNumber(number: number, colour: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = String(number);
  span.style.background = colour;
  return span;
}
