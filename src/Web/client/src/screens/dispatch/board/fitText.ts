// What a stop's chip can show in its width: whole words only, never "1 S" or "ETA 13:". The number always shows;
// then the late minutes, the description word by word (with "…" when words are left out), and the live ETA, each only
// when it fits whole. The chip's title and its button's name carry everything, so a short stop still tells all on
// hover and to a screen reader.

const measurer = document.createElement("canvas").getContext("2d");

/** Width in CSS pixels of text in the chips' font (see .stop in dispatch.css). */
function width(text: string): number {
  if (!measurer) return text.length * 7;
  measurer.font = "12px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";
  return measurer.measureText(text).width;
}

export interface ChipText {
  late: string | null;
  description: string;
  eta: string | null;
}

/** The parts of a chip's text that fit `available` pixels after the stop's number, which always shows. */
export function fitChip(number: string, parts: ChipText, available: number): ChipText {
  const gap = width(" ");
  let used = width(number);
  const fits = (text: string) => used + gap + width(text) <= available;
  const take = (text: string) => (used += gap + width(text));

  const late = parts.late && fits(parts.late) ? parts.late : null;
  if (late) take(late);
  const words = parts.description.split(/\s+/).filter(Boolean);
  let kept = 0;
  while (kept < words.length) {
    const text = words.slice(0, kept + 1).join(" ") + (kept + 1 < words.length ? "…" : "");
    if (!fits(text)) break;
    kept++;
  }
  const description = kept === 0 ? "" : words.slice(0, kept).join(" ") + (kept < words.length ? "…" : "");
  if (description) take(description);
  const eta = kept === words.length && parts.eta && fits(parts.eta) ? parts.eta : null;
  return { late, description, eta };
}
