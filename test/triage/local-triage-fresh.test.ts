import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { triageFigures, type TriageFigures } from './eval-output.js';

/**
 * Generalization guard for local triage: `eval:triage` on our own labelled
 * tickets (test/fixtures/helpdesk-fresh*.jsonl, written for the product,
 * not taken from the shared development file the word lists were first
 * tuned on), exactly as the acceptance run files them. The thresholds are
 * what the product reaches today with a little room; a change that lowers
 * them breaks generalization, whatever the development file says.
 *
 * - helpdesk-fresh.jsonl (200 tickets): written before the second round of
 *   vocabulary and priority work, whose misses were studied, so its figures
 *   are partly tuned.
 * - helpdesk-fresh-b.jsonl (58), -c (55), -d (50), -e (40, mostly HIGH
 *   and LOW), -f (40) and -g (40): each written after a round of changes
 *   and first measured blind (B: routed_ok 0.80, priority_acc 0.67,
 *   high_recall 0.50; C: 0.90, 0.70, 0.50; D: 0.92, 0.78, 0.62; E: 0.82,
 *   0.81, 0.67; F: 0.89, 0.81, 0.79; G: 0.84, 0.79, 0.69), the honest
 *   estimates for unseen tickets at the time; their misses then informed
 *   the next round.
 * - helpdesk-fresh-h.jsonl (68, 40 HIGH, with tricky non-HIGH ones: a single
 *   person's outage, urgent how-tos, training, a phishing simulation, a whole
 *   team wanting monitors) was written blind before the compositional
 *   priority cues (first run: routed_ok 0.85, priority_acc 0.53,
 *   high_recall 0.60) and those cues were tuned on it; helpdesk-fresh-i.jsonl
 *   (44, 24 HIGH) was written blind after them (first run: 0.84, 0.77, 0.67)
 *   and its misses informed one more small round.
 * - helpdesk-fresh-j.jsonl (60, 31 HIGH) and -k (60, 28 HIGH): written blind
 *   before the next round (first run: J routed_ok 0.91, priority_acc 0.83,
 *   high_recall 0.87; K 0.86, 0.85, 0.82). Their misses and those of every
 *   set above were studied for causes (an unasked MFA prompt or sign-in, a
 *   ransom note in other words, data sent to a fake, a place or a crowd that
 *   lost a service, nuisances and needs that are LOW, ordinary words read as
 *   typos, telephony and clock-in words, Italian and Dutch basics).
 * - helpdesk-fresh-l.jsonl (50, 23 HIGH) was written blind after that round
 *   (first run: routed_ok 0.96, priority_acc 0.82, high_recall 0.74), the
 *   honest estimate for unseen tickets today, especially for HIGH recall;
 *   its misses then informed one more small round.
 * - helpdesk-fresh-m/-n/-o.jsonl (60 each, 18 HIGH and 12 LOW each, in the
 *   development file's language mix) were written blind after that round
 *   (first run: M routed_ok 0.91, priority_acc 0.97, high_recall 1.00; N
 *   0.93, 0.93, 0.89; O 0.91, 0.87, 0.78). Their misses were security
 *   incidents told without the usual words (a page a mail opened and a
 *   doubt, prompts approved to make them stop, an attack tool a security
 *   product found, files renamed at random, a ransom as "pay to get the
 *   files back", a laptop forgotten in a taxi in German word order, mails
 *   disowned in Spanish) and desk words (nameplates, bike racks, soap, tax
 *   certificates, dark mode), which informed the next round.
 * - helpdesk-fresh-p/-q.jsonl (60 each, same mix) were written blind after
 *   that round (first run: P routed_ok 0.96, priority_acc 1.00, high_recall
 *   1.00; Q 0.87, 0.83, 0.78). Q's misses (a sign-in prompt approved at
 *   night, an account messaging people by itself, "threat found", a client
 *   list sent instead of the customer's own quote, "still prints fine")
 *   informed one more round; P was measured again after it, still unseen
 *   (0.96, 1.00, 1.00).
 * - helpdesk-fresh-r.jsonl (typed as chat: lowercase, typos, no apostrophes)
 *   and -s.jsonl (written as mail: greetings, quotes, signatures, legal
 *   footers) were written blind after that round (first run: R routed_ok
 *   0.87, priority_acc 0.93, high_recall 0.89; S 0.91, 0.87, 0.78). Their
 *   misses (ransomware named by family or by a restore note, "didnt send",
 *   a sign-in approved by mistake or in doubt, money sent for a fake boss,
 *   an outage since a maintenance, blue screens as Windows, footers naming
 *   e-mail and job titles) informed one more round.
 * - helpdesk-fresh-t.jsonl (English as a second language: literal
 *   translations, odd word order) and -u.jsonl (busy people: one-liners,
 *   understatement, sarcasm) were written blind after that round (first run:
 *   T routed_ok 0.87, priority_acc 0.81, high_recall 0.78; U 0.81, 0.80,
 *   0.72). Their misses (a caller posing as IT given a code or a remote
 *   tool, a found USB stick put in, the antivirus switched off, "oops … the
 *   external Martin", a forwarding rule nobody made, a 502 on a customer
 *   API, a hot server room without cooling) informed one more round; P,
 *   still unseen, stayed at 0.96, 1.00, 1.00.
 * - helpdesk-fresh-v.jsonl (a manufacturer's helpdesk) and -w.jsonl (a
 *   retailer's) were written blind in the development file's own mix after
 *   that round (first run: V routed_ok 0.89, priority_acc 0.87, high_recall
 *   0.78; W 0.81, 0.93, 0.89): the honest estimate for unseen tickets.
 *   Their HIGH misses (a ransom note as a desktop background, a program from
 *   a mail that showed nothing, a phone nobody owns in the security info, a
 *   defaced shop page, the wrong file attached, a shop floor's wifi "weg")
 *   informed a last round; W's routing misses (shop systems named by what
 *   they do: card terminals, stock tablets, tills) were left as they are.
 * - helpdesk-fresh-x.jsonl (an insurer) and -y.jsonl (a software company whose
 *   staff name Jira, Python or a repo in ordinary tickets) were written blind
 *   after that round (first run: X routed_ok 0.91, priority_acc 0.90,
 *   high_recall 0.83; Y 0.78, 0.77, 0.61, with no invented skill). Their HIGH
 *   misses (a script from a customer's zip that showed nothing, a page that
 *   "was not ours", a laptop bag gone from a coffee shop, a link posted in a
 *   public channel, a mail none of us sent, water above the network cabinet,
 *   "all 25 of us") informed a last round; two stay missed (mail from outside
 *   that "never arrives" for a floor, an app failing for every customer).
 * - helpdesk-fresh-z.jsonl (a city administration) and -zz.jsonl (a hotel
 *   group) were written blind after that round (first run: Z routed_ok 0.89,
 *   priority_acc 0.87, high_recall 0.78; ZZ 0.83, 0.77, 0.61). Their misses
 *   (a laptop left on a tram, files breaking one folder after the other, a
 *   prompt approved because a text asked for it, encryption activity an
 *   antivirus blocked, Portuguese and Spanish wordings, "receiving still
 *   works" read as can-wait) informed a last round; three of ZZ's HIGH
 *   tickets stay missed (a booking engine showing nothing for every hotel,
 *   German "kein Mitarbeiter mehr ins WLAN", confirmation mails not going out).
 * - helpdesk-fresh-aa … -ff.jsonl (60 each, in the development file's mix: 8
 *   HIGH, 16 LOW, 6 vague; a law firm, a university, a logistics company, a
 *   hospital group's offices, a newspaper, an engineering consultancy) were
 *   written blind after that round (first run, pooled: routed_ok 0.83,
 *   priority_acc 0.92, high_recall 0.81; AA 0.83/1.00/1.00, BB 0.87/0.92/0.75,
 *   CC 0.80/0.88/0.75, DD 0.83/1.00/1.00, EE 0.83/0.88/0.63, FF 0.81/0.88/0.75).
 *   Their misses (a device or desk named beside what is wrong with it, database
 *   error texts, a doubted mail about an invoice, desk words in five languages,
 *   ordinary words read as typos, mistakes and prompts told in French, Spanish
 *   and Portuguese, a crowd asking "can someone look?") informed the next round.
 * - helpdesk-fresh-gg … -ll.jsonl (same mix: a bank, a school district, a
 *   pharmaceutical company, a call-centre company, an airline, an accounting
 *   firm) and -bk/-bm.jsonl (50 each, formal support mails listing what was
 *   tried) were written blind after that round (first run, pooled over GG–LL:
 *   routed_ok 0.88, priority_acc 0.92, high_recall 0.83; GG 0.87/0.96/0.88,
 *   HH 0.83/0.92/0.88, II 0.91/0.92/0.75, JJ 0.89/1.00/1.00, KK 0.89/0.88/0.63,
 *   LL 0.89/0.88/0.88; BK 0.91/0.94/1.00, BM 0.96/1.00/1.00). Their misses
 *   (starters and leavers, "log into", HR named as a third party, "none of the
 *   counters can connect", links clicked and credentials typed in German and
 *   Spanish, a routine virus scan or an expense claim read as suspicious)
 *   informed one more round.
 * - Four more rounds of the same kind followed, each measured blind before
 *   its misses were studied: MM–QQ (a restaurant chain, a tax authority, an
 *   architecture studio, a utility, an NGO) and BN (formal mails) — pooled
 *   routed_ok 0.88, priority_acc 0.96, high_recall 0.90 (BN 0.89/0.94/0.83);
 *   RR–WW (a manufacturer's offices, a company writing broken English, an
 *   insurance broker, a hotel group, a hospital's offices, chat one-liners) —
 *   0.90, 0.93, 0.85; XA–XF (office staff, shops, a research institute, a
 *   builder, an agency, a trading floor) — 0.88, 0.92, 0.81. The per-set
 *   first runs: MM 0.87/1.00/1.00, NN 0.85/0.83/0.50, OO 0.87/1.00/1.00,
 *   PP 0.93/0.96/1.00, QQ 0.89/1.00/1.00, RR 0.91/0.96/0.88, SS 0.91/0.96/0.88,
 *   TT 0.91/0.92/0.88, UU 0.93/0.88/0.63, VV 0.85/0.92/0.88, WW 0.89/0.96/1.00,
 *   XA 0.89/0.92/1.00, XB 0.93/0.88/0.75, XC 0.87/0.88/0.63, XD 0.91/0.96/0.88,
 *   XE 0.81/0.92/0.75, XF 0.87/0.96/0.88.
 * - YA–YF (an international school, dental clinics, car dealerships, a museum,
 *   a manufacturer in Germany and Portugal, travelling consultants) were
 *   written blind after that round (first run, pooled: routed_ok 0.86,
 *   priority_acc 0.90, high_recall 0.83; YA 0.87/0.79/0.75, YB 0.78/0.83/0.75,
 *   YC 0.87/0.88/0.75, YD 0.87/1.00/1.00, YE 0.85/0.92/0.75, YF 0.93/1.00/1.00),
 *   and their misses informed one more round.
 * - ZA–ZF (a supermarket chain's head office, a hospital's support staff, a
 *   travel agency, a library network, a police force's civilian staff, a
 *   German engineering company) were written blind after it (first run,
 *   pooled: routed_ok 0.90, priority_acc 0.94, high_recall 0.90; ZA
 *   0.87/0.96/0.88, ZB 0.91/1.00/1.00, ZC 0.94/0.96/1.00, ZD 0.89/1.00/1.00,
 *   ZE 0.89/0.92/0.75, ZF 0.93/0.83/0.75); their misses informed one more
 *   small round.
 * - QA–QF (a pharmaceutical distributor, a newspaper's business side, fitness
 *   clubs, a hospital research office, an IT services firm's own staff, a
 *   council's social services) were written blind after it (first run,
 *   pooled: routed_ok 0.91, priority_acc 0.97, high_recall 0.92; QA
 *   0.93/0.92/0.88, QB 0.89/1.00/1.00, QC 0.93/0.92/0.75, QD 0.93/1.00/1.00,
 *   QE 0.91/0.96/0.88, QF 0.91/1.00/1.00); their HIGH misses informed a last
 *   small round of cues.
 * - Round 27, TA–TG and FA–FB (an airline, a pharmaceutical plant, vet
 *   clinics, a university, wind-farm maintenance, a newspaper, two sets of
 *   formal support mails), first run with the words and rules alone, pooled:
 *   routed_ok 0.90, priority_acc 0.91, high_recall 0.82. The helpdesk model
 *   (adapters/local-ai/helpdesk-model.ts) came after it; trained without
 *   these sets it gives 0.93, 0.95, 0.94 (helpdesk-model-holdout.test.ts).
 * - Round 28, UA–UF and FC–FD (opticians, a bus and tram operator, theatres,
 *   a farm cooperative, a game studio, a ferry line, two formal sets), first
 *   run with the model trained on everything before them: 0.95, 0.97, 0.98
 *   (the words and rules alone: 0.92, 0.91, 0.81).
 * - Round 29, VA–VF and FG–FH (garages, a security company, a fashion
 *   retailer, a zoo, a solar installer, a translation agency, two formal
 *   sets), first run with the model trained through round 28: 0.93, 0.96,
 *   0.94 (the words and rules alone: 0.87, 0.89, 0.71).
 * - Round 30, WA–WF and FI–FJ (a cement company, a radio broadcaster, a
 *   children's charity, car rental, a mining-equipment maker, care homes, two
 *   formal sets), first run with the model trained through round 29: 0.94,
 *   0.99, 1.00 (the words and rules alone: 0.87, 0.92, 0.79).
 * - Round 31, SA–SF and FK–FL (pharmacies, a parks agency, a football club, a
 *   chemicals distributor, an auction house, a bakery group, two formal
 *   sets), first run with the model trained through round 30: 0.93, 0.97,
 *   0.97 (the words and rules alone: 0.88, 0.94, 0.87). The shipped model has
 *   since been trained on all five rounds, so their figures here are
 *   in-sample.
 */
const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

function evaluate(fixture: string): { figures: TriageFigures; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bot', 'eval-triage.ts'), join(root, 'test', 'fixtures', fixture)], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return { figures: triageFigures(r.stdout), stdout: r.stdout };
}

describe('local triage on tickets it was not tuned on', () => {
  it('routes, prioritizes and never invents programming skills on helpdesk-fresh.jsonl', () => {
    const { figures: f, stdout } = evaluate('helpdesk-fresh.jsonl');
    expect(stdout).toContain('tickets 200, with gold skills 188');
    expect(f.routed_ok, stdout).toBeGreaterThanOrEqual(0.95);
    expect(f.admin_fallback, stdout).toBeLessThanOrEqual(0.02);
    expect(f.invented, stdout).toBeLessThanOrEqual(0.01);
    expect(f.priority_acc, stdout).toBeGreaterThanOrEqual(0.95);
    expect(f.high_recall, stdout).toBeGreaterThanOrEqual(0.95);
  }, 150_000);

  it.each([
    ['helpdesk-fresh-b.jsonl', 'tickets 58, with gold skills 56'],
    ['helpdesk-fresh-c.jsonl', 'tickets 55, with gold skills 52'],
    ['helpdesk-fresh-d.jsonl', 'tickets 50, with gold skills 48'],
    ['helpdesk-fresh-e.jsonl', 'tickets 40, with gold skills 38'],
    ['helpdesk-fresh-f.jsonl', 'tickets 40, with gold skills 38'],
    ['helpdesk-fresh-g.jsonl', 'tickets 40, with gold skills 38'],
  ])('keeps %s at its figures', (fixture, counts) => {
    const { figures: f, stdout } = evaluate(fixture);
    expect(stdout).toContain(counts);
    expect(f.routed_ok, stdout).toBeGreaterThanOrEqual(0.92);
    expect(f.admin_fallback, stdout).toBeLessThanOrEqual(0.02);
    expect(f.invented, stdout).toBeLessThanOrEqual(0.02);
    expect(f.priority_acc, stdout).toBeGreaterThanOrEqual(0.92);
    expect(f.high_recall, stdout).toBeGreaterThanOrEqual(0.95);
  }, 150_000);

  it.each([
    ['helpdesk-fresh-h.jsonl', 'tickets 68, with gold skills 68', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-i.jsonl', 'tickets 44, with gold skills 44', 0.93, 0.93, 0.95],
    ['helpdesk-fresh-j.jsonl', 'tickets 60, with gold skills 58', 0.95, 0.95, 0.95],
    ['helpdesk-fresh-k.jsonl', 'tickets 60, with gold skills 58', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-l.jsonl', 'tickets 50, with gold skills 48', 0.95, 0.95, 0.95],
    ['helpdesk-fresh-m.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-n.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-o.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-p.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-q.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-r.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-s.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-t.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-u.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-v.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-w.jsonl', 'tickets 60, with gold skills 54', 0.84, 0.95, 0.95],
    ['helpdesk-fresh-x.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.92],
    ['helpdesk-fresh-y.jsonl', 'tickets 60, with gold skills 54', 0.8, 0.95, 0.92],
    ['helpdesk-fresh-z.jsonl', 'tickets 60, with gold skills 54', 0.86, 0.95, 0.95],
    ['helpdesk-fresh-zz.jsonl', 'tickets 60, with gold skills 54', 0.83, 0.88, 0.8],
    ['helpdesk-fresh-aa.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-bb.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-cc.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.92, 0.95],
    ['helpdesk-fresh-dd.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-ee.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-ff.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-gg.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.95, 0.95],
    ['helpdesk-fresh-hh.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.95, 0.95],
    ['helpdesk-fresh-ii.jsonl', 'tickets 60, with gold skills 54', 0.95, 0.95, 0.95],
    ['helpdesk-fresh-jj.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-kk.jsonl', 'tickets 60, with gold skills 54', 0.95, 0.95, 0.95],
    ['helpdesk-fresh-ll.jsonl', 'tickets 60, with gold skills 54', 0.95, 0.95, 0.95],
    ['helpdesk-fresh-bk.jsonl', 'tickets 50, with gold skills 47', 0.9, 0.92, 0.95],
    ['helpdesk-fresh-bm.jsonl', 'tickets 50, with gold skills 47', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-mm.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-nn.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-oo.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.95, 0.95],
    ['helpdesk-fresh-pp.jsonl', 'tickets 60, with gold skills 54', 0.96, 0.92, 0.95],
    ['helpdesk-fresh-qq.jsonl', 'tickets 60, with gold skills 54', 0.96, 0.95, 0.95],
    ['helpdesk-fresh-rr.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-ss.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-tt.jsonl', 'tickets 60, with gold skills 54', 0.96, 0.95, 0.95],
    ['helpdesk-fresh-uu.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-vv.jsonl', 'tickets 60, with gold skills 54', 0.98, 0.95, 0.95],
    ['helpdesk-fresh-ww.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-xa.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-xb.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-xc.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.92, 0.85],
    ['helpdesk-fresh-xd.jsonl', 'tickets 60, with gold skills 54', 0.96, 0.95, 0.95],
    ['helpdesk-fresh-xe.jsonl', 'tickets 60, with gold skills 54', 0.88, 0.95, 0.95],
    ['helpdesk-fresh-xf.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-bn.jsonl', 'tickets 50, with gold skills 47', 0.95, 0.95, 0.95],
    ['helpdesk-fresh-ya.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.92, 0.95],
    ['helpdesk-fresh-yb.jsonl', 'tickets 60, with gold skills 54', 0.86, 0.92, 0.95],
    ['helpdesk-fresh-yc.jsonl', 'tickets 60, with gold skills 54', 0.96, 0.95, 0.95],
    ['helpdesk-fresh-yd.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.95, 0.95],
    ['helpdesk-fresh-ye.jsonl', 'tickets 60, with gold skills 54', 0.96, 0.95, 0.95],
    ['helpdesk-fresh-yf.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.95, 0.95],
    ['helpdesk-fresh-za.jsonl', 'tickets 60, with gold skills 54', 0.85, 0.95, 0.95],
    ['helpdesk-fresh-zb.jsonl', 'tickets 60, with gold skills 54', 0.88, 0.95, 0.95],
    ['helpdesk-fresh-zc.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.95, 0.95],
    ['helpdesk-fresh-zd.jsonl', 'tickets 60, with gold skills 54', 0.86, 0.95, 0.95],
    ['helpdesk-fresh-ze.jsonl', 'tickets 60, with gold skills 54', 0.86, 0.95, 0.95],
    ['helpdesk-fresh-zf.jsonl', 'tickets 60, with gold skills 54', 0.92, 0.92, 0.95],
    ['helpdesk-fresh-qa.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.92, 0.95],
    ['helpdesk-fresh-qb.jsonl', 'tickets 60, with gold skills 54', 0.86, 0.95, 0.95],
    ['helpdesk-fresh-qc.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.92, 0.85],
    ['helpdesk-fresh-qd.jsonl', 'tickets 60, with gold skills 54', 0.9, 0.95, 0.95],
    ['helpdesk-fresh-qe.jsonl', 'tickets 60, with gold skills 54', 0.88, 0.95, 0.95],
    ['helpdesk-fresh-qf.jsonl', 'tickets 60, with gold skills 54', 0.88, 0.95, 0.95],
    ['helpdesk-fresh-ta.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-tb.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-tc.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-te.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-tf.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-tg.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-ua.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-ub.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-uc.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-ud.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-ue.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-uf.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-fa.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-fb.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-fc.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-fd.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.9, 0.95],
    ['helpdesk-fresh-va.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-vb.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-vc.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-vd.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-ve.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-vf.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-fg.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-fh.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.9, 0.85],
    ['helpdesk-fresh-wa.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-wb.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-wc.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-wd.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-we.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-wf.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-fi.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-fj.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-sa.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-sb.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-sc.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-sd.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-se.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-sf.jsonl', 'tickets 60, with gold skills 54', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-fk.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.92, 0.95],
    ['helpdesk-fresh-fl.jsonl', 'tickets 50, with gold skills 47', 0.94, 0.92, 0.95],
  ] as const)('keeps the set %s at its figures', (fixture, counts, routed, priorityAcc, highRecall) => {
    const { figures: f, stdout } = evaluate(fixture);
    expect(stdout).toContain(counts);
    expect(f.routed_ok, stdout).toBeGreaterThanOrEqual(routed);
    expect(f.admin_fallback, stdout).toBeLessThanOrEqual(0.02);
    expect(f.invented, stdout).toBeLessThanOrEqual(0.02);
    expect(f.priority_acc, stdout).toBeGreaterThanOrEqual(priorityAcc);
    expect(f.high_recall, stdout).toBeGreaterThanOrEqual(highRecall);
  }, 150_000);
});
