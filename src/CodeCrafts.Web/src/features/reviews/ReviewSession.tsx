import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AttemptResult, DueReview } from '@/api/types';
import { PlayerFrame } from '@/components/player/PlayerFrame';
import { QuestionTurn } from '@/components/player/QuestionTurn';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { afterAnswerKeys, queryKeys, useMyStats } from '@/lib/me';
import { useDueReviews } from './use-due-reviews';

const QUIT = { quitTo: '/reviews', quitLabel: 'End review' };

/** A review session over the due queue as it stood when the session began, answered with the lesson widgets. */
export function ReviewSession() {
  const due = useDueReviews({ freshOnMount: true });
  const [items, setItems] = useState<DueReview[] | null>(null);
  // Fresh from the server, not the cached list: answers since then moved items out of the queue. The hook refetches
  // on mount even while the cache is fresh, so this fetch always happens.
  if (items === null && due.data && due.isFetchedAfterMount) setItems(due.data.due.items);

  if (items) return <ReviewRun items={items} />;
  return (
    <PlayerFrame {...QUIT} progress={{ value: 0, max: 1, label: 'Review progress' }}>
      {due.error ? (
        <QueryError error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <LoadingRegion label="Loading reviews">
          <Skeleton height={96} />
        </LoadingRegion>
      )}
    </PlayerFrame>
  );
}

function ReviewRun({ items }: { items: DueReview[] }) {
  const queryClient = useQueryClient();
  const stats = useMyStats();
  const [index, setIndex] = useState(0);
  const correct = useRef(0);
  const last = useRef<AttemptResult | null>(null);
  const item = items[index];
  const lesson = useQuery({
    queryKey: queryKeys.lesson(item?.lessonId ?? ''),
    queryFn: () => data(api.GET('/api/lessons/{id}', { params: { path: { id: item!.lessonId } } })),
    enabled: Boolean(item),
  });
  const frame = {
    ...QUIT,
    progress: { value: index, max: Math.max(items.length, 1), label: 'Review progress' },
    counter: item ? `${index + 1} / ${items.length}` : undefined,
  };

  if (!item) {
    return (
      <PlayerFrame {...frame}>
        <EmptyState
          title={items.length === 0 ? 'All caught up!' : 'Review complete!'}
          action={
            <Link to="/reviews" className="btn btn-primary">
              Back to reviews
            </Link>
          }
        >
          {items.length > 0 && `You remembered ${correct.current} of ${items.length}.`}
        </EmptyState>
      </PlayerFrame>
    );
  }

  const question = lesson.data?.questions.find((q) => q.id === item.questionId);
  if (!lesson.data || !question) {
    return (
      <PlayerFrame {...frame}>
        {lesson.error ? (
          <QueryError error={lesson.error} onRetry={() => void lesson.refetch()} />
        ) : lesson.data ? (
          // Retired since it was scheduled: nothing to ask.
          <EmptyState title="This question was retired" action={<button type="button" className="btn btn-primary" onClick={() => setIndex(index + 1)}>Skip</button>} />
        ) : (
          <LoadingRegion label="Loading question">
            <Skeleton height={96} />
          </LoadingRegion>
        )}
      </PlayerFrame>
    );
  }

  return (
    <QuestionTurn
      key={item.questionId}
      question={question}
      language={lesson.data.language}
      frame={frame}
      context={{
        streakBefore: last.current?.currentStreak ?? stats.data?.currentStreak ?? null,
        goalReachedBefore: last.current?.dailyGoalReached ?? stats.data?.dailyGoalReached ?? null,
      }}
      onAnswered={(result) => {
        if (result.correct) correct.current += 1;
        for (const key of afterAnswerKeys) void queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });
      }}
      onContinue={(result) => {
        last.current = result;
        setIndex(index + 1);
      }}
    />
  );
}
