// A button that shows only an icon. Its name for screen readers is `label`, which usually names the item
// it acts on ("Delete photo.png"); `title` is the short hover text.
import type { ButtonHTMLAttributes } from 'react';
import { Icon } from './icon';
import type { IconName } from './icon';

export interface IconButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'children' | 'aria-label'
> {
  icon: IconName;
  label: string;
  /** Classes added after "icon-button", e.g. "icon-button-danger". */
  className?: string;
}

export function IconButton({ icon, label, className, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      {...rest}
    >
      <Icon name={icon} size={16} />
    </button>
  );
}
