/**
 * The impact matrix of a session: averages per idea, the picture (through the pictures service)
 * and the same content as text, for screen readers, the console and anyone who would rather read.
 */
import type { OutgoingMessage, Translate } from '../core/index.ts';
import { impactMatrixPicture, quadrantOf, QUADRANTS, type MatrixIdea, type Quadrant } from '../pictures/index.ts';
import { averages, type IdeaSession } from './session.ts';
import { scoreLine } from './views.ts';

/** The ideas that have scores, placed by their averages. */
export function matrixIdeas(s: IdeaSession): MatrixIdea[] {
  return s.groups.flatMap((g) => {
    const a = averages(s, g.number);
    return a ? [{ number: g.number, text: g.text, effort: a.effort, impact: a.impact }] : [];
  });
}

/** The quadrant's name of a scored group, for the report. */
export function quadrantNamer(t: Translate, s: IdeaSession): (group: number) => string | undefined {
  const placed = new Map(matrixIdeas(s).map((i) => [i.number, quadrantOf(i)]));
  return (group) => {
    const q = placed.get(group);
    return q ? t(`ideas.quadrant.${q}`) : undefined;
  };
}

/** Quick wins first, then big bets, fillers, and what not to do; within each, the most impact first. */
export function bestFirst(s: IdeaSession): number[] {
  const rank: Record<Quadrant, number> = { quickWin: 0, bigBet: 1, filler: 2, avoid: 3 };
  const scored = matrixIdeas(s).sort((a, b) => rank[quadrantOf(a)] - rank[quadrantOf(b)] || b.impact - a.impact || a.effort - b.effort || a.number - b.number);
  const rest = s.groups.map((g) => g.number).filter((n) => !scored.some((i) => i.number === n));
  return [...scored.map((i) => i.number), ...rest];
}

/** The matrix message: the picture when there is something to place, and the text version always. */
export async function matrixMessage(t: Translate, s: IdeaSession, pictures: boolean): Promise<OutgoingMessage> {
  const ideas = matrixIdeas(s);
  const lines = [`**${t('ideas.matrix.title', { code: s.code })}**`];
  for (const q of QUADRANTS) {
    const inQuadrant = ideas.filter((i) => quadrantOf(i) === q);
    lines.push(`**${t(`ideas.quadrant.${q}`)}**: ${inQuadrant.length ? inQuadrant.map((i) => `${i.number}. ${i.text} (${scoreLine(t, s.lang, i)})`).join('; ') : '–'}`);
  }
  const unscored = s.groups.filter((g) => !ideas.some((i) => i.number === g.number));
  if (unscored.length) lines.push(t('ideas.matrix.unscored', { numbers: unscored.map((g) => g.number).join(', ') }));
  const message: OutgoingMessage = { text: lines.join('\n') };
  if (!pictures || ideas.length === 0) return message;
  const picture = await impactMatrixPicture(
    ideas,
    {
      title: t('ideas.matrix.title', { code: s.code }),
      effort: t('ideas.scoring.effort'),
      impact: t('ideas.scoring.impact'),
      low: t('ideas.matrix.low'),
      high: t('ideas.matrix.high'),
      quadrants: { quickWin: t('ideas.quadrant.quickWin'), bigBet: t('ideas.quadrant.bigBet'), filler: t('ideas.quadrant.filler'), avoid: t('ideas.quadrant.avoid') },
      scores: (i) => scoreLine(t, s.lang, i),
    },
    `impactmatrix-${s.code}.png`,
  );
  return { ...message, picture };
}
