/**
 * Pictures in the chat: a feature supplies data and words, this service draws the SVG, renders
 * the PNG and writes the alt text; each adapter posts the `Picture` the platform's way (Slack a file
 * in the thread, Teams an image in the card, the console the alt text and a file). Shared like
 * `src/privacy`: features import it, it imports only the core's types.
 */
import type { Picture } from '../core/index.ts';
import { impactMatrixSvg, placeIdeas, QUADRANTS, type MatrixIdea, type MatrixLabels } from './impact-matrix.ts';
import { svgToPng } from './render.ts';
import { winsChartSvg, type WeekWins } from './wins-chart.ts';

export { quadrantOf, placeIdeas, QUADRANTS, type MatrixIdea, type MatrixLabels, type Quadrant, type PlacedIdea } from './impact-matrix.ts';
export type { WeekWins } from './wins-chart.ts';

/** Rendered at the drawn size: 760 px is enough for a chat column, and the file stays small enough for a Teams inline image (base64 in the message). */
const SCALE = 1;

/** The impact matrix as a picture; the alt text names each quadrant's idea numbers. */
export async function impactMatrixPicture(ideas: readonly MatrixIdea[], labels: MatrixLabels, filename: string): Promise<Picture> {
  const placed = placeIdeas(ideas);
  const { svg, width, height } = impactMatrixSvg(placed, labels);
  const parts = QUADRANTS.map((q) => {
    const numbers = placed.filter((p) => p.quadrant === q).map((p) => p.number);
    return `${labels.quadrants[q]}: ${numbers.length ? numbers.join(', ') : '–'}`;
  });
  return { png: await svgToPng(svg, width * SCALE), svg, alt: `${labels.title}. ${parts.join('. ')}.`, title: labels.title, filename, width, height };
}

/** The wins-per-week chart; the alt text lists each week's count. */
export async function winsChartPicture(weeks: readonly WeekWins[], title: string, filename: string): Promise<Picture> {
  const { svg, width, height } = winsChartSvg(weeks, title);
  const alt = `${title}: ${weeks.map((w) => `${w.label} ${w.wins}`).join(', ')}.`;
  return { png: await svgToPng(svg, width * SCALE), svg, alt, title, filename, width, height };
}
