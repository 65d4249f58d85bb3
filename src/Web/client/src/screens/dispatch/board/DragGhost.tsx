import type { BoardDrag } from "./drag";

/** The job following the pointer while it is dragged; it lets pointer events through to the lane underneath. */
export function DragGhost({ drag }: { drag: BoardDrag }) {
  const state = drag.state.value;
  if (!state) return null;
  return (
    <div class={`drag-ghost priority-${state.job.priority}`} aria-hidden="true" style={{ transform: `translate(${state.x + 12}px, ${state.y + 8}px)` }}>
      {state.job.description}
    </div>
  );
}
