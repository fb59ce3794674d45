// Why a field's value was refused, under the field; announced as soon as it appears. Renders nothing
// while there is no message.
import type { ReactNode } from 'react';
import { Icon } from './icon';

export interface FieldErrorProps {
  message: ReactNode;
  /** For the field's aria-describedby. */
  id?: string;
  /** Classes added after "field-error". */
  className?: string;
}

export function FieldError({ message, id, className }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className={className ? `field-error ${className}` : 'field-error'} role="alert">
      <Icon name="alert" size={14} />
      {message}
    </p>
  );
}
