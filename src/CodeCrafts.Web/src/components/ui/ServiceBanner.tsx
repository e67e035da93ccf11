import { useEffect, useState } from 'react';
import { CloudOff } from 'lucide-react';
import { retryNow, useOutage } from '@/lib/service-status';
import styles from './ui.module.css';

/** The one place an outage shows: what happened, and a retry that waits as long as the server asked. */
export function ServiceBanner() {
  const outage = useOutage();
  const [now, setNow] = useState(() => Date.now());
  const waitSeconds = outage ? Math.ceil((outage.retryAt - now) / 1000) : 0;

  useEffect(() => {
    if (!outage || outage.retryAt <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [outage]);

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
