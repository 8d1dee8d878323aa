/**
 * Both sides of a comparison ("X vs Y"): a side the shown sentences do not name gets the lead of
 * its own card; the sides no card knows are said to be unknown rather than explained as the other.
 */
import type { Lang } from '../core/index.ts';
import { indexTerms, isStopWord, words } from './analyze.ts';
import type { AskOptions } from './answer.ts';
import { definitionFirst } from './card-order.ts';
import { comparedSides } from './compare.ts';
import { composeAnswer, type AnswerPart } from './compose.ts';
import { MARGIN_ZONE } from './confidence.ts';
import { shapeQuestion, type Law, type QuestionShape } from './question.ts';
import { definingPattern } from './sentence-score.ts';
import type { Retriever } from './retriever.ts';

/** What covering a side needs of the engine. */
export interface SideSources {
  retriever: Retriever;
  laws: Law[];
  cardLaws: Map<string, string[]>;
}

/**
 * A comparison ("X vs Y") must show both sides: a side the shown sentences do not name gets the
 * lead of its own card when one clearly defines it (added to `parts`); the sides no card knows
 * are returned, so the answer can say so instead of explaining one side as if it were both.
 */
export function coverSides(shape: QuestionShape, parts: AnswerPart[], lang: Lang, role: AskOptions['role'], { retriever, laws, cardLaws }: SideSources): string[] {
  const sides = comparedSides(shape.text);
  if (!sides) return [];
  const unknown: string[] = [];
  for (const side of sides) {
    if (!words(side).some((w) => !isStopWord(w))) continue;
    const concepts = retriever.concepts(side);
    // A word no card uses at all: that side is not known.
    if (concepts.length === 0) {
      unknown.push(side);
      continue;
    }
    // A sentence (or title) that names the other side as well ("vier zorgwetten: de Wlz, de Wmo …")
    // explains neither: only one about this side alone shows it.
    const others = sides.filter((o) => o !== side).flatMap((o) => indexTerms(o).filter((t) => !isStopWord(t)));
    const alone = (terms: Iterable<string>) => {
      const set = new Set(terms);
      return !others.some((t) => set.has(t));
    };
    // (A side that is a law or a term of its own is shown by a sentence that says what it is, not by one that only
    // mentions it: "A Wlz client living at home gets …" does not tell a Wlz from a Wmo.)
    // When no card says what it is, a sentence that names it still shows it (no note that it is unknown).
    const defines = definingPattern(side);
    const shownBy = (keep: (c: AnswerPart['chosen'][number]) => boolean) =>
      new Set(parts.flatMap((p) => [...p.chosen.filter((c) => alone(c.terms) && keep(c)).flatMap((c) => [...c.terms]), ...(alone(indexTerms(p.card.title)) ? indexTerms(p.card.title) : [])]));
    // A part of a compound ("casus" in "casusregisseur") does not name the side; its stem or a synonym does.
    const own = (t: string) => !side.includes(t) || t.length >= 0.7 * (side.split(' ').find((w) => w.includes(t))?.length ?? 0);
    const covered = (shown: Set<string>) => concepts.every((c) => [...c.terms].some((t) => own(t) && shown.has(t)));
    if (covered(shownBy((c) => defines.test(c.folded)))) continue;
    // The side asked as "wat is X?": the card that defines X, as for a question of its own.
    const sideHits = retriever.retrieve(side, { role });
    const card = definitionFirst(sideHits.hits, new Set(concepts.flatMap((c) => [...c.terms])), lang, concepts)[0]?.card;
    // A part of a compound names the side no more here than above ("zorg" in "zorgcoördinator").
    const named = card ? indexTerms(`${card.title} ${card.topics.join(' ')}`) : [];
    const names = card && concepts.every((c) => [...c.terms].some((t) => own(t) && named.includes(t)));
    if (card && names && sideHits.confidence >= MARGIN_ZONE) {
      const sideShape = { ...shapeQuestion(`wat is ${side}`, laws), wants: ['define' as const] };
      const added = composeAnswer({ shape: sideShape, lang, concepts, laws, cardLaws }, [card]).parts[0];
      const same = parts.find((p) => p.card.id === card.id);
      // The card already shown ("vier zorgwetten: …") also defines this side: its sentence joins that part.
      const fresh = added?.chosen.filter((c) => alone(c.terms) && !same?.chosen.some((s) => s.position === c.position)).slice(0, 2) ?? [];
      if (added && same && fresh.length > 0) {
        const chosen = [...same.chosen, ...fresh].sort((a, b) => a.position - b.position);
        Object.assign(same, { chosen, sentences: chosen.map((c) => c.text) });
        continue;
      }
      if (added && !same) {
        parts.push({ ...added, sentences: added.sentences.slice(0, 2), chosen: added.chosen.slice(0, 2) });
        continue;
      }
    }
    if (!covered(shownBy(() => true))) unknown.push(side);
  }
  return unknown;
}
