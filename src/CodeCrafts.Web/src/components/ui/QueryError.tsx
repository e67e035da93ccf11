import { messageFor } from '@/lib/problems';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** An inline error for a part of a screen that failed to load (outages also show the global banner). */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  return (
    <div className="alert row" role="alert">
      <span>{messageFor(error)}</span>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
