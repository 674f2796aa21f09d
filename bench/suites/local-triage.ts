/**
 * local_triage_per_s: tickets per second through the local triage engine
 * alone (skills, priority, category, summary, notes), on one core, over the
 * helpdesk tickets of the shared dev set (or a few built-in ones).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalTriageEngine } from '../../adapters/local-ai/index.js';
import { SkillCatalog, type TriageRequest } from '../../core/index.js';
import type { BenchSuite, Metric } from '../types.js';

const root = join(import.meta.dirname, '..', '..');
const ROUNDS = 40;

function tickets(): { title: string; description: string }[] {
  try {
    return readFileSync(join(root, '..', 'shared', 'data', 'helpdesk', 'dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; description: string });
  } catch {
    return [{ title: 'VPN drops every hour', description: 'The tunnel disconnects' }, { title: 'Printer jams', description: 'Floor 3' }, { title: 'Mot de passe expiré', description: '' }];
  }
}

const suite: BenchSuite = {
  name: 'local-triage',
  async run(): Promise<Metric[]> {
    const catalog = new SkillCatalog();
    const engine = new LocalTriageEngine({ catalog });
    const staff = ['networking', 'vpn', 'email', 'accounts', 'hardware', 'printers', 'mobile-devices', 'security', 'software-install', 'windows', 'osx', 'linux', 'excel', 'database', 'hr', 'facilities', 'finance'];
    const requests: TriageRequest[] = tickets().map((t, i) => ({ ticket: { id: `t${i}`, ref: i + 1, title: t.title, description: t.description }, similar: [], staffSkills: staff, catalog: catalog.ids() }));
    for (const r of requests) await engine.triage(r);
    const start = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS; round++) for (const r of requests) await engine.triage(r);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return [{ metric: 'local_triage_per_s', value: (ROUNDS * requests.length) / seconds, unit: 'tickets/s', target: '>= 2000' }];
  },
};

export default suite;
