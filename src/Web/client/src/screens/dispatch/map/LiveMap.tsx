import { effect, useSignal, type ReadonlySignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { api } from "../../../api/client";
import { t } from "../../../i18n/i18n";
import type { BoardStore } from "../board/boardStore";
import type { NewJobPlace } from "../board/newJobPlace";
import type { PlanProposal } from "../board/optimizeRun";
import type { Filters } from "../filters/filters";
import type { Fleet } from "../fleet/fleet";
import type { Selection } from "../fleet/selection";
import { FleetLayer } from "./FleetLayer";
import { MapLegend } from "./MapLegend";
import { ProposedRoutesLayer } from "./ProposedRoutesLayer";
import { RoadRoutes } from "./roadRoutes";
import { RoutesLayer } from "./RoutesLayer";
import { SpeedsControl } from "./SpeedsControl";
import { SpeedsLayer } from "./SpeedsLayer";

const PORTO: L.LatLngTuple = [41.1579, -8.6291];

interface Props {
  fleet: Fleet;
  board: BoardStore;
  selection: Selection;
  place: NewJobPlace;
  /** The plan on offer ("optimize the day"), drawn dashed over the current routes until applied or discarded. */
  proposal: ReadonlySignal<PlanProposal | null>;
  filters: Filters;
}

/**
 * The live map. Leaflet owns the map's element: it is made once, kept for the page's life, and its layers are updated
 * in place from the signals they follow (technicians, the board's routes along the roads, a proposed plan's routes, the
 * open technician's track, the new job's pin).
 */
export function LiveMap({ fleet, board, selection, place, proposal, filters }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const onMap = useSignal<number | null>(null);
  const speeds = useSignal<SpeedsLayer | null>(null);

  useEffect(() => {
    const container = element.current!;
    const map = L.map(container, { zoomControl: true }).setView(PORTO, 12);
    // Leaflet measures its container only on window resizes; the panels around it can change its size too.
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    void api.GET("/api/v1/map").then(({ data }) => {
      // Tiles come from the operator's tile server; where none is reachable the map still works without them. The page
      // sends no referrer, and tile servers ask for one (OpenStreetMap's policy), so tiles send the origin alone.
      if (data?.tileUrl) L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 19, referrerPolicy: "strict-origin" }).addTo(map);
    });

    const technicians = new FleetLayer(map, fleet, id => void selection.open(id), count => (onMap.value = count));
    const routes = new RoutesLayer(map);
    const roads = new RoadRoutes();
    const proposed = new ProposedRoutesLayer(map);
    speeds.value = new SpeedsLayer(map);
    const pin = L.circleMarker(PORTO, { radius: 9, color: "#1c2128", weight: 2, dashArray: "3 3", fillColor: "#ffffff", fillOpacity: 0.9, className: "new-job-pin", interactive: false });
    let track: L.Polyline | null = null;
    /** The technicians whose routes are drawn: the rows in view on the board and the technician opened. */
    const routesShown = () => {
      const opened = selection.technicianId.value;
      return new Set(opened ? [...board.rowsInView.value, opened] : board.rowsInView.value);
    };

    const stops = [
      effect(() => technicians.setRouteColours(board.colours.value)),
      effect(() => {
        const shown = board.board.value;
        if (shown) roads.follow(shown);
      }),
      effect(() => {
        const shown = board.board.value;
        if (shown) routes.update(shown, board.colours.value, routesShown(), roads.legs.value);
      }),
      effect(() => {
        // A plan for another day than the one shown would be drawn over the wrong routes.
        const offered = proposal.value?.day === board.day.value ? proposal.value : null;
        proposed.update(offered, board.colours.value, routesShown());
        // While a plan is on offer the current routes step back, so that the dashed ones read as the change.
        container.classList.toggle("previewing", offered !== null);
      }),
      effect(() => technicians.select(selection.technicianId.value)),
      effect(() => technicians.setFilter(filters.technicianTest.value)),
      effect(() => {
        const shown = selection.track.value;
        track?.remove();
        track = null;
        if (!shown) return;
        track = L.polyline(shown.points, { color: "#1f6feb", weight: 4, opacity: 0.7, className: "track", interactive: false }).addTo(map);
        if (shown.points.length > 1) map.fitBounds(track.getBounds(), { maxZoom: 16, padding: [40, 40], animate: false });
      }),
      effect(() => {
        const at = place.pin.value;
        if (at) pin.setLatLng(at).addTo(map);
        else pin.remove();
      }),
    ];

    return () => {
      for (const stop of stops) stop();
      technicians.dispose();
      routes.dispose();
      proposed.dispose();
      speeds.peek()?.dispose();
      resize.disconnect();
      map.remove();
    };
  }, []);

  return (
    <section class="map-box" aria-label={t("dispatch.map.label")}>
      {/* A map is not mirrored in a right-to-left page: east stays on the right. */}
      <div ref={element} class="map" dir="ltr" />
      <MapLegend onMap={onMap.value} />
      <SpeedsControl layer={speeds.value} />
    </section>
  );
}
