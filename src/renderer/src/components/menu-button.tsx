// A button that opens a small menu (role=menu) of actions. The menu is drawn in a portal with fixed
// position, so a row near the bottom of a scrolling list does not clip it; arrows move, Escape closes.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
  hint?: string;
}

export interface MenuButtonProps {
  /** The button's accessible name. */
  label: string;
  items: readonly MenuItem[];
  children: ReactNode;
  className?: string;
  align?: 'start' | 'end';
  title?: string;
  /** -1 keeps the button out of the Tab order (a list row that is not the active one). */
  tabIndex?: number;
}

const MENU_GAP = 4;

export function MenuButton({
  label,
  items,
  children,
  className = 'button',
  align = 'end',
  title,
  tabIndex,
}: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const close = (refocus: boolean) => {
    setOpen(false);
    setPosition(null);
    if (refocus) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !buttonRef.current || !menuRef.current) return;
    const anchor = buttonRef.current.getBoundingClientRect();
    const menu = menuRef.current.getBoundingClientRect();
    // Opens upward when there is no room below (the last rows of a list).
    const below = anchor.bottom + MENU_GAP + menu.height <= window.innerHeight;
    const top = below ? anchor.bottom + MENU_GAP : Math.max(MENU_GAP, anchor.top - MENU_GAP - menu.height);
    const rawLeft = align === 'end' ? anchor.right - menu.width : anchor.left;
    const left = Math.min(Math.max(MENU_GAP, rawLeft), window.innerWidth - menu.width - MENU_GAP);
    setPosition({ top, left });
    menuRef.current.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    const onScroll = () => close(false);
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('resize', onScroll);
    document.addEventListener('scroll', onScroll, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('resize', onScroll);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, [open]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (at + 1) % entries.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + entries.length) % entries.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = entries.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next >= 0) {
      event.preventDefault();
      entries[next]?.focus();
    }
    // Keys handled here must not reach a list's own keyboard handling underneath.
    event.stopPropagation();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-label={label}
        title={title ?? label}
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open
        ? createPortal(
            <div
              ref={menuRef}
              id={menuId}
              role="menu"
              aria-label={label}
              className="menu"
              style={position ? { top: position.top, left: position.left } : { top: -9999, left: -9999 }}
              onKeyDown={onMenuKey}
            >
              {items.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                  onClick={() => {
                    close(true);
                    item.onSelect();
                  }}
                >
                  <span>{item.label}</span>
                  {item.hint ? <span className="menu-hint">{item.hint}</span> : null}
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
