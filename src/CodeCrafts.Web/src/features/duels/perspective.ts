import type { DuelResult, DuelView } from '@/api/types';

/** A duel seen from the learner's side: which player they are, and the other. */
export function perspective(duel: DuelView, myId: string | undefined) {
  const iAmChallenger = duel.challenger.userId === myId;
  return {
    iAmChallenger,
    me: iAmChallenger ? duel.challenger : duel.opponent,
    them: iAmChallenger ? duel.opponent : duel.challenger,
  };
}

export type Outcome = 'won' | 'lost' | 'draw';

export function outcomeFor(result: DuelResult, iAmChallenger: boolean): Outcome {
  if (result.outcome === 'Draw') return 'draw';
  return (result.outcome === 'ChallengerWon') === iAmChallenger ? 'won' : 'lost';
}

export function sidesFor(result: DuelResult, iAmChallenger: boolean) {
  return iAmChallenger ? { mine: result.challenger, theirs: result.opponent } : { mine: result.opponent, theirs: result.challenger };
}

export function signed(value: number): string {
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : `${rounded}`;
}

export const OUTCOME_TEXT: Record<Outcome, string> = { won: 'You won!', lost: 'You lost', draw: 'It’s a draw' };

export const BOT_LEVELS = [
  { level: 1, label: 'Beginner (1000)' },
  { level: 2, label: 'Casual (1200)' },
  { level: 3, label: 'Intermediate (1400)' },
  { level: 4, label: 'Strong (1600)' },
  { level: 5, label: 'Expert (1800)' },
] as const;
