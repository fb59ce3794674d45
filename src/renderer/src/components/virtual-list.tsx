// A keyboard-friendly virtualized list over a PagedList: only the rows in view exist in the DOM (so
// 100,000 entries scroll like 100), pages load as they come into view, and arrow keys move a roving focus.
// The whole list is one Tab stop: only the active row, and the controls inside it, are in the Tab order.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { PagedList } from '../hooks/use-paged-list';

export interface VirtualListController {
  /** Scrolls a row into view, makes it the focused row, and optionally moves keyboard focus to it. */
  reveal: (index: number, focus: boolean) => void;
}

export interface RowState {
  /** True while the list moves and this row is not the active one: a row may then skip its heaviest
   * parts (action buttons), which keeps fast scrolling at full frame rate. */
  scrolling: boolean;
  /** The row holding the list's Tab stop. Its controls may be tabbable (tabIndex 0); every other row's
   * must use tabIndex -1, or Tab would wander through all their buttons and never reach a row. */
  active: boolean;
}

export interface VirtualListProps<T> {
  list: PagedList<T>;
  label: string;
  rowHeight: number;
  renderRow: (item: T | undefined, index: number, state: RowState) => ReactNode;
  rowLabel: (item: T | undefined, index: number) => string;
  rowClassName?: (item: T | undefined, index: number) => string;
  /** Enter on a focused row. */
  onActivate?: (item: T, index: number) => void;
  /** Delete (or Backspace) on a focused row. */
  onDelete?: (item: T, index: number) => void;
  empty: ReactNode;
  controllerRef?: Ref<VirtualListController>;
  testId?: string;
}

/** Rows fetched beyond the visible ones, so a steady scroll rarely meets a placeholder. */
const PREFETCH_ROWS = 40;

export function VirtualList<T>({
  list,
  label,
  rowHeight,
  renderRow,
  rowLabel,
  rowClassName,
  onActivate,
  onDelete,
  empty,
  controllerRef,
  testId,
}: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const focusPending = useRef(false);
  const count = list.total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;

  const { ensureRange, version } = list;
  useEffect(() => {
    ensureRange(Math.max(0, first - PREFETCH_ROWS / 2), last + PREFETCH_ROWS);
  }, [first, last, ensureRange, version]);

  // Keep the roving focus on a row that exists after the list shrinks.
  useEffect(() => {
    if (count > 0 && activeIndex >= count) setActiveIndex(count - 1);
  }, [count, activeIndex]);

  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number, focus: boolean) => {
    if (count === 0) return;
    const clamped = Math.max(0, Math.min(count - 1, index));
    setActiveIndex(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    focusPending.current = focus;
  };

  useImperativeHandle(controllerRef, () => ({
    reveal: (index, focus) => {
      setActiveIndex(index);
      virtualizer.scrollToIndex(index, { align: 'center' });
      focusPending.current = focus;
    },
  }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const onRow = target.dataset['index'] !== undefined;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next !== undefined && (onRow || event.key.startsWith('Arrow'))) {
      event.preventDefault();
      moveTo(next, true);
      return;
    }
    if (!onRow) return;
    const item = list.itemAt(activeIndex);
    if (!item) return;
    if (event.key === 'Enter' && onActivate) {
      event.preventDefault();
      onActivate(item, activeIndex);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && onDelete) {
      event.preventDefault();
      onDelete(item, activeIndex);
    }
  };

  if (list.total === 0) return <>{empty}</>;

  const activeRendered = rows.some((r) => r.index === activeIndex);
  const scrolling = virtualizer.isScrolling;

  return (
    <div
      ref={scrollRef}
      className="vlist"
      // When the focused row has scrolled out of the DOM, the list itself takes Tab and hands focus back to it.
      tabIndex={activeRendered ? -1 : 0}
      onFocus={(event) => {
        if (event.target === scrollRef.current && !activeRendered) moveTo(activeIndex, true);
      }}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div
        role="list"
        aria-label={label}
        aria-busy={list.total === null}
        className="vlist-inner"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const item = list.itemAt(row.index);
          const extra = rowClassName?.(item, row.index) ?? '';
          return (
            <div
              key={row.key}
              role="listitem"
              aria-posinset={row.index + 1}
              aria-setsize={count}
              aria-label={rowLabel(item, row.index)}
              aria-busy={item === undefined || undefined}
              data-index={row.index}
              tabIndex={row.index === activeIndex ? 0 : -1}
              className={`vlist-row${item === undefined ? ' vlist-row-loading' : ''}${extra ? ` ${extra}` : ''}`}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              // The row moves only when it is chosen: focused itself (arrows, Tab, a click on its body) or
              // pressed with the pointer. Focus merely passing through a control inside it does not count.
              onFocus={(event) => {
                if (event.target === event.currentTarget) setActiveIndex(row.index);
              }}
              onPointerDown={() => setActiveIndex(row.index)}
            >
              {renderRow(item, row.index, {
                scrolling: scrolling && row.index !== activeIndex,
                active: row.index === activeIndex,
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
