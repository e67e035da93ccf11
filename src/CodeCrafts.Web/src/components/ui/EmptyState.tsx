import type { ReactNode } from 'react';
import styles from './ui.module.css';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <div className={styles.empty}>
      {icon && <span className={styles.emptyIcon}>{icon}</span>}
      <h2>{title}</h2>
      {children && <div className="muted">{children}</div>}
      {action}
    </div>
  );
}
