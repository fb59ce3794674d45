// A progress bar screen readers can read: role=progressbar with aria-valuenow, and an indeterminate
// shimmer for "processing" (all bytes sent, waiting for the server's answer).
export interface ProgressBarProps {
  /** 0–100. */
  value: number;
  label: string;
  /** Spoken instead of the bare number, e.g. "Processing…". */
  valueText?: string;
  indeterminate?: boolean;
  tone?: 'accent' | 'success' | 'warning' | 'danger' | 'muted';
  size?: 'thin' | 'regular';
}

export function ProgressBar({
  value,
  label,
  valueText,
  indeterminate,
  tone = 'accent',
  size = 'thin',
}: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div
      className={`progress progress-${tone} progress-${size}${indeterminate ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped)}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" style={{ width: indeterminate ? undefined : `${clamped}%` }} />
    </div>
  );
}
