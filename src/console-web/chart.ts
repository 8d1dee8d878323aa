/**
 * Server-side SVG charts: bars (optionally stacked) per week and an optional line, drawn from
 * numbers only. Each chart is an image with a title and a description for screen readers, and the
 * page shows the same numbers as a table; every bar and point has a tooltip (<title>).
 */
import { escapeHtml, trusted, type Html } from './html.ts';

export interface Series {
  label: string;
  values: number[];
  /** CSS class of its bars or line (colour in console.css, a pattern for print). */
  cls: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  desc: string;
  labels: string[];
  /** Stacked bars, bottom first. */
  bars: Series[];
  line?: Series;
}

const W = 720;
const H = 260;
const PAD = { left: 36, right: 12, top: 14, bottom: 34 };

/** 1, 2, 5, 10, 20, 50 …: the smallest of these at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

export function barChart(spec: ChartSpec): Html {
  const n = spec.labels.length;
  const totals = spec.labels.map((_, i) => spec.bars.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = niceMax(Math.max(1, ...totals, ...(spec.line?.values ?? [])));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(4, slot * 0.6);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  const e = escapeHtml;
  parts.push(`<svg class="chart" id="${e(spec.id)}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${e(spec.id)}-t ${e(spec.id)}-d" preserveAspectRatio="xMidYMid meet">`);
  parts.push(`<title id="${e(spec.id)}-t">${e(spec.title)}</title><desc id="${e(spec.id)}-d">${e(spec.desc)}</desc>`);
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    if (!Number.isInteger(v)) continue;
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`);
  }
  spec.labels.forEach((label, i) => {
    const x = PAD.left + slot * i + (slot - barW) / 2;
    let base = 0;
    for (const s of spec.bars) {
      const v = s.values[i] ?? 0;
      const y1 = y(base + v);
      const h = y(base) - y1;
      parts.push(`<rect class="bar ${e(s.cls)}" data-value="${v}" x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0, h).toFixed(1)}"><title>${e(`${label}: ${s.label} ${v}`)}</title></rect>`);
      base += v;
    }
    if (i % Math.ceil(n / 12) === 0) parts.push(`<text class="axis" x="${(PAD.left + slot * i + slot / 2).toFixed(1)}" y="${H - 12}" text-anchor="middle">${e(label)}</text>`);
  });
  if (spec.line) {
    const line = spec.line;
    const points = spec.labels.map((_, i) => [PAD.left + slot * i + slot / 2, y(line.values[i] ?? 0)] as const);
    parts.push(`<polyline class="line ${e(line.cls)}" fill="none" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`);
    points.forEach(([px, py], i) => parts.push(`<circle class="point ${e(line.cls)}" data-value="${line.values[i] ?? 0}" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4"><title>${e(`${spec.labels[i]}: ${line.label} ${line.values[i] ?? 0}`)}</title></circle>`));
  }
  parts.push('</svg>');
  return trusted(parts.join(''));
}
