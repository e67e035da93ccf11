import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DuelAnswerResult, DuelView } from '@/api/types';
import { QuestionStage } from '@/components/question/QuestionStage';
import { emptyDraft, submissionFor, type AnswerDraft } from '@/components/question/answer-draft';
import { useAnswerKeys } from '@/components/question/useAnswerKeys';
import { api, data } from '@/lib/api';
import { useHubEvents, useJoinDuel } from '@/lib/duel-hub';
import { clock } from '@/lib/format';
import { ApiError, messageFor } from '@/lib/problems';
import { useSession } from '@/lib/use-session';
import { duelKey } from './api';
import { DuelScoreboard } from './DuelScoreboard';
import { perspective } from './perspective';
import styles from './duels.module.css';

/** The live duel: a clock, one question at a time, and the opponent's progress as it happens. */
export function LiveDuel({ duel }: { duel: DuelView }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { them } = perspective(duel, user?.id);
  const [marks, setMarks] = useState<Record<number, boolean>>({});
  const [drafts, setDrafts] = useState<Record<number, AnswerDraft>>({});
  const [now, setNow] = useState(Date.now());

  const refresh = () => void queryClient.invalidateQueries({ queryKey: duelKey(duel.id) });
  useJoinDuel(duel.id, true);
  useHubEvents({
    PlayerAnswered: (e) => e.duelId === duel.id && refresh(),
    BotAnswered: (e) => e.duelId === duel.id && refresh(),
    DuelFinished: (e) => {
      if (e.duelId !== duel.id) return;
      queryClient.setQueryData<DuelView>(duelKey(duel.id), (old) => (old ? { ...old, status: 'Finished', result: e.result } : old));
      navigate(`/duels/${duel.id}/result`, { replace: true });
    },
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const answer = useMutation({
    mutationFn: (body: { position: number; answer: NonNullable<ReturnType<typeof submissionFor>> }) =>
      data(api.POST('/api/duels/{id}/answers', { params: { path: { id: duel.id } }, body })) as Promise<DuelAnswerResult>,
    onSuccess: (result) => {
      setMarks((m) => ({ ...m, [result.position]: result.isCorrect }));
      if (result.duelStatus === 'Finished') navigate(`/duels/${duel.id}/result`, { replace: true });
      refresh();
    },
    onError: (error) => {
      // Already answered, or the clock ran out: the server's view wins.
      if (error instanceof ApiError && error.status === 409) refresh();
    },
  });

  const isAnswered = (position: number) => marks[position] !== undefined || duel.questions.find((q) => q.position === position)?.yours;
  const current = duel.questions.find((q) => !isAnswered(q.position));
  const draft = current ? (drafts[current.position] ?? emptyDraft(current)) : null;
  const submission = current && draft ? submissionFor(current.type, draft) : null;
  const submit = () => {
    if (current && submission && !answer.isPending) answer.mutate({ position: current.position, answer: submission });
  };
  useAnswerKeys({ onEnter: submit });

  const secondsLeft = duel.deadline ? (Date.parse(duel.deadline) - now) / 1000 : 0;
  const myMarks = Object.fromEntries(duel.questions.map((q) => [q.position, marks[q.position] ?? q.yours?.isCorrect]));

  return (
    <div className="page stack" style={{ maxWidth: 880 }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span className="muted">{current ? `Question ${current.position} of ${duel.questionCount}` : 'All answered'}</span>
        <span className={`${styles.timer} ${secondsLeft < 15 ? styles.timerLow : ''}`} role="timer" aria-label="Time left">
          {clock(secondsLeft)}
        </span>
      </div>
      <DuelScoreboard duel={duel} them={them} myMarks={myMarks} />
      {current && draft ? (
        <>
          <QuestionStage
            key={current.position}
            question={{ ...current, id: `${duel.id}-${current.position}` }}
            language={duel.language}
            draft={draft}
            onDraftChange={(next) => setDrafts((d) => ({ ...d, [current.position]: next }))}
            onRate={() => undefined}
            locked={answer.isPending}
          />
          {answer.error ? (
            <p className="alert" role="alert">
              {messageFor(answer.error)}
            </p>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={submit} disabled={!submission || answer.isPending}>
            {answer.isPending ? 'Sending…' : 'Submit answer'}
          </button>
        </>
      ) : (
        <div className="card" role="status">
          <h2>All your answers are in</h2>
          <p className="muted" style={{ margin: 0 }}>
            Waiting for {them?.displayName ?? 'your opponent'} to finish, or for the clock to run out.
          </p>
        </div>
      )}
    </div>
  );
}
