import { describe, expect, it } from 'vitest';
import type { Logger } from '../ports/system.js';
import type { TriageEngine, TriageProposal, TriageRequest } from '../ports/triage.js';
import { FakeClock } from '../testing/fakes.js';
import { createTriageChain } from './chain.js';
import { TriageAttemptError } from './errors.js';
import { createHash } from 'node:crypto';

const nodeHasher = { sha256Hex: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex') };

const request = (id: string, title = `Ticket ${id}`): TriageRequest => ({ ticket: { id, ref: 1, title, description: 'd' }, similar: [], staffSkills: [], catalog: [] });

const answer = (engine: string, extra: Partial<TriageProposal> = {}): TriageProposal => ({
  summary: 's', category: 'c', priority: 'LOW', skills: [], notes: '', suggestedFix: null, confidence: null, engine, ...extra,
});

function recordingLogger(): Logger & { lines: { level: string; obj: unknown; msg?: string }[] } {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const log = (level: string) => (obj: object | string, msg?: string) => void lines.push({ level, obj, ...(msg !== undefined ? { msg } : {}) });
  const logger = { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: () => logger };
  return logger;
}

describe('TriageChain', () => {
  it('never has more calls in flight per engine than the limit', async () => {
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const slow: TriageEngine = {
      name: 'slow',
      triage: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => release.push(r));
        running--;
        return answer('slow');
      },
    };
    const chain = createTriageChain({ hasher: nodeHasher, engines: [slow], clock: new FakeClock(), concurrency: 2 });
    const all = Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => chain.triage(request(id))));
    let done = 0;
    while (done < 5) {
      await new Promise((r) => setTimeout(r, 0));
      const next = release.shift();
      if (next) {
        next();
        done++;
      }
    }
    await all;
    expect(peak).toBe(2);
  });

  it('counts and logs tokens per ticket, failed attempts included', async () => {
    const failing: TriageEngine = {
      name: 'first',
      triage: async () => {
        throw new TriageAttemptError('first', 'invalid-output', 'bad', 2, { inputTokens: 100, outputTokens: 20 });
      },
    };
    const second: TriageEngine = { name: 'second', triage: async () => ({ ...answer('second', { model: 'm2', usage: { inputTokens: 50, outputTokens: 10 } }), calls: 1 }) };
    const logger = recordingLogger();
    const chain = createTriageChain({ hasher: nodeHasher, engines: [failing, second], clock: new FakeClock(), logger });
    const p = await chain.triage(request('t1'));
    expect(p).toMatchObject({ engine: 'second', model: 'm2', usage: { inputTokens: 150, outputTokens: 30 } });
    expect('calls' in p).toBe(false);
    const line = logger.lines.find((l) => l.msg === 'triage answered');
    expect(line?.obj).toMatchObject({ ticketId: 't1', engine: 'second', calls: 3, inputTokens: 150, outputTokens: 30, fallback: true });
    expect(chain.stats().engines).toMatchObject({ first: { failures: 1, calls: 2, inputTokens: 100 }, second: { successes: 1, calls: 1 } });
  });

  it('always tries the last engine, even after it failed repeatedly', async () => {
    let calls = 0;
    const flaky: TriageEngine = {
      name: 'local',
      triage: async () => {
        calls++;
        if (calls <= 5) throw new Error('not ready');
        return answer('local');
      },
    };
    const chain = createTriageChain({ hasher: nodeHasher, engines: [flaky], clock: new FakeClock(), breaker: { failureThreshold: 1 } });
    for (let i = 0; i < 5; i++) expect((await chain.triage(request(`x${i}`))).engine).toBe('fallback');
    expect((await chain.triage(request('y'))).engine).toBe('local');
    expect(calls).toBe(6);
  });

  it('refuses an empty engine list and duplicate names', () => {
    expect(() => createTriageChain({ hasher: nodeHasher, engines: [], clock: new FakeClock() })).toThrow();
    const e: TriageEngine = { name: 'same', triage: async () => answer('same') };
    expect(() => createTriageChain({ hasher: nodeHasher, engines: [e, e], clock: new FakeClock() })).toThrow(/two engines/);
  });
});
