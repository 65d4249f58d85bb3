// Route colours: one per technician row of the board, as far apart as the number of routes allows. Hues are spread
// evenly around the circle and neighbours alternate between a dark and a light shade, so 20 routes get 20 colours
// (a fixed palette of ten repeated itself), and the same colour marks the row, the route line and the ring of the
// technician's marker on the map.

export function routeColour(index: number, count: number): string {
  const slots = Math.max(count, 8);
  const hue = Math.round((215 + (index * 360) / slots) % 360);
  const lightness = index % 2 === 0 ? 38 : 55;
  return `hsl(${hue}, 72%, ${lightness}%)`;
}

/** Technician id to route colour, in the board's row order. */
export function routeColours(technicianIds: readonly string[]): Map<string, string> {
  return new Map(technicianIds.map((id, index) => [id, routeColour(index, technicianIds.length)]));
}
