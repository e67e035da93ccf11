import { Navigate, Outlet, useLocation } from 'react-router';
import { ServiceBanner } from '@/components/ui/ServiceBanner';
import { useSession } from '@/lib/use-session';
import { ScreenSkeleton } from './AppLayout';

/** Screens behind sign-in. While a reload restores the session, a skeleton (and any outage banner) shows. */
export function RequireAuth() {
  const { status, endedBecause } = useSession();
  const location = useLocation();

  if (status === 'restoring') {
    return (
      <>
        <ServiceBanner />
        <ScreenSkeleton />
      </>
    );
  }
  if (status === 'signedOut') {
    const next = location.pathname + location.search;
    const params = new URLSearchParams();
    if (next !== '/') params.set('next', next);
    if (endedBecause === 'expired') params.set('expired', '1');
    const query = params.toString();
    return <Navigate to={`/sign-in${query ? `?${query}` : ''}`} replace />;
  }
  return <Outlet />;
}
