// How long a link has left, as a colored pill: calm while active, amber when expiring soon, grey once dead.
import type { ExpiryStatus } from '../../../../shared/domain';
import { Icon } from '../../components/icon';
import { formatExpiry } from '../../format/expiry';
import { useT } from '../../i18n/i18n-context';

export function ExpiryBadge({ status, msLeft }: { status: ExpiryStatus; msLeft: number }) {
  const t = useT();
  return (
    <span className={`pill expiry expiry-${status}`} data-testid="expiry">
      <Icon name="clock" size={12} />
      {formatExpiry(msLeft, t)}
    </span>
  );
}
