// The technicians on the live map, built to hold thousands: one TechnicianMarker per technician, made the first time
// they are heard of and then only moved or restyled in place; all of them on one canvas. Where markers would heap up
// (more than a few in a cell of the screen, below street zoom) the cell's technicians are drawn as one cluster with
// their count instead; clusters come from a small pool, also updated in place. Hover shows who a marker is (or what a
// cluster holds) in one shared tooltip; the selected technician keeps a tooltip of their own. So the DOM holds a
// canvas and two tooltips whatever the size of the fleet, and does not grow while positions stream.
import L from "leaflet";
import { t } from "../../../i18n/i18n";
import type { TechnicianTest } from "../filters/filters";
import type { Fleet, Technician } from "../fleet/fleet";
import { conditionLabel, conditionOf, conditionColour, conditions, now, type Condition } from "../fleet/status";
import { ClusterMarker, TechnicianMarker, emptyMix } from "./canvasMarkers";

/** Cells of the clustering grid, in screen pixels. */
const CELL = 64;
/** A cell with at least this many technicians is drawn as a cluster. */
const CLUSTER_FROM = 6;
/** From this zoom on (street level) every technician is drawn on their own. */
export const STREET_ZOOM = 16;
/** The zoom a technician opened from the list is shown at, at least. */
const OPENED_ZOOM = 15;
/** While positions stream, clusters are regrouped at most this often (markers themselves move every frame). */
const REGROUP_MS = 400;

interface Entry {
  technician: Technician;
  marker: TechnicianMarker | null;
  condition: Condition;
  shown: boolean;
}

export class FleetLayer {
  private readonly renderer = L.canvas({ padding: 0.5, tolerance: 4 });
  private readonly entries = new Map<string, Entry>();
  private readonly markers = L.featureGroup();
  private readonly clusterLayer = L.featureGroup();
  private readonly pool: ClusterMarker[] = [];
  private readonly hover = L.tooltip({ direction: "top", offset: [0, -12], className: "fleet-tooltip" });
  private readonly hoverText = document.createElement("div");
  private readonly pinned = L.tooltip({ permanent: true, direction: "top", offset: [0, -14], className: "fleet-tooltip fleet-selected" });
  private readonly pinnedName = document.createElement("strong");
  private readonly pinnedStatus = document.createElement("span");
  private routeColours: ReadonlyMap<string, string> = new Map();
  private selectedId: string | null = null;
  /** The dashboard's technician filter: those it hides are on neither a marker nor a cluster. */
  private shows: TechnicianTest = () => true;
  private regroupTimer = 0;
  private readonly stop: (() => void)[] = [];

  constructor(
    private readonly map: L.Map,
    fleet: Fleet,
    private readonly onSelect: (id: string) => void,
    /** Told how many technicians the map shows (markers and clusters' members) after each regrouping. */
    private readonly onShown: (count: number) => void = () => {},
  ) {
    this.hover.setContent(this.hoverText);
    const pinnedContent = document.createElement("div");
    pinnedContent.append(this.pinnedName, document.createElement("br"), this.pinnedStatus);
    this.pinned.setContent(pinnedContent);

    this.markers.addTo(map);
    this.clusterLayer.addTo(map);
    this.markers.on("mouseover", e => this.showHover(e.layer as TechnicianMarker));
    this.markers.on("mouseout", () => this.hover.close());
    this.markers.on("click", e => this.onSelect((e.layer as TechnicianMarker).technicianId));
    this.clusterLayer.on("mouseover", e => this.showClusterHover(e.layer as ClusterMarker));
    this.clusterLayer.on("mouseout", () => this.hover.close());
    this.clusterLayer.on("click", e => this.map.fitBounds((e.layer as ClusterMarker).area, { maxZoom: STREET_ZOOM, padding: [40, 40] }));
    map.on("zoomend", this.regroup, this);

    this.apply([...fleet.all()]);
    this.stop.push(fleet.subscribe(changed => this.apply(changed)));
    // "No signal" comes with time as well as with messages.
    this.stop.push(now.subscribe(() => this.refreshConditions()));
  }

  dispose(): void {
    for (const stop of this.stop) stop();
    window.clearTimeout(this.regroupTimer);
    this.map.off("zoomend", this.regroup, this);
    this.markers.remove();
    this.clusterLayer.remove();
    this.hover.close();
    this.pinned.close();
  }

  /** Each technician's ring: their route's colour on the board's day. */
  setRouteColours(colours: ReadonlyMap<string, string>): void {
    this.routeColours = colours;
    for (const entry of this.entries.values()) {
      const ring = colours.get(entry.technician.id) ?? null;
      if (entry.marker && entry.marker.ring !== ring) {
        entry.marker.ring = ring;
        entry.marker.redraw();
      }
    }
  }

  /** Applies the dashboard's technician filter at once (not at the next regrouping of moving markers). */
  setFilter(test: TechnicianTest): void {
    this.shows = test;
    this.regroup();
  }

  /** Marks the technician, keeps a tooltip on them and brings them into view at street zoom. */
  select(id: string | null): void {
    const previous = this.selectedId ? this.entries.get(this.selectedId) : undefined;
    this.selectedId = id;
    if (previous?.marker) {
      previous.marker.selected = false;
      previous.marker.redraw();
    }
    this.regroup(); // the selected technician is never inside a cluster, and the one before may be again
    const entry = id ? this.entries.get(id) : undefined;
    if (!entry?.marker) {
      this.pinned.close();
      return;
    }
    entry.marker.selected = true;
    entry.marker.bringToFront();
    this.map.setView(entry.marker.getLatLng(), Math.max(this.map.getZoom(), OPENED_ZOOM), { animate: false });
    this.updatePinned(entry);
    this.pinned.openOn(this.map);
  }

  private apply(changed: readonly Technician[]): void {
    let moved = false;
    let openedAppeared = false;
    for (const technician of changed) {
      const entry = this.entries.get(technician.id) ?? this.add(technician);
      const before = entry.technician.position;
      entry.technician = technician;
      const position = technician.position;
      if (!position) continue;
      if (!entry.marker) {
        entry.marker = new TechnicianMarker([position.lat, position.lon], technician.id, this.renderer);
        entry.marker.ring = this.routeColours.get(technician.id) ?? null;
        moved = true;
        openedAppeared ||= technician.id === this.selectedId;
      }
      this.restyle(entry);
      if (position !== before) {
        entry.marker.setLatLng([position.lat, position.lon]);
        moved = true;
      }
      if (technician.id === this.selectedId) this.updatePinned(entry);
    }
    if (moved) this.scheduleRegroup();
    // A technician opened before their first position: show them now that they have one.
    if (openedAppeared) this.select(this.selectedId);
  }

  private add(technician: Technician): Entry {
    const entry: Entry = { technician, marker: null, condition: "NoSignal", shown: false };
    this.entries.set(technician.id, entry);
    return entry;
  }

  private restyle(entry: Entry): void {
    const marker = entry.marker;
    if (!marker) return;
    const condition = conditionOf(entry.technician, now.peek());
    const heading = entry.technician.position?.heading ?? null;
    if (condition === entry.condition && heading === marker.heading && marker.fill === conditionColour[condition]) return;
    entry.condition = condition;
    marker.fill = conditionColour[condition];
    marker.heading = heading;
    marker.redraw();
  }

  private refreshConditions(): void {
    for (const entry of this.entries.values()) this.restyle(entry);
    if (this.selectedId) {
      const entry = this.entries.get(this.selectedId);
      if (entry) this.updatePinned(entry);
    }
  }

  private updatePinned(entry: Entry): void {
    if (!entry.marker) return;
    this.pinnedName.textContent = entry.technician.name;
    this.pinnedStatus.textContent = conditionLabel(entry.condition);
    this.pinned.setLatLng(entry.marker.getLatLng());
  }

  private showHover(marker: TechnicianMarker): void {
    const entry = this.entries.get(marker.technicianId);
    if (!entry) return;
    this.hoverText.textContent = `${entry.technician.name} · ${conditionLabel(entry.condition)}`;
    this.hover.setLatLng(marker.getLatLng()).openOn(this.map);
    this.hover.update();
  }

  private showClusterHover(cluster: ClusterMarker): void {
    const parts = conditions.filter(c => cluster.mix[c] > 0).map(c => `${cluster.mix[c]} ${conditionLabel(c).toLowerCase()}`);
    this.hoverText.textContent = t("dispatch.map.cluster", { count: cluster.count, mix: parts.join(", ") });
    this.hover.setLatLng(cluster.getLatLng()).openOn(this.map);
    this.hover.update();
  }

  private scheduleRegroup(): void {
    if (this.regroupTimer) return;
    this.regroupTimer = window.setTimeout(() => {
      this.regroupTimer = 0;
      this.regroup();
    }, this.markers.getLayers().length === 0 && this.pool.length === 0 ? 0 : REGROUP_MS);
  }

  /** Decides, per cell of the screen grid at this zoom, whether its technicians are drawn one by one or as a cluster. */
  private regroup(): void {
    const zoom = this.map.getZoom();
    const cells = new Map<string, Entry[]>();
    let shown = 0;
    for (const entry of this.entries.values()) {
      if (!entry.marker) continue;
      if (!this.shows(entry.technician.id, entry.technician.name)) {
        this.show(entry, false);
        continue;
      }
      shown++;
      if (zoom >= STREET_ZOOM || entry.technician.id === this.selectedId) {
        this.show(entry, true);
        continue;
      }
      const point = this.map.project(entry.marker.getLatLng(), zoom);
      const key = `${Math.floor(point.x / CELL)}:${Math.floor(point.y / CELL)}`;
      const cell = cells.get(key);
      if (cell) cell.push(entry);
      else cells.set(key, [entry]);
    }
    let used = 0;
    for (const members of cells.values()) {
      const clustered = members.length >= CLUSTER_FROM;
      for (const entry of members) this.show(entry, !clustered);
      if (clustered) this.fillCluster(used++, members);
    }
    for (let i = used; i < this.pool.length; i++) this.clusterLayer.removeLayer(this.pool[i]!);
    this.onShown(shown);
  }

  private show(entry: Entry, shown: boolean): void {
    if (entry.shown === shown || !entry.marker) return;
    entry.shown = shown;
    if (shown) this.markers.addLayer(entry.marker);
    else this.markers.removeLayer(entry.marker);
  }

  private fillCluster(index: number, members: Entry[]): void {
    const cluster = this.pool[index] ?? new ClusterMarker(this.renderer);
    this.pool[index] = cluster;
    const mix = emptyMix();
    let lat = 0, lng = 0;
    const area = L.latLngBounds([]);
    for (const entry of members) {
      const at = entry.marker!.getLatLng();
      mix[entry.condition]++;
      lat += at.lat;
      lng += at.lng;
      area.extend(at);
    }
    cluster.hold(members.length, mix, area);
    if (!this.clusterLayer.hasLayer(cluster)) this.clusterLayer.addLayer(cluster);
    cluster.setLatLng([lat / members.length, lng / members.length]);
  }
}
