import type { ReactNode } from 'react';
import { Code2 } from 'lucide-react';
import { ServiceBanner } from '@/components/ui/ServiceBanner';
import styles from './auth.module.css';

export function AuthScreen({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <div className={styles.screen}>
      <ServiceBanner />
      <main className={styles.center} id="main">
        <div className={styles.panel}>
          <div className={styles.brand} aria-hidden="true">
            <Code2 size={32} /> CodeCrafts
          </div>
          <div className="card stack">
            <div>
              <h1 className={styles.title}>{title}</h1>
              <p className={`muted ${styles.title}`}>{subtitle}</p>
            </div>
            {children}
          </div>
          <p className={styles.switch}>{footer}</p>
        </div>
      </main>
    </div>
  );
}
