import { html, type Html } from './html.js';

/** One bar of a chart. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text for the value (a duration, a count); the number itself by default. */
  readonly display?: string;
}

let nextId = 0;

/**
 * Vertical bars over time (tickets per day), drawn on the server as SVG
 * with presentation attributes only (the CSP allows no inline style). Every
 * bar has a tooltip title; the figure's caption says what it shows.
 */
export function columnChart(caption: string, bars: readonly Bar[]): Html {
  const id = `chart-${++nextId}`;
  const w = 640;
  const h = 200;
  const pad = 28;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = (w - pad * 2) / Math.max(bars.length, 1);
  const cols = bars.map((b, i) => {
    const bh = ((h - pad * 2) * b.value) / max;
    const x = pad + i * step;
    return html`<rect x="${x.toFixed(1)}" y="${(h - pad - bh).toFixed(1)}" width="${Math.max(1, step - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="#1f5fbf"><title>${b.label}: ${b.display ?? String(b.value)}</title></rect>`;
  });
  const first = bars[0]?.label ?? '';
  const last = bars[bars.length - 1]?.label ?? '';
  return html`<figure class="card"><svg viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${id}">
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#9aa3b2"/>
<text x="${pad}" y="${pad - 10}" font-size="12" fill="#5b6475">max ${max}</text>
${cols}
<text x="${pad}" y="${h - 8}" font-size="12" fill="#5b6475">${first}</text>
<text x="${w - pad}" y="${h - 8}" font-size="12" fill="#5b6475" text-anchor="end">${last}</text>
</svg><figcaption id="${id}">${caption}</figcaption></figure>`;
}

/** Horizontal bars with their labels and values written out (durations, counts per desk or moderator). */
export function barChart(caption: string, bars: readonly Bar[], color = '#1f5fbf'): Html {
  const id = `chart-${++nextId}`;
  const w = 480;
  const row = 26;
  const labelW = 150;
  const valueW = 80;
  const h = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.length
    ? bars.map((b, i) => {
        const y = 4 + i * row;
        const bw = ((w - labelW - valueW) * b.value) / max;
        const label = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
        return html`<g><title>${b.label}: ${b.display ?? String(b.value)}</title>
<text x="${labelW - 6}" y="${y + 16}" font-size="12" text-anchor="end" fill="#1d2330">${label}</text>
<rect x="${labelW}" y="${y + 3}" width="${Math.max(b.value > 0 ? 2 : 0, bw).toFixed(1)}" height="${row - 8}" fill="${color}"/>
<text x="${labelW + bw + 6}" y="${y + 16}" font-size="12" fill="#1d2330">${b.display ?? String(b.value)}</text></g>`;
      })
    : [html`<text x="8" y="20" font-size="12" fill="#5b6475">no data in this period</text>`];
  return html`<figure class="card"><svg viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${id}">${rows}</svg><figcaption id="${id}">${caption}</figcaption></figure>`;
}

/** `4 h 20 min`, `35 min`, `2 d 3 h` from milliseconds; a dash when unknown. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h${min % 60 ? ` ${min % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}
