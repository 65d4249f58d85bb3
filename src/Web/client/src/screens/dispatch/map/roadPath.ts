// One route's line for the map: along the roads where the server gave the legs, else straight between the points. The
// legs are Google encoded polylines at precision 5 (src/Grains/Routing/EncodedPolyline.cs).
import { decode } from "@googlemaps/polyline-codec";
import type L from "leaflet";
import type { components } from "../../../api/schema";
import type { RouteLeg } from "./roadRoutes";

/**
 * The line through `points` (start, stops in order, end) following `legs` where they are the legs of exactly these
 * stops; a leg whose line cannot be read is the straight segment between its ends, and legs of another order of stops
 * (read before the route changed) are not used at all.
 */
export function roadPath(points: readonly L.LatLngTuple[], stopIds: readonly string[], legs: readonly RouteLeg[] | null | undefined): L.LatLngTuple[] {
  if (!legs || legs.length !== points.length - 1 || !sameStops(legs, stopIds)) return [...points];
  const path: L.LatLngTuple[] = [points[0]!];
  legs.forEach((leg, i) => {
    const line = decode(leg.polyline, 5);
    const readable = line.length >= 2 && line.every(([lat, lng]) => Number.isFinite(lat) && Number.isFinite(lng));
    const along = readable ? line : [points[i]!, points[i + 1]!];
    path.push(...along.slice(1)); // each leg starts where the one before it ended
  });
  return path;
}

function sameStops(legs: readonly RouteLeg[], stopIds: readonly string[]): boolean {
  const reached = legs.map(l => l.toTicketId).filter((id): id is string => id !== null);
  return reached.length === stopIds.length && reached.every((id, i) => id === stopIds[i]);
}

export const latLng = (p: components["schemas"]["GeoPoint"]): L.LatLngTuple => [p.latitude ?? 0, p.longitude ?? 0];
