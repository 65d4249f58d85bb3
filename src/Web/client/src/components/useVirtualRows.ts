// A scrolling list of thousands of fixed-height rows of which only those in view (and a few on each side) are rendered:
// the list is as tall as all its rows would be, and each rendered row is placed at index × height. The DOM stays the
// same size however long the list, and scrolling renders only the rows that come into view.
import { useSignal } from "@preact/signals";
import { useCallback, useRef } from "preact/hooks";

export interface VirtualRows {
  /** For the scrolling element. */
  ref(element: HTMLElement | null): void;
  onScroll(event: Event): void;
  /** The rows to render: first inclusive, last exclusive. */
  first: number;
  last: number;
  /** Rows that fit the scrolling element's height. */
  perPage: number;
  /** Scrolls just enough for the row to be in view. */
  reveal(index: number): void;
}

export function useVirtualRows(count: number, rowHeight: number, overscan = 4): VirtualRows {
  const scrollTop = useSignal(0);
  const height = useSignal(0);
  const element = useRef<HTMLElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);

  const ref = useCallback((target: HTMLElement | null) => {
    observer.current?.disconnect();
    element.current = target;
    if (!target) return;
    observer.current = new ResizeObserver(() => {
      height.value = target.clientHeight;
      scrollTop.value = target.scrollTop;
    });
    observer.current.observe(target);
  }, []);
  const onScroll = useCallback((event: Event) => (scrollTop.value = (event.currentTarget as HTMLElement).scrollTop), []);

  function reveal(index: number) {
    const target = element.current;
    if (!target) return;
    const top = index * rowHeight;
    if (top < target.scrollTop) target.scrollTop = top;
    else if (top + rowHeight > target.scrollTop + target.clientHeight) target.scrollTop = top + rowHeight - target.clientHeight;
    scrollTop.value = target.scrollTop;
  }

  return {
    ref,
    onScroll,
    first: Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan),
    last: Math.min(count, Math.ceil((scrollTop.value + height.value) / rowHeight) + overscan),
    perPage: Math.max(1, Math.floor(height.value / rowHeight)),
    reveal,
  };
}
