// The live duel connection (/hubs/duels), one per signed-in tab. @microsoft/signalr loads on first use, so it
// never weighs on the first paint. Events are hints: the database is the truth, and screens also poll.
import type { HubConnection } from '@microsoft/signalr';
import { useEffect, useRef } from 'react';
import type { DuelResult } from '@/api/types';
import { session } from './api';

export interface HubEvents {
  ChallengeReceived: { duelId: string; challengerId: string; opponentId: string; language: string; expiresAt: string };
  DuelStarted: { duelId: string; recipients: string[]; opponentKind: string; startedAt: string; deadline: string };
  OpponentJoined: HubEvents['DuelStarted'];
  PlayerAnswered: { duelId: string; recipientId: string; position: number; answeredCount: number };
  BotAnswered: { duelId: string; recipientId: string; position: number; isCorrect: boolean; answeredAt: string };
  DuelFinished: { duelId: string; recipients: string[]; result: DuelResult };
  PlayerConnected: { duelId: string; userId: string };
  LeagueRankChanged: { week: string; rank: number; previousRank: number | null; weeklyXp: number | null };
}

let connecting: Promise<HubConnection> | null = null;
const joined = new Set<string>();

async function connect(): Promise<HubConnection> {
  const signalR = await import('@microsoft/signalr');
  const hub = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/duels', {
      accessTokenFactory: async () => (await session.validAccessToken()) ?? '',
      // WebSockets straight away: no negotiate round trip, and no sticky sessions needed across Api replicas.
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.None)
    .build();
  hub.onreconnected(() => {
    for (const duelId of joined) void hub.invoke('JoinDuel', duelId).catch(() => undefined);
  });
  hub.onclose(() => {
    connecting = null;
  });
  await hub.start();
  return hub;
}

export function duelHub(): Promise<HubConnection> {
  connecting ??= connect().catch((error: unknown) => {
    connecting = null;
    throw error;
  });
  return connecting;
}

session.subscribe(() => {
  if (session.getState().status !== 'signedOut' || !connecting) return;
  const closing = connecting;
  connecting = null;
  joined.clear();
  void closing.then((hub) => hub.stop()).catch(() => undefined);
});

type Handlers = { [K in keyof HubEvents]?: (event: HubEvents[K]) => void };

/** Calls the handlers for hub events while mounted; a hub that cannot connect is silently left to polling. */
export function useHubEvents(handlers: Handlers, enabled = true): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const names = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!enabled) return;
    let hub: HubConnection | null = null;
    let cancelled = false;
    const bound = names.split(',').filter(Boolean).map((name) => {
      const fn = (event: unknown) => (latest.current[name as keyof HubEvents] as ((e: unknown) => void) | undefined)?.(event);
      return [name, fn] as const;
    });
    duelHub()
      .then((connection) => {
        if (cancelled) return;
        hub = connection;
        for (const [name, fn] of bound) connection.on(name, fn);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (hub) for (const [name, fn] of bound) hub.off(name, fn);
    };
  }, [names, enabled]);
}

/** Follows one duel's events while mounted (the hub only sends a duel's events to connections that joined it). */
export function useJoinDuel(duelId: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    joined.add(duelId);
    void duelHub()
      .then((hub) => hub.invoke('JoinDuel', duelId))
      .catch(() => undefined);
    return () => {
      joined.delete(duelId);
      void duelHub()
        .then((hub) => hub.invoke('LeaveDuel', duelId))
        .catch(() => undefined);
    };
  }, [duelId, enabled]);
}
