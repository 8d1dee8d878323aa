/**
 * A small bar chart of the network's wins (actions done) per week, for the weekly nudge: the
 * progress principle is about seeing small steps add up. The group's total only, never a person.
 */
import { escapeHtml } from '../core/index.ts';
import { FONT_FAMILY } from './render.ts';

export interface WeekWins {
  /** Short label under the bar ("wk 47"). */
  label: string;
  wins: number;
}

const WIDTH = 600;
const HEIGHT = 260;
const PLOT = { x: 40, y: 56, width: 540, height: 150 };

export function winsChartSvg(weeks: readonly WeekWins[], title: string): { svg: string; width: number; height: number } {
  const e = escapeHtml;
  const most = Math.max(1, ...weeks.map((w) => w.wins));
  const slot = PLOT.width / Math.max(1, weeks.length);
  const barWidth = Math.min(36, slot * 0.7);
  const bars = weeks.map((week, i) => {
    const h = (week.wins / most) * PLOT.height;
    const x = PLOT.x + i * slot + (slot - barWidth) / 2;
    const y = PLOT.y + PLOT.height - h;
    const last = i === weeks.length - 1;
    return [
      `<g class="bar" data-wins="${week.wins}">`,
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(h, 1).toFixed(1)}" rx="3" fill="${last ? '#009E73' : '#0072B2'}"/>`,
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" font-size="13" font-weight="bold" fill="#1a1a1a">${week.wins}</text>`,
      `<text x="${(x + barWidth / 2).toFixed(1)}" y="${PLOT.y + PLOT.height + 20}" text-anchor="middle" font-size="12" fill="#333333">${e(week.label)}</text>`,
      '</g>',
    ].join('');
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}" role="img" aria-labelledby="title">`,
    `<title id="title">${e(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff" stroke="#cccccc" rx="8"/>`,
    `<text x="${WIDTH / 2}" y="32" text-anchor="middle" font-size="18" font-weight="bold" fill="#1a1a1a">${e(title)}</text>`,
    `<line x1="${PLOT.x}" y1="${PLOT.y + PLOT.height}" x2="${PLOT.x + PLOT.width}" y2="${PLOT.y + PLOT.height}" stroke="#555555"/>`,
    ...bars,
    '</svg>',
  ].join('\n');
  return { svg, width: WIDTH, height: HEIGHT };
}
