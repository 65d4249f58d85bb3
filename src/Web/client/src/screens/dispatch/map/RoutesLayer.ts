// Each technician's planned route on the map: start, stops in order, end, in the route's colour (the swatch of their
// row on the board and the ring of their marker), along the roads (the legs of GET /board/routes), with numbered stop
// markers whose popup names the job and links to its page. Where a route's legs are not known (not read yet, or read
// for another order of stops) it is drawn straight between the points. Routes are redrawn only when what is drawn
// changed, not on every board read.
import L from "leaflet";
import { t } from "../../../i18n/i18n";
import type { DayBoard } from "../format";
import { latLng, roadPath } from "./roadPath";
import type { RouteLeg } from "./roadRoutes";

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
   * Draws the routes of the technicians in `shown` (the rows in view on the board and the technician opened): a fleet
   * of thousands with routes would otherwise be tens of thousands of stop markers.
   */
  update(board: DayBoard, colours: ReadonlyMap<string, string>, shown: ReadonlySet<string>, legs: ReadonlyMap<string, readonly RouteLeg[]>): void {
    const routes = board.technicians.filter(t => t.stops.length > 0 && shown.has(t.id)).map(t => {
      const points = [t.start, ...t.stops.map(s => s.job.location), t.end].filter(p => p !== null).map(latLng);
      return {
        name: t.name,
        colour: colours.get(t.id) ?? "#57606a",
        path: roadPath(points, t.stops.map(s => s.job.ticketId), legs.get(t.id)),
        stops: t.stops.map(s => ({ at: latLng(s.job.location), ticketId: s.job.ticketId, description: s.job.description, address: s.job.address })),
      };
    });
    const signature = JSON.stringify(routes);
    if (signature === this.drawn) return;
    this.drawn = signature;
    this.group.clearLayers();
    for (const route of routes) {
      L.polyline(route.path, { color: route.colour, weight: 4, opacity: 0.85, className: "route", interactive: false }).addTo(this.group);
      route.stops.forEach((stop, i) => {
        const title = t("dispatch.map.stopTitle", { technician: route.name, number: i + 1, job: stop.description });
        const icon = L.divIcon({ className: "stop-marker", html: stopNumber(i + 1, route.colour), iconSize: [22, 22], iconAnchor: [11, 11] });
        // Focusable (Leaflet gives it role=button): Enter opens the popup, as a click does.
        L.marker(stop.at, { icon, title, alt: title, keyboard: true })
          .bindPopup(() => stopPopup(route.name, i + 1, stop), { className: "stop-popup", maxWidth: 260 })
          .addTo(this.group);
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

// An element, not markup: the Content-Security-Policy refuses style attributes in markup, not styles set through the DOM.
function stopNumber(number: number, colour: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = String(number);
  span.style.background = colour;
  return span;
}

/** The job of a stop in words, and the way to its page; text nodes only, as descriptions are typed by people. */
function stopPopup(technician: string, number: number, stop: { ticketId: string; description: string; address: string }): HTMLElement {
  const box = document.createElement("div");
  const line = (tag: string, text: string, className?: string) => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return box.appendChild(element);
  };
  line("strong", stop.description, "stop-job");
  line("div", t("dispatch.map.stopOf", { technician, number }), "muted");
  line("div", stop.address);
  const open = line("a", t("dispatch.map.openJob"), "open-job") as HTMLAnchorElement;
  open.href = `/office/jobs/?id=${encodeURIComponent(stop.ticketId)}`;
  return box;
}
