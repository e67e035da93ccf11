import styles from './ui.module.css';

interface SkeletonProps {
  height?: number | string;
  width?: number | string;
  count?: number;
}

/** Grey placeholders in the shape of what is loading; hidden from screen readers, which hear the busy region. */
export function Skeleton({ height = 20, width = '100%', count = 1 }: SkeletonProps) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className={styles.skeleton} style={{ height, width }} aria-hidden="true" />
      ))}
    </>
  );
}

export function LoadingRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="stack">
      {children}
    </div>
  );
}
