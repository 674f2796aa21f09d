/**
 * Contract of the dashboard's sign-in links and sessions: a link signs in
 * once and only before it expires, sessions are found by their hash and end
 * one by one or all of a person's at once. Run against every store.
 */
import { describe, expect, it } from 'vitest';
import type { DashboardSessionStore } from './dashboard.js';

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export function dashboardSessionContract(name: string, open: () => Promise<{ sessions: DashboardSessionStore; close?: () => Promise<void> }>): void {
  describe(`dashboard sessions: ${name}`, () => {
    const withStore = (fn: (s: DashboardSessionStore) => Promise<void>) => async () => {
      const { sessions, close } = await open();
      try {
        await fn(sessions);
      } finally {
        await close?.();
      }
    };

    it('a sign-in link works once, for its person', withStore(async (s) => {
      await s.putLoginToken({ tokenHash: 'h1', personId: 'p1', createdAt: at(0), expiresAt: at(10) });
      expect(await s.consumeLoginToken('h1', at(1))).toBe('p1');
      expect(await s.consumeLoginToken('h1', at(2))).toBeNull();
      expect(await s.consumeLoginToken('unknown', at(2))).toBeNull();
    }));

    it('an expired link is refused, even unused', withStore(async (s) => {
      await s.putLoginToken({ tokenHash: 'h1', personId: 'p1', createdAt: at(0), expiresAt: at(10) });
      expect(await s.consumeLoginToken('h1', at(10))).toBeNull();
    }));

    it('two uses racing sign in once', withStore(async (s) => {
      await s.putLoginToken({ tokenHash: 'h1', personId: 'p1', createdAt: at(0), expiresAt: at(10) });
      const results = await Promise.all([s.consumeLoginToken('h1', at(1)), s.consumeLoginToken('h1', at(1))]);
      expect(results.filter((r) => r === 'p1')).toHaveLength(1);
    }));

    it('keeps sessions by hash, touches and deletes them', withStore(async (s) => {
      await s.putSession({ sessionHash: 's1', personId: 'p1', createdAt: at(0), lastSeenAt: at(0) });
      expect(await s.getSession('s1')).toEqual({ sessionHash: 's1', personId: 'p1', createdAt: at(0), lastSeenAt: at(0) });
      await s.touchSession('s1', at(30));
      expect((await s.getSession('s1'))?.lastSeenAt).toBe(at(30));
      await s.deleteSession('s1');
      expect(await s.getSession('s1')).toBeNull();
    }));

    it('ends every session of one person and their unused links, no one else’s', withStore(async (s) => {
      await s.putSession({ sessionHash: 'a', personId: 'p1', createdAt: at(0), lastSeenAt: at(0) });
      await s.putSession({ sessionHash: 'b', personId: 'p1', createdAt: at(0), lastSeenAt: at(0) });
      await s.putSession({ sessionHash: 'c', personId: 'p2', createdAt: at(0), lastSeenAt: at(0) });
      await s.putLoginToken({ tokenHash: 'h1', personId: 'p1', createdAt: at(0), expiresAt: at(10) });
      expect(await s.deleteSessionsOf('p1')).toBe(2);
      expect(await s.getSession('a')).toBeNull();
      expect(await s.getSession('b')).toBeNull();
      expect(await s.getSession('c')).not.toBeNull();
      expect(await s.consumeLoginToken('h1', at(1))).toBeNull();
    }));

    it('prunes expired links and idle sessions', withStore(async (s) => {
      await s.putLoginToken({ tokenHash: 'old', personId: 'p1', createdAt: at(0), expiresAt: at(10) });
      await s.putLoginToken({ tokenHash: 'new', personId: 'p1', createdAt: at(15), expiresAt: at(25) });
      await s.putSession({ sessionHash: 'idle', personId: 'p1', createdAt: at(0), lastSeenAt: at(0) });
      await s.putSession({ sessionHash: 'live', personId: 'p1', createdAt: at(0), lastSeenAt: at(20) });
      await s.pruneDashboard(at(20), at(10));
      expect(await s.getSession('idle')).toBeNull();
      expect(await s.getSession('live')).not.toBeNull();
      expect(await s.consumeLoginToken('new', at(21))).toBe('p1');
    }));
  });
}
