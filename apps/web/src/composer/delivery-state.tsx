import type { Delivery } from '../api/types';
import { formatTime } from '../i18n/format';
import { t } from '../i18n/index';

function label(delivery: Delivery): string {
  switch (delivery.state) {
    case 'queued':
      return delivery.attempts > 0 ? t('delivery.retrying', { attempts: delivery.attempts }) : t('delivery.queued');
    case 'sending':
      return t('delivery.sending');
    case 'sent':
      return delivery.sentAt ? t('delivery.sentAt', { time: formatTime(delivery.sentAt) }) : t('delivery.sent');
    case 'failed':
      return t('delivery.failed', { attempts: delivery.attempts });
    default:
      return t('ticket.delivery', { state: delivery.state });
  }
}

/**
 * Where a mail we send is: queued → sending → sent, or failed — failed in the warning style with
 * the server's last answer as text (also a retry's, and recipients refused once sent).
 */
export function DeliveryState({ delivery }: { delivery: Delivery }) {
  const failed = delivery.state === 'failed';
  return (
    <span className={`delivery delivery-${delivery.state}`}>
      <span className={failed ? 'badge delivery-failed' : 'badge quiet'}>{label(delivery)}</span>
      {delivery.lastError && (
        <span className={failed ? 'delivery-error warning' : 'delivery-error hint'} dir="auto">
          {t('delivery.lastError', { error: delivery.lastError })}
        </span>
      )}
    </span>
  );
}
