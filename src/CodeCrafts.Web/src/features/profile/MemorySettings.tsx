import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { MemorySettings as Memory, WeightsSource } from '@/api/types';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { fieldErrors, formLevelMessage } from '@/lib/problems';
import styles from './profile.module.css';

const memoryKey = ['me', 'memory'] as const;
const MIN = 80;
const MAX = 97;

const SOURCES: Record<WeightsSource, string> = {
  Default: 'Default weights',
  Global: 'Fitted across all learners',
  Personal: 'Fitted to your reviews',
};

/** The memory model that schedules the learner's reviews, and the recall they want reviews to aim for. */
export function MemorySettings() {
  const memory = useQuery({ queryKey: memoryKey, queryFn: () => data(api.GET('/api/users/me/memory')) });
  if (memory.error) return <QueryError error={memory.error} onRetry={() => void memory.refetch()} />;
  if (!memory.data)
    return (
      <LoadingRegion label="Loading your memory model">
        <Skeleton height={120} />
      </LoadingRegion>
    );
  return <MemoryForm memory={memory.data} />;
}

function MemoryForm({ memory }: { memory: Memory }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [percent, setPercent] = useState(Math.round(memory.desiredRetention * 100));
  const save = useMutation({
    mutationFn: () => data(api.PATCH('/api/users/me/memory', { body: { desiredRetention: percent / 100 } })),
    onSuccess: (saved) => queryClient.setQueryData(memoryKey, saved),
  });
  const error = fieldErrors(save.error).desiredRetention ?? formLevelMessage(save.error, ['desiredRetention']);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <div className="stack">
      <dl className={styles.memory} aria-label="Your memory model">
        <div>
          <dt>Weights</dt>
          <dd>{SOURCES[memory.source]}</dd>
        </div>
        <div>
          <dt>Log loss</dt>
          <dd>
            {memory.logLoss == null ? '—' : memory.logLoss.toFixed(3)}
            {memory.previousLogLoss != null && <span className="muted"> (was {memory.previousLogLoss.toFixed(3)})</span>}
          </dd>
        </div>
        <div>
          <dt>Last fit</dt>
          <dd>{memory.lastFit ? new Date(memory.lastFit).toLocaleDateString(undefined, { dateStyle: 'medium' }) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Reviews used</dt>
          <dd>{memory.reviewsUsed ?? '—'}</dd>
        </div>
      </dl>
      {memory.source !== 'Personal' && (
        <p className="muted">
          {memory.reviews >= memory.personalMinReviews
            ? 'You have enough reviews: weights of your own are fitted tonight, and kept if they predict you better.'
            : `${memory.reviews} of ${memory.personalMinReviews} reviews until weights are fitted to you.`}
        </p>
      )}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="Desired retention">
        <div className="field">
          <label htmlFor={id}>
            Desired retention: {percent} %
          </label>
          <input
            id={id}
            type="range"
            className={styles.slider}
            min={MIN}
            max={MAX}
            step={1}
            value={percent}
            onChange={(e) => setPercent(Number(e.target.value))}
            aria-valuetext={`${percent} percent`}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <span id={`${id}-hint`} className="muted" style={{ fontSize: 'var(--text-sm)' }}>
            How likely you should be to remember an item when it comes back, {MIN}–{MAX} %. Higher means more reviews.
          </span>
          {error && (
            <span id={`${id}-error`} className="field-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save retention'}
          </button>
          {save.isSuccess && !save.isPending && (
            <span role="status" className="muted">
              Retention saved: your next reviews aim for {Math.round(save.data.desiredRetention * 100)} %.
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
