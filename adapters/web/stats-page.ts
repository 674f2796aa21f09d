import { PRIORITIES, type HelpdeskStats } from '../../core/index.js';
import { barChart, columnChart, duration } from './charts.js';
import { html, type Html } from './html.js';

export const PERIODS = [7, 30, 90] as const;

/** The stats page: tickets per day, response and resolution times, SLA breaches, satisfaction, per desk and per moderator. */
export function statsBody(input: { days: number; stats: HelpdeskStats; perDay: readonly { day: string; count: number }[]; names: Readonly<Record<string, string>> }): Html {
  const { days, stats: s, perDay, names } = input;
  const periods = html`<nav class="periods" aria-label="Period">${PERIODS.map((d) => html`<a class="button${d === days ? '' : ' secondary'}" href="/stats?days=${d}"${d === days ? html` aria-current="page"` : ''}>${d} days</a>`)}</nav>`;
  const times = [
    { label: 'First response p50', value: s.firstResponse.p50 ?? 0, display: duration(s.firstResponse.p50) },
    { label: 'First response p90', value: s.firstResponse.p90 ?? 0, display: duration(s.firstResponse.p90) },
    { label: 'Resolution p50', value: s.resolution.p50 ?? 0, display: duration(s.resolution.p50) },
    { label: 'Resolution p90', value: s.resolution.p90 ?? 0, display: duration(s.resolution.p90) },
  ];
  const rated = s.good + s.bad;
  const moderators = s.perModerator.map((m) => ({ ...m, name: names[m.assigneeId] ?? 'someone' }));
  return html`<h1>Stats, last ${days} days</h1>
${periods}
<p class="summary">${s.created} filed · ${s.resolved} resolved · ${s.breached} missed a service level · ${s.reopened} reopened · satisfaction ${rated ? `${Math.round((100 * s.good) / rated)}% of ${rated} ratings` : 'not rated yet'}${s.moderatorId ? ' · your tickets only' : ''}</p>
<div class="charts">
${columnChart(`Tickets filed per day (${perDay.reduce((a, d) => a + d.count, 0)} in all)`, perDay.map((d) => ({ label: d.day, value: d.count })))}
${barChart('First response and resolution times (business hours, of tickets filed / resolved in the period)', times)}
${barChart('Service levels missed and satisfaction', [
    { label: 'SLA breaches', value: s.breached },
    { label: 'Rated 👍 good', value: s.good },
    { label: 'Rated 👎 bad', value: s.bad },
  ], '#b54708')}
${barChart('Open now, by priority', PRIORITIES.slice().reverse().map((p) => ({ label: p.toLowerCase(), value: s.backlogByPriority[p] })))}
${barChart('Open now, by desk (skill)', s.backlogBySkill.slice(0, 15).map((k) => ({ label: k.skill, value: k.count })))}
${barChart('Resolved per moderator', moderators.map((m) => ({ label: m.name, value: m.resolved })), '#3b6e3b')}
</div>
<h2>Per moderator</h2>
${moderators.length
    ? html`<table><thead><tr><th scope="col">Moderator</th><th scope="col">Resolved</th><th scope="col">Resolution p50</th><th scope="col">p90</th><th scope="col">Breaches</th><th scope="col">👍</th><th scope="col">👎</th></tr></thead><tbody>${moderators.map(
        (m) => html`<tr><td>${m.name}</td><td>${m.resolved}</td><td>${duration(m.resolution.p50)}</td><td>${duration(m.resolution.p90)}</td><td>${m.breached}</td><td>${m.good}</td><td>${m.bad}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="card">Nobody resolved a ticket in this period.</p>`}`;
}
