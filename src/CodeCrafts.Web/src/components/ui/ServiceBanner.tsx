import { useEffect, useState } from 'react';
import { CloudOff } from 'lucide-react';
import { retryNow, useOutage } from '@/lib/service-status';
import styles from './ui.module.css';

/** The one place an outage shows: what happened, and a retry that waits as long as the server asked. */
export function ServiceBanner() {
  const outage = useOutage();
  const [, tick] = useState(0);
  const waitSeconds = outage ? Math.max(0, Math.ceil((outage.retryAt - Date.now()) / 1000)) : 0;

  // Re-render each quarter second while the server asked us to wait, so the countdown moves and the button wakes up.
  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(timer);
  }, [waitSeconds > 0, outage]);

  if (!outage) return null;
  return (
    <div className={styles.banner} role="alert">
      <CloudOff aria-hidden="true" size={20} />
      <span>{outage.message}</span>
      <button type="button" className="btn btn-secondary" onClick={retryNow} disabled={waitSeconds > 0}>
        {waitSeconds > 0 ? `Try again in ${waitSeconds} s` : 'Try again'}
      </button>
    </div>
  );
}
