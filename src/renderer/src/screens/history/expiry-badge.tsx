// How long a link has left, as a colored pill: calm while active, amber when expiring soon, grey once dead.
// A link its host said is gone says so instead of a countdown it will never reach.
import type { ExpiryStatus } from '../../../../shared/domain';
import { Icon } from '../../components/icon';
import { formatExpiry } from '../../format/expiry';
import { useT } from '../../i18n/i18n-context';

export function ExpiryBadge({
  status,
  msLeft,
  gone,
}: {
  status: ExpiryStatus;
  msLeft: number;
  gone?: boolean;
}) {
  const t = useT();
  return (
    <span className={`pill expiry expiry-${status}`} data-testid="expiry" data-gone={gone || undefined}>
      <Icon name={gone ? 'alert' : 'clock'} size={12} />
      {gone ? t('health.goneBadge') : formatExpiry(msLeft, t)}
    </span>
  );
}
