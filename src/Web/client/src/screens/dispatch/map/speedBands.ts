// How much slower than free flow a street is driven, in four bands a person tells apart at a glance. The bounds are
// learned-over-free-flow ratios: up to 1.25 is about as the speed limits say, above 2.2 more than twice as slow.
import type { MessageKey } from "../../../i18n/en";

export interface SpeedBand {
  upTo: number;
  colour: string;
  label: MessageKey;
}

const slowest: SpeedBand = { upTo: Infinity, colour: "#cf222e", label: "dispatch.speeds.band3" };

export const speedBands: readonly SpeedBand[] = [
  { upTo: 1.25, colour: "#1a7f37", label: "dispatch.speeds.band0" },
  { upTo: 1.6, colour: "#d4a72c", label: "dispatch.speeds.band1" },
  { upTo: 2.2, colour: "#e16f24", label: "dispatch.speeds.band2" },
  slowest,
];

export function bandOf(ratio: number): SpeedBand {
  return speedBands.find(b => ratio <= b.upTo) ?? slowest;
}
