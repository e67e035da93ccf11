import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AttemptResult, LessonDetail } from '@/api/types';
import { PlayerFrame } from '@/components/player/PlayerFrame';
import { QuestionTurn, type TurnContext } from '@/components/player/QuestionTurn';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { afterAnswerKeys, queryKeys, useMyStats } from '@/lib/me';
import { LessonSummary, type LessonOutcome } from './LessonSummary';

export default function LessonPlayerPage() {
  const { lessonId = '' } = useParams();
  const lesson = useQuery({
    queryKey: queryKeys.lesson(lessonId),
    queryFn: () => data(api.GET('/api/lessons/{id}', { params: { path: { id: lessonId } } })),
  });

  if (lesson.data) return <LessonRun key={lesson.data.id} lesson={lesson.data} />;
  return (
    <PlayerFrame quitTo="/" quitLabel="Quit lesson" progress={{ value: 0, max: 1, label: 'Lesson progress' }}>
      {lesson.error ? (
        <div className="stack">
          <QueryError error={lesson.error} onRetry={() => void lesson.refetch()} />
          <Link to="/">Back to Learn</Link>
        </div>
      ) : (
        <LoadingRegion label="Loading lesson">
          <Skeleton height={32} width="50%" />
          <Skeleton height={96} />
          <Skeleton height={56} count={4} />
        </LoadingRegion>
      )}
    </PlayerFrame>
  );
}

/**
 * Plays a lesson: one question per screen. A question answered wrong comes back at the end of the queue, so the
 * lesson ends with every question answered correctly once (what the Api counts as completed).
 */
function LessonRun({ lesson }: { lesson: LessonDetail }) {
  const queryClient = useQueryClient();
  const stats = useMyStats();
  const [queue, setQueue] = useState(() => lesson.questions.map((_, index) => index));
  const [turn, setTurn] = useState(0);
  const answeredOnce = useRef(new Set<string>());
  const tally = useRef({ firstTryCorrect: 0, xp: 0 });
  const last = useRef<AttemptResult | null>(null);
  const startedAt = useRef(Date.now());
  const [outcome, setOutcome] = useState<LessonOutcome | null>(null);

  const total = lesson.questions.length;
  const done = total - queue.length;
  const frame = {
    quitTo: '/',
    quitLabel: 'Quit lesson',
    progress: { value: done, max: total, label: 'Lesson progress' },
    counter: `${Math.min(done + 1, total)} / ${total}`,
  };

  if (total === 0) {
    return (
      <PlayerFrame {...frame}>
        <EmptyState title="This lesson has no questions yet" action={<Link to="/">Back to Learn</Link>} />
      </PlayerFrame>
    );
  }
  if (outcome) {
    return (
      <PlayerFrame {...frame} progress={{ value: total, max: total, label: 'Lesson progress' }} counter={undefined}>
        <LessonSummary outcome={outcome} />
      </PlayerFrame>
    );
  }

  const question = lesson.questions[queue[0]!]!;
  const context: TurnContext = {
    streakBefore: last.current?.currentStreak ?? stats.data?.currentStreak ?? null,
    goalReachedBefore: last.current?.dailyGoalReached ?? stats.data?.dailyGoalReached ?? null,
  };

  const onAnswered = (result: AttemptResult) => {
    if (!answeredOnce.current.has(question.id)) {
      answeredOnce.current.add(question.id);
      if (result.correct) tally.current.firstTryCorrect += 1;
    }
    tally.current.xp += result.xpGained;
    // Marked stale, refetched when next shown: the lesson itself needs nothing more from the server.
    for (const key of afterAnswerKeys) void queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });
  };

  const onContinue = (result: AttemptResult) => {
    last.current = result;
    const [head, ...rest] = queue;
    const next = result.correct ? rest : [...rest, head!];
    if (next.length === 0) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.stats });
      setOutcome({
        title: lesson.title,
        questionCount: total,
        firstTryCorrect: tally.current.firstTryCorrect,
        xpGained: tally.current.xp,
        seconds: Math.round((Date.now() - startedAt.current) / 1000),
        streak: result.currentStreak,
        completed: result.lessonProgress.completed,
      });
    }
    setQueue(next);
    setTurn((t) => t + 1);
  };

  return (
    <QuestionTurn
      key={turn}
      question={question}
      language={lesson.language}
      frame={frame}
      context={context}
      onAnswered={onAnswered}
      onContinue={onContinue}
    />
  );
}
