// A full-width message under the header: info, warning or error, optionally with an action and a close button.
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { Icon } from './icon';
import { IconButton } from './icon-button';

export interface BannerProps {
  level: 'info' | 'warning' | 'error';
  children: ReactNode;
  action?: { label: string; onClick: () => void };
  onDismiss?: () => void;
  testId?: string;
}

export function Banner({ level, children, action, onDismiss, testId }: BannerProps) {
  const t = useT();
  return (
    <div
      className={`banner banner-${level}`}
      role={level === 'error' ? 'alert' : 'note'}
      data-testid={testId}
    >
      <Icon name={level === 'info' ? 'info' : 'alert'} className="banner-icon" />
      <div className="banner-text">{children}</div>
      {action ? (
        <button type="button" className="button button-small banner-action" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
      {onDismiss ? (
        <IconButton
          icon="close"
          label={t('common.dismiss')}
          title={t('common.dismiss')}
          onClick={onDismiss}
        />
      ) : null}
    </div>
  );
}
