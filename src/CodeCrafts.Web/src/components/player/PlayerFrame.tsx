import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { X } from 'lucide-react';
import { ProgressBar } from '../ui/ProgressBar';
import { ServiceBanner } from '../ui/ServiceBanner';
import styles from './player.module.css';

interface PlayerFrameProps {
  quitTo: string;
  quitLabel: string;
  progress: { value: number; max: number; label: string };
  counter?: string;
  footer?: ReactNode;
  children: ReactNode;
}

/** The focused, full-screen frame of a lesson or a review session: quit, progress, one question, the check bar. */
export function PlayerFrame({ quitTo, quitLabel, progress, counter, footer, children }: PlayerFrameProps) {
  return (
    <div className={styles.screen}>
      <ServiceBanner />
      <div className={styles.top}>
        <Link to={quitTo} className={styles.quit} aria-label={quitLabel}>
          <X aria-hidden="true" />
        </Link>
        <ProgressBar {...progress} />
        {counter && <span className={styles.counter}>{counter}</span>}
      </div>
      <main className={styles.stage} id="main">
        {children}
      </main>
      {footer && <div className={styles.footer}>{footer}</div>}
    </div>
  );
}

interface CheckBarProps {
  label: string;
  disabled: boolean;
  busy: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  onCheck: () => void;
}

export function CheckBar({ label, disabled, busy, hint, error, onCheck }: CheckBarProps) {
  return (
    <div className={styles.checkBar}>
      <div className={styles.checkInner}>
        <div className={styles.hint}>{error ?? hint}</div>
        <button type="button" className="btn btn-primary" onClick={onCheck} disabled={disabled || busy}>
          {busy ? 'Checking…' : label}
        </button>
      </div>
    </div>
  );
}
