/**
 * The ask feature's side of the web console (`services.ports.consoleKnowledge`), for curators:
 * questions asked, answered and refused and 👍/👎 per week, the gaps with their reasons, and cards
 * to review (past valid_until, or with only old sources). Read from the tenant's partition only.
 * Answered questions are kept for two weeks (ASKED_TTL_SECONDS), so older weeks count the gaps
 * and the votes only.
 */
import type { ConsoleKnowledgePort, ConsoleKnowledgeWeek, Services } from '../core/index.ts';
import { addDays, endOfWeek, localDate, startOfLocalDay } from '../core/index.ts';
import type { KnowledgeCard } from './knowledge.ts';
import { feedback, questions } from './records.ts';

export function consoleKnowledgePort(services: Services, cards: () => KnowledgeCard[]): ConsoleKnowledgePort {
  return {
    async weeks(tenant, now, count, zone) {
      const lastSunday = endOfWeek(localDate(now, zone));
      const weeks: (ConsoleKnowledgeWeek & { start: string; end: string })[] = [];
      for (let i = count - 1; i >= 0; i--) {
        const monday = addDays(lastSunday, -6 - 7 * i);
        weeks.push({ week: monday, start: startOfLocalDay(monday, zone).toISOString(), end: startOfLocalDay(addDays(monday, 7), zone).toISOString(), asked: 0, answered: 0, refused: 0, up: 0, down: 0 });
      }
      const find = (at: string) => weeks.find((w) => at >= w.start && at < w.end);
      for (const doc of await questions(services.store).list({ pk: tenant })) {
        const q = doc.data;
        if (q.type === 'asked') {
          const w = find(q.at);
          if (w) (w.answered++, w.asked++);
        } else if (q.type === 'gap' && q.unanswered > 0) {
          // A gap keeps counts, not dates per ask: its refusals count in the week it was last asked.
          const w = find(q.lastAt);
          if (w) (w.refused += q.unanswered, w.asked += q.unanswered);
        }
      }
      for (const doc of await feedback(services.store).list({ pk: tenant })) {
        const w = find(doc.data.at);
        if (w) w[doc.data.vote]++;
      }
      return weeks.map(({ start: _s, end: _e, ...week }) => week);
    },
    async gaps(tenant, limit) {
      const gaps = (await questions(services.store).list({ pk: tenant })).flatMap((d) => (d.data.type === 'gap' ? [{ ...d.data, questionId: d.id.replace(/^gap-/, '') }] : []));
      return gaps
        .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
        .slice(0, limit)
        .map((g) => ({ questionId: g.questionId, text: g.text, count: g.count, unanswered: g.unanswered, down: g.down, reasons: { ...g.reasons }, refusal: g.refusal, lastAt: g.lastAt }));
    },
    staleCards(now, sourceYears) {
      const today = now.toISOString().slice(0, 10);
      const limit = `${Number(today.slice(0, 4)) - sourceYears}${today.slice(4)}`;
      const out = [];
      for (const card of cards()) {
        const dates = card.sources.map((s) => String(s.published ?? s.consulted ?? '')).filter(Boolean).sort();
        const newest = dates[dates.length - 1];
        const reasons: ('expired' | 'old_sources')[] = [];
        if (card.valid_until && card.valid_until < today) reasons.push('expired');
        if (newest && newest < limit) reasons.push('old_sources');
        if (reasons.length) out.push({ id: card.id, title: card.title, validUntil: card.valid_until, newestSource: newest, reasons });
      }
      return out;
    },
  };
}
