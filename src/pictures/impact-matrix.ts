/**
 * The impact matrix as SVG: every idea a numbered dot at its average effort (moeite, across) and
 * impact (up), the four quadrants named, and a legend whose numbers match the dots. Dots never
 * cover each other: each is moved to the nearest free place inside its own quadrant, so a crowded
 * matrix stays readable and no dot appears to sit in a quadrant it does not belong to.
 * Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
 * on an opaque white panel so the picture reads the same in a dark or light chat.
 */
import { escapeHtml } from '../core/index.ts';
import { FONT_FAMILY } from './render.ts';

export type Quadrant = 'quickWin' | 'bigBet' | 'filler' | 'avoid';
export const QUADRANTS: readonly Quadrant[] = ['quickWin', 'bigBet', 'filler', 'avoid'];

export interface MatrixIdea {
  number: number;
  text: string;
  /** Average scores from 1 (low) to 5 (high). */
  effort: number;
  impact: number;
}

/** Every word on the picture, in the network's language. */
export interface MatrixLabels {
  title: string;
  effort: string;
  impact: string;
  low: string;
  high: string;
  quadrants: Record<Quadrant, string>;
  /** One legend line's scores, e.g. "moeite 2,5 · impact 4". */
  scores: (idea: MatrixIdea) => string;
}

/** High impact from 3 up, low effort below 3: an idea scored 3 and 3 is a "big bet", not a quick win. */
export function quadrantOf(idea: Pick<MatrixIdea, 'effort' | 'impact'>): Quadrant {
  const highImpact = idea.impact >= 3;
  const lowEffort = idea.effort < 3;
  if (highImpact) return lowEffort ? 'quickWin' : 'bigBet';
  return lowEffort ? 'filler' : 'avoid';
}

const COLOURS: Record<Quadrant, { fill: string; ink: string }> = {
  quickWin: { fill: '#009E73', ink: '#000000' },
  bigBet: { fill: '#0072B2', ink: '#ffffff' },
  filler: { fill: '#E69F00', ink: '#000000' },
  avoid: { fill: '#D55E00', ink: '#000000' },
};

const WIDTH = 760;
const PLOT = { x: 110, y: 64, size: 560 };
const RADIUS = 14;
const LEGEND_LINE = 24;
const LEGEND_CHARS = 78;

export interface PlacedIdea extends MatrixIdea {
  quadrant: Quadrant;
  x: number;
  y: number;
}

/** Pixel position of a score on the 1–5 scale. */
const axisX = (effort: number) => PLOT.x + ((clamp(effort, 1, 5) - 1) / 4) * PLOT.size;
const axisY = (impact: number) => PLOT.y + PLOT.size - ((clamp(impact, 1, 5) - 1) / 4) * PLOT.size;

/** The area (inside margins) where a quadrant's dots may sit. */
function bounds(quadrant: Quadrant) {
  const mid = PLOT.size / 2;
  const left = quadrant === 'quickWin' || quadrant === 'filler';
  const top = quadrant === 'quickWin' || quadrant === 'bigBet';
  const pad = RADIUS + 3;
  const x0 = PLOT.x + (left ? 0 : mid);
  const y0 = PLOT.y + (top ? 0 : mid);
  return { minX: x0 + pad, maxX: x0 + mid - pad, minY: y0 + pad + (top ? 22 : 0), maxY: y0 + mid - pad - (top ? 0 : 22) };
}

/** Places every dot: at its scores if free, else at the nearest free point of a spiral in its quadrant. */
export function placeIdeas(ideas: readonly MatrixIdea[]): PlacedIdea[] {
  const placed: PlacedIdea[] = [];
  const minGap = RADIUS * 2 + 2;
  for (const idea of [...ideas].sort((a, b) => a.number - b.number)) {
    const quadrant = quadrantOf(idea);
    const box = bounds(quadrant);
    const want = { x: clamp(axisX(idea.effort), box.minX, box.maxX), y: clamp(axisY(idea.impact), box.minY, box.maxY) };
    let best = want;
    let bestClearance = -Infinity;
    for (let step = 0; step < 900; step++) {
      // A spiral around the wanted point; the first free spot is also the nearest one tried.
      const angle = step * 0.5;
      const distance = 2.2 * Math.sqrt(step) * RADIUS * 0.5;
      const point = { x: clamp(want.x + distance * Math.cos(angle), box.minX, box.maxX), y: clamp(want.y + distance * Math.sin(angle), box.minY, box.maxY) };
      const clearance = Math.min(Infinity, ...placed.map((p) => Math.hypot(p.x - point.x, p.y - point.y)));
      if (clearance >= minGap) {
        best = point;
        break;
      }
      if (clearance > bestClearance) [best, bestClearance] = [point, clearance];
    }
    placed.push({ ...idea, quadrant, x: round(best.x), y: round(best.y) });
  }
  return placed;
}

/** The SVG document; `placed` from `placeIdeas`. */
export function impactMatrixSvg(placed: readonly PlacedIdea[], labels: MatrixLabels): { svg: string; width: number; height: number } {
  const e = escapeHtml;
  const legendTop = PLOT.y + PLOT.size + 64;
  const height = legendTop + Math.max(1, placed.length) * LEGEND_LINE + 16;
  const mid = PLOT.size / 2;
  const quadrantRects = QUADRANTS.map((q) => {
    const left = q === 'quickWin' || q === 'filler';
    const top = q === 'quickWin' || q === 'bigBet';
    const x = PLOT.x + (left ? 0 : mid);
    const y = PLOT.y + (top ? 0 : mid);
    const labelY = top ? y + 24 : y + mid - 12;
    return [
      `<rect x="${x}" y="${y}" width="${mid}" height="${mid}" fill="${COLOURS[q].fill}" fill-opacity="0.12" stroke="#555555" stroke-width="1"/>`,
      `<text x="${x + mid / 2}" y="${labelY}" text-anchor="middle" font-weight="bold" font-size="17" fill="#1a1a1a">${e(labels.quadrants[q])}</text>`,
    ].join('');
  });
  const dots = placed.map(
    (p) =>
      `<g class="idea" data-number="${p.number}" data-quadrant="${p.quadrant}"><circle cx="${p.x}" cy="${p.y}" r="${RADIUS}" fill="${COLOURS[p.quadrant].fill}" stroke="#ffffff" stroke-width="2"/>` +
      `<text x="${p.x}" y="${p.y + 5}" text-anchor="middle" font-weight="bold" font-size="14" fill="${COLOURS[p.quadrant].ink}">${p.number}</text></g>`,
  );
  const legend = placed.map((p, i) => {
    const y = legendTop + i * LEGEND_LINE;
    const line = `${p.number}. ${clip(p.text, LEGEND_CHARS - labels.scores(p).length)} (${labels.scores(p)})`;
    return `<circle cx="${PLOT.x - 40}" cy="${y - 5}" r="6" fill="${COLOURS[p.quadrant].fill}"/><text x="${PLOT.x - 28}" y="${y}" font-size="14" fill="#1a1a1a">${e(line)}</text>`;
  });
  const axis = [
    `<text x="${PLOT.x + mid}" y="${PLOT.y + PLOT.size + 40}" text-anchor="middle" font-size="16" fill="#1a1a1a">${e(labels.effort)} →</text>`,
    `<text x="${PLOT.x}" y="${PLOT.y + PLOT.size + 20}" font-size="13" fill="#333333">${e(labels.low)}</text>`,
    `<text x="${PLOT.x + PLOT.size}" y="${PLOT.y + PLOT.size + 20}" text-anchor="end" font-size="13" fill="#333333">${e(labels.high)}</text>`,
    `<text transform="translate(${PLOT.x - 44} ${PLOT.y + mid}) rotate(-90)" text-anchor="middle" font-size="16" fill="#1a1a1a">${e(labels.impact)} →</text>`,
    `<text x="${PLOT.x - 8}" y="${PLOT.y + PLOT.size}" text-anchor="end" font-size="13" fill="#333333">${e(labels.low)}</text>`,
    `<text x="${PLOT.x - 8}" y="${PLOT.y + 12}" text-anchor="end" font-size="13" fill="#333333">${e(labels.high)}</text>`,
  ];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}" role="img" aria-labelledby="title">`,
    `<title id="title">${e(labels.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff" stroke="#cccccc" rx="8"/>`,
    `<text x="${WIDTH / 2}" y="36" text-anchor="middle" font-size="21" font-weight="bold" fill="#1a1a1a">${e(labels.title)}</text>`,
    ...quadrantRects,
    ...axis,
    ...dots,
    ...legend,
    '</svg>',
  ].join('\n');
  return { svg, width: WIDTH, height };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(8, max - 1)).trimEnd()}…`;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number) => Math.round(value * 10) / 10;
