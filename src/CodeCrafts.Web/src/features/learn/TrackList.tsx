import { Link } from 'react-router';
import { Check } from 'lucide-react';
import type { LessonSummary } from '@/api/types';
import { languageName } from '@/lib/format';
import styles from './learn.module.css';

export function lessonState(lesson: LessonSummary): { label: string; kind: 'new' | 'active' | 'done' } {
  if (lesson.progress.completed) return { label: 'Completed', kind: 'done' };
  if (lesson.progress.attempts > 0) return { label: `In progress · ${lesson.progress.score}%`, kind: 'active' };
  return { label: 'New', kind: 'new' };
}

/** One language's lessons, in order, each with where the learner stands. */
export function TrackList({ language, lessons }: { language: string; lessons: LessonSummary[] }) {
  const name = languageName(language);
  const done = lessons.filter((l) => l.progress.completed).length;
  return (
    <section className={styles.track} aria-labelledby={`track-${language}`}>
      <div className={styles.trackHead}>
        <h2 id={`track-${language}`}>{name}</h2>
        <span className="muted">
          {done} of {lessons.length} completed
        </span>
      </div>
      <ol className={styles.lessons} aria-label={`${name} lessons`}>
        {lessons.map((lesson) => {
          const state = lessonState(lesson);
          return (
            <li key={lesson.id} className={styles.lesson}>
              <span
                className={`${styles.badge} ${state.kind === 'done' ? styles.badgeDone : state.kind === 'active' ? styles.badgeActive : ''}`}
                aria-hidden="true"
              >
                {state.kind === 'done' ? <Check /> : lesson.order}
              </span>
              <div className={styles.lessonBody}>
                <Link to={`/lessons/${lesson.id}`} className={styles.lessonLink}>
                  {lesson.title}
                </Link>
                <p className={styles.summary}>{lesson.summary}</p>
              </div>
              <span className={`${styles.state} ${state.kind === 'done' ? styles.stateDone : state.kind === 'active' ? styles.stateActive : ''}`}>
                {state.label}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
