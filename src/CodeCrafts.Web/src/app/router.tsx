import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth } from './RequireAuth';
import { NotFoundPage } from './NotFoundPage';
import { LearnPage } from '@/features/learn/LearnPage';

// Learn is the landing screen and stays in the first bundle; every other screen loads when first opened.
const SignInPage = lazy(() => import('@/features/auth/SignInPage'));
const SignUpPage = lazy(() => import('@/features/auth/SignUpPage'));
const LessonPlayerPage = lazy(() => import('@/features/lesson/LessonPlayerPage'));
const ReviewsPage = lazy(() => import('@/features/reviews/ReviewsPage'));
const DuelLobbyPage = lazy(() => import('@/features/duels/DuelLobbyPage'));
const DuelPage = lazy(() => import('@/features/duels/DuelPage'));
const DuelResultPage = lazy(() => import('@/features/duels/DuelResultPage'));
const DuelHistoryPage = lazy(() => import('@/features/duels/DuelHistoryPage'));
const LeaderboardsPage = lazy(() => import('@/features/leaderboards/LeaderboardsPage'));
const ProfilePage = lazy(() => import('@/features/profile/ProfilePage'));

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/lessons/:lessonId', element: <LessonPlayerPage /> },
      { path: '/reviews/session', element: <ReviewsPage session /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <LearnPage /> },
          { path: '/reviews', element: <ReviewsPage /> },
          { path: '/duels', element: <DuelLobbyPage /> },
          { path: '/duels/history', element: <DuelHistoryPage /> },
          { path: '/duels/:duelId', element: <DuelPage /> },
          { path: '/duels/:duelId/result', element: <DuelResultPage /> },
          { path: '/leaderboards', element: <LeaderboardsPage /> },
          { path: '/profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
