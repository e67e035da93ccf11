import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Bot, History, Search, Swords } from 'lucide-react';
import type { ProgrammingLanguage } from '@/api/types';
import { messageFor } from '@/lib/problems';
import { useCreateDuel } from './api';
import { BOT_LEVELS } from './perspective';
import styles from './duels.module.css';

const LANGUAGES: ReadonlyArray<{ value: ProgrammingLanguage; label: string }> = [
  { value: 'Python', label: 'Python' },
  { value: 'Cpp', label: 'C++' },
];

function Select<T extends string | number>(props: { label: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (v: T) => void }) {
  return (
    <label className="field">
      <span style={{ fontWeight: 600 }}>{props.label}</span>
      <select
        className={styles.select}
        value={props.value}
        onChange={(e) => props.onChange((typeof props.value === 'number' ? Number(e.target.value) : e.target.value) as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const COUNTS = [3, 5, 7, 10].map((n) => ({ value: n, label: `${n} questions` }));

/** Play a bot, join matchmaking, or send the challenge picked on a leaderboard. */
export default function DuelLobbyPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const create = useCreateDuel();
  const [language, setLanguage] = useState<ProgrammingLanguage>('Python');
  const [botLevel, setBotLevel] = useState(2);
  const [questionCount, setQuestionCount] = useState(5);
  const challengeId = params.get('challenge');
  const challengeName = params.get('name') ?? 'this learner';

  const start = (opponent: string, extra: { botLevel?: number } = {}) =>
    create.mutate({ opponent, language, questionCount, ...extra }, { onSuccess: (duel) => navigate(`/duels/${duel.id}`) });

  return (
    <div className="page stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>Duels</h1>
        <Link to="/duels/history" className="btn btn-ghost">
          <History size={18} aria-hidden="true" /> Duel history
        </Link>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Answer the same questions as your opponent, against the clock. More right answers wins; on a tie, the faster side.
      </p>

      <div className="card row" style={{ gap: 'var(--space-4)' }}>
        <Select label="Language" value={language} options={LANGUAGES} onChange={setLanguage} />
        <Select label="Length" value={questionCount} options={COUNTS} onChange={setQuestionCount} />
      </div>

      {create.error ? (
        <p className="alert" role="alert">
          {messageFor(create.error)}
        </p>
      ) : null}

      {challengeId && (
        <section className="card stack" aria-labelledby="challenge-heading">
          <h2 id="challenge-heading">
            <Swords size={20} aria-hidden="true" /> Challenge {challengeName}
          </h2>
          <p className="muted" style={{ margin: 0 }}>
            They get your challenge live and have 10 minutes to accept.
          </p>
          <div className="row">
            <button type="button" className="btn btn-primary" disabled={create.isPending} onClick={() => start(challengeId)}>
              Send challenge
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setParams({})}>
              Not now
            </button>
          </div>
        </section>
      )}

      <div className={styles.grid}>
        <section className="card stack" aria-labelledby="bot-heading">
          <h2 id="bot-heading">
            <Bot size={20} aria-hidden="true" /> Play a bot
          </h2>
          <p className="muted" style={{ margin: 0 }}>
            Starts at once. Bots are rated opponents that never tire.
          </p>
          <Select label="Bot strength" value={botLevel} options={BOT_LEVELS.map((b) => ({ value: b.level, label: b.label }))} onChange={setBotLevel} />
          <button type="button" className="btn btn-primary" disabled={create.isPending} onClick={() => start('bot', { botLevel })}>
            Play bot
          </button>
        </section>

        <section className="card stack" aria-labelledby="match-heading">
          <h2 id="match-heading">
            <Search size={20} aria-hidden="true" /> Find an opponent
          </h2>
          <p className="muted" style={{ margin: 0 }}>
            We pair you with a learner near your rating; after 30 seconds alone, a bot at your level steps in.
          </p>
          <button type="button" className="btn btn-secondary" disabled={create.isPending} onClick={() => start('matchmaking')}>
            Find an opponent
          </button>
          <p className="muted" style={{ margin: 0 }}>
            Or open <Link to="/leaderboards">the leaderboards</Link> and challenge someone from there.
          </p>
        </section>
      </div>
    </div>
  );
}
