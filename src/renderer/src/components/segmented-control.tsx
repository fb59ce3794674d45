// One choice out of a few, as a row of buttons: a radiogroup with arrow-key movement (roving tabindex).
import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface SegmentOption<V extends string> {
  value: V;
  label: ReactNode;
  /** Needed when the label is not plain text (an icon, a count badge). */
  ariaLabel?: string;
}

export interface SegmentedControlProps<V extends string> {
  label: string;
  value: V;
  options: readonly SegmentOption<V>[];
  onChange: (value: V) => void;
  variant?: 'segmented' | 'chips';
  disabled?: boolean;
  id?: string;
}

export function SegmentedControl<V extends string>({
  label,
  value,
  options,
  onChange,
  variant = 'segmented',
  disabled,
  id,
}: SegmentedControlProps<V>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );

  const move = (event: KeyboardEvent) => {
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    let next = step === 0 ? -1 : (current + step + options.length) % options.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = options.length - 1;
    const option = options[next];
    if (next === -1 || !option) return;
    event.preventDefault();
    onChange(option.value);
    refs.current[next]?.focus();
  };

  return (
    <div
      role="radiogroup"
      aria-label={label}
      className={`segmented segmented-${variant}`}
      onKeyDown={move}
      id={id}
    >
      {options.map((option, i) => {
        const checked = option.value === value;
        return (
          <button
            key={option.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={option.ariaLabel}
            tabIndex={checked ? 0 : -1}
            className={checked ? 'segment segment-checked' : 'segment'}
            disabled={disabled}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
