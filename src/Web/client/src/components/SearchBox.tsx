import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import "./searchBox.css";

interface Props<T> {
  id: string;
  label: string;
  /** Asks the server for what matches the text typed; null when it could not answer (the list stays as it was). */
  search: (text: string) => Promise<T[] | null>;
  /** The text an item is listed as, and shown in the box once picked. */
  text: (item: T) => string;
  onPick: (item: T) => void;
  /** Shown under the box (e.g. why nothing can be suggested). */
  children?: ComponentChildren;
}

/** Waits this long after the last key before asking: one request per pause, not one per letter. */
const pauseMs = 150;

/**
 * A text box that suggests as one types and picks from a list (the ARIA combobox pattern: arrows move, Enter picks,
 * Escape closes), used where a person would otherwise type an id or a coordinate: an address, a customer.
 */
export function SearchBox<T>({ id, label, search, text, onPick, children }: Props<T>) {
  const typed = useSignal("");
  const items = useSignal<T[]>([]);
  const active = useSignal(-1);
  const picked = useSignal<string | null>(null);

  useEffect(() => {
    const q = typed.value.trim();
    if (q.length < 2 || picked.value === typed.value) { items.value = []; return; }
    let current = true; // an answer to older text must not replace the list for newer text
    const wait = setTimeout(async () => {
      const found = await search(q);
      if (!current || found === null) return;
      items.value = found;
      active.value = -1;
    }, pauseMs);
    return () => { current = false; clearTimeout(wait); };
  }, [typed.value]);

  function pick(item: T) {
    picked.value = typed.value = text(item);
    items.value = [];
    onPick(item);
  }

  function key(event: KeyboardEvent) {
    const n = items.value.length;
    if (n === 0) return;
    if (event.key === "ArrowDown") { active.value = (active.value + 1) % n; event.preventDefault(); }
    else if (event.key === "ArrowUp") { active.value = (active.value - 1 + n) % n; event.preventDefault(); }
    else if (event.key === "Enter" && active.value >= 0) { pick(items.value[active.value]!); event.preventDefault(); }
    else if (event.key === "Escape") { items.value = []; event.stopPropagation(); }
  }

  const listId = `${id}-suggestions`;
  return (
    <div class="search-box">
      <label for={id}>{label}</label>
      <input id={id} role="combobox" aria-autocomplete="list" aria-expanded={items.value.length > 0} aria-controls={listId}
        aria-activedescendant={active.value >= 0 ? `${listId}-${active.value}` : undefined} autocomplete="off"
        value={typed.value} onInput={e => { typed.value = e.currentTarget.value; picked.value = null; }} onKeyDown={key} />
      {items.value.length > 0 && (
        <ul id={listId} role="listbox" class="suggestions" aria-label={label}>
          {items.value.map((item, i) => (
            <li key={`${text(item)}-${i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active.value}
              onMouseDown={e => { e.preventDefault(); pick(item); }}>{text(item)}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
