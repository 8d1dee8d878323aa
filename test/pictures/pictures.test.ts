import { describe, expect, it } from 'vitest';
import { impactMatrixPicture, placeIdeas, quadrantOf, winsChartPicture, type MatrixIdea, type MatrixLabels } from '../../src/pictures/index.ts';

const labels: MatrixLabels = {
  title: 'Impactmatrix',
  effort: 'Moeite',
  impact: 'Impact',
  low: 'laag',
  high: 'hoog',
  quadrants: { quickWin: 'Snelle winst', bigBet: 'Grote klap', filler: 'Opvullers', avoid: 'Niet doen' },
  scores: (i) => `moeite ${i.effort} · impact ${i.impact}`,
};

/** Ideas spread over the scale, with many on the same spot to force crowding. */
function ideas(count: number): MatrixIdea[] {
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, text: `Idee ${i + 1} <met> & tekens`, effort: 1 + ((i * 7) % 9) / 2, impact: 1 + ((i * 5) % 9) / 2 }));
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('pictures', () => {
  it('names quadrants by average effort and impact, with 3 as the middle', () => {
    expect(quadrantOf({ effort: 1.5, impact: 4.5 })).toBe('quickWin');
    expect(quadrantOf({ effort: 4, impact: 4 })).toBe('bigBet');
    expect(quadrantOf({ effort: 2, impact: 2 })).toBe('filler');
    expect(quadrantOf({ effort: 4.5, impact: 1 })).toBe('avoid');
    expect(quadrantOf({ effort: 3, impact: 3 })).toBe('bigBet');
  });

  it.each([8, 20, 40])('places %i ideas without covering each other, each inside its own quadrant', (count) => {
    const placed = placeIdeas(ideas(count));
    expect(placed).toHaveLength(count);
    for (const a of placed) {
      for (const b of placed) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(28);
    }
    // The plot spans x 110..670 and y 64..624; the middle lines are at 390 and 344.
    for (const p of placed) {
      const left = p.x < 390;
      const top = p.y < 344;
      expect({ n: p.number, q: p.quadrant }).toEqual({ n: p.number, q: top ? (left ? 'quickWin' : 'bigBet') : left ? 'filler' : 'avoid' });
    }
  });

  it('renders a valid PNG of sensible size, with every number in the SVG at its quadrant and an alt text', async () => {
    const seeded: MatrixIdea[] = [
      { number: 1, text: 'Taskforce', effort: 1.5, impact: 4.5 },
      { number: 2, text: 'Nieuwbouw', effort: 5, impact: 5 },
      { number: 3, text: 'Folder', effort: 1, impact: 1.5 },
      { number: 4, text: 'Rapport', effort: 4.5, impact: 1 },
    ];
    const picture = await impactMatrixPicture(seeded, labels, 'matrix.png');
    expect([...picture.png.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(pngSize(picture.png)).toEqual({ width: picture.width, height: picture.height });
    expect(picture.png.length).toBeGreaterThan(5_000);
    expect(picture.png.length).toBeLessThan(400_000);
    for (const [n, q] of [[1, 'quickWin'], [2, 'bigBet'], [3, 'filler'], [4, 'avoid']]) {
      expect(picture.svg).toMatch(new RegExp(`data-number="${n}" data-quadrant="${q}"[^]*?>${n}</text>`));
    }
    expect(picture.alt).toBe('Impactmatrix. Snelle winst: 1. Grote klap: 2. Opvullers: 3. Niet doen: 4.');
  });

  it('escapes idea text in the SVG', async () => {
    const picture = await impactMatrixPicture(ideas(2), labels, 'm.png');
    expect(picture.svg).toContain('Idee 1 &lt;met&gt; &amp; tekens');
    expect(picture.svg).not.toContain('<met>');
  });

  it('draws one bar per week for the wins chart', async () => {
    const weeks = [2, 0, 3, 5].map((wins, i) => ({ label: `wk ${45 + i}`, wins }));
    const picture = await winsChartPicture(weeks, 'Gelukt per week', 'wins.png');
    expect(picture.svg.match(/class="bar"/g)).toHaveLength(4);
    expect(picture.alt).toBe('Gelukt per week: wk 45 2, wk 46 0, wk 47 3, wk 48 5.');
    expect(pngSize(picture.png)).toEqual({ width: 600, height: 260 });
  });
});
