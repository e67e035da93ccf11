import { Suspense, type ReactNode } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { BookOpen, Code2, Flame, LogOut, Repeat, Snowflake, Swords, Trophy, UserRound, Zap } from 'lucide-react';
import { ServiceBanner } from '@/components/ui/ServiceBanner';
import { Skeleton, LoadingRegion } from '@/components/ui/Skeleton';
import { signOut } from '@/lib/api';
import { useMyStats } from '@/lib/me';
import { IncomingChallengeAlerts } from '@/features/duels';
import styles from './layout.module.css';

const LINKS: ReadonlyArray<{ to: string; label: string; icon: ReactNode }> = [
  { to: '/', label: 'Learn', icon: <BookOpen size={22} aria-hidden="true" /> },
  { to: '/reviews', label: 'Reviews', icon: <Repeat size={22} aria-hidden="true" /> },
  { to: '/duels', label: 'Duels', icon: <Swords size={22} aria-hidden="true" /> },
  { to: '/leaderboards', label: 'Leaderboards', icon: <Trophy size={22} aria-hidden="true" /> },
  { to: '/profile', label: 'Profile', icon: <UserRound size={22} aria-hidden="true" /> },
];

/** The signed-in frame: header with streak and XP, navigation (bottom bar on phones, sidebar on wide screens). */
export function AppLayout() {
  const navigate = useNavigate();
  const stats = useMyStats();

  const onSignOut = async () => {
    await signOut();
    navigate('/sign-in', { replace: true });
  };

  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <ServiceBanner />
      <header className={styles.header}>
        <NavLink to="/" className={styles.brand} aria-label="CodeCrafts home">
          <Code2 aria-hidden="true" /> CodeCrafts
        </NavLink>
        <div className={styles.headerStats}>
          {stats.data && (
            <>
              <span className={`${styles.pill} ${styles.flame}`} title="Day streak">
                <Flame size={20} aria-hidden="true" />
                <span className="visually-hidden">Streak:</span> {stats.data.currentStreak}
              </span>
              {stats.data.streakFreezes.held > 0 && (
                <span className={`${styles.pill} ${styles.frozen}`} title="Streak freezes held">
                  <Snowflake size={18} aria-hidden="true" />
                  <span className="visually-hidden">Streak freezes:</span> {stats.data.streakFreezes.held}
                </span>
              )}
              <span className={`${styles.pill} ${styles.xp}`} title="Total XP">
                <Zap size={20} aria-hidden="true" />
                <span className="visually-hidden">XP:</span> {stats.data.xp}
              </span>
            </>
          )}
          <button type="button" className="btn btn-ghost" onClick={onSignOut} aria-label="Sign out">
            <LogOut size={20} aria-hidden="true" />
            <span className={styles.signOutText}>Sign out</span>
          </button>
        </div>
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label="Main">
          <ul className={styles.navList}>
            {LINKS.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === '/'} className={styles.navLink}>
                  {link.icon}
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className={styles.main} tabIndex={-1}>
          <IncomingChallengeAlerts />
          <Suspense fallback={<ScreenSkeleton />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

export function ScreenSkeleton() {
  return (
    <div className="page">
      <LoadingRegion label="Loading">
        <Skeleton height={36} width="40%" />
        <Skeleton height={120} />
        <Skeleton height={120} />
      </LoadingRegion>
    </div>
  );
}
