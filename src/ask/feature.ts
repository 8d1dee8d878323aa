/**
 * The ask feature in chat: free questions (DM or mention) answered from the knowledge base, in
 * the question's thread; follow-up buttons; 👍/👎 with a reason; `wegwijs rol` to choose a role.
 * Every question arrives redacted (the core's one pass at the edge) before anything is stored or
 * sent to an LLM, and retrieval runs on the redacted text.
 */
import { button, buttons, card, cardMessage, DEFAULT_KNOWLEDGE_DIR, fewWords, guessLanguage, text, type Feature, type IncomingAction, type Services, type Turn, tenantKey } from '../core/index.ts';
import { privacyNotice } from '../privacy/index.ts';
import { consoleKnowledgePort } from './console-port.ts';
import { AskEngine } from './engine.ts';
import { answerMessage } from './render.ts';
import { ASKED_TTL_SECONDS, FEEDBACK_REASONS, THREAD_TTL_SECONDS, exportAskUser, feedback, forgetAskUser, questionId, questions, recordGap, threadKey, type FeedbackReason } from './records.ts';
import { CHOOSABLE_ROLES, asRole, parseRole } from './roles.ts';
import { askNetworkButton, deliverAnswer, originOf, privateFirst, shareAnswer } from './share.ts';
import { createKnowledgeTopics } from './topics.ts';

/** Refusals that point at a gap in the knowledge base (the others are refusals by policy). */
const GAP_REFUSALS = new Set(['unknown', 'out_of_scope']);
const DM_CONTEXT_MS = 60 * 60 * 1000;

export interface AskFeatureOptions {
  /** A prepared engine (tests, benchmarks); by default built from the configuration. */
  engine?: AskEngine;
}

export function createAskFeature(services: Services, options: AskFeatureOptions = {}): Feature {
  const engine = options.engine ?? AskEngine.fromConfig(services.config, services.log, services.catalog);
  services.ports.consoleKnowledge = consoleKnowledgePort(services, () => engine.cards);
  services.ports.knowledgeTopics = createKnowledgeTopics(engine.cards, services.config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const { store, clock } = services;
  const tenant = (turn: Turn) => tenantKey(turn.message);
  const today = () => clock.now().toISOString().slice(0, 10);

  /** The thread a question belongs to: its own thread, the one its answer opens, or the DM. */
  const threadOf = (turn: Turn): string | undefined => {
    const m = turn.message;
    const thread = m.threadId ?? (m.isDirect ? 'dm' : m.messageId);
    return thread ? threadKey(m.channelId, thread) : undefined;
  };

  async function question(turn: Turn, body: string): Promise<void> {
    const now = clock.now();
    // The body was redacted at the edge (Bot.handle, the one pass); what was found there is the notice's.
    const redaction = { text: body, found: [...turn.redacted] };
    const lang = guessLanguage(redaction.text) ?? turn.lang;
    const threadId = threadOf(turn);
    // The person's role comes with the turn (the core read their record once); only the thread is read here.
    const earlier = threadId ? await questions(store).get(tenant(turn), threadId) : undefined;
    // In a direct message there are no threads: only a question from the last hour is context.
    const thread = earlier?.data.type === 'thread' ? earlier.data : undefined;
    const fresh = thread && (!turn.message.isDirect || turn.message.threadId || now.getTime() - Date.parse(thread.at) < DM_CONTEXT_MS);
    const contextText = fresh ? thread.text : undefined;
    const answer = await engine.answer(redaction.text, { role: asRole(turn.preferences?.role), lang, context: contextText });
    const qid = questionId(redaction.text);
    const at = now.toISOString();
    if (answer.answered) {
      // A follow-up keeps the thread's first question as context; a new topic replaces it.
      const contextToKeep = answer.usedContext && contextText ? contextText : redaction.text;
      // Both asked at once: one transaction of the store's group commit.
      await Promise.all([
        questions(store).put(tenant(turn), qid, { type: 'asked', text: redaction.text, lang: answer.lang, cards: answer.cards, at }, { ttlSeconds: ASKED_TTL_SECONDS }),
        threadId && questions(store).put(tenant(turn), threadId, { type: 'thread', text: contextToKeep, lang: answer.lang, at }, { ttlSeconds: THREAD_TTL_SECONDS }),
      ]);
    } else if (answer.refusal && GAP_REFUSALS.has(answer.refusal)) {
      await recordGap(store, tenant(turn), { text: redaction.text, lang: answer.lang, refusal: answer.refusal, cards: answer.suggestions.map((c) => c.id), at });
    }
    turn.log.info(
      { answered: answer.answered, refusal: answer.refusal, card: answer.card?.id, confidence: Number(answer.confidence.toFixed(3)), via: answer.via, redacted: redaction.found.length },
      'ask: question answered',
    );
    const t = turn.inLanguage(answer.lang);
    const translate = (key: string, vars?: Record<string, string | number>) => t.t(key, vars);
    const notice = privacyNotice(redaction, translate);
    await deliverAnswer(services, t, answer, { t: translate, questionId: qid, privacyNotice: notice, today: today(), extra: { buttons: [], channel: originOf(turn).channel } }, { text: redaction.text, id: qid });
  }

  async function show(turn: Turn, action: IncomingAction): Promise<void> {
    const id = String(action.value?.card ?? '');
    const found = engine.card(id);
    const lang = action.value?.lang === 'en' ? 'en' : action.value?.lang === 'nl' ? 'nl' : turn.lang;
    const t = turn.inLanguage(lang);
    if (!found) return void (await turn.replyPrivately({ text: t.t('ask.card.gone') }));
    const answer = engine.cardAnswer(found, lang, asRole(turn.preferences?.role));
    const expanded = answerMessage(answer, { t: (k, v) => t.t(k, v), questionId: String(action.value?.q ?? ''), today: today(), expanded: true });
    // "Meer uitleg" on a private answer stays private.
    if (await privateFirst(services, turn)) await t.replyPrivately(expanded);
    else await t.reply(expanded, { inThread: true });
  }

  async function vote(turn: Turn, action: IncomingAction, kind: 'up' | 'down'): Promise<void> {
    const qid = feedbackQuestionId(action.value?.q);
    // Only ids Wegwijs made are stored: a question id of the known shape, a card that exists.
    const cardId = typeof action.value?.card === 'string' && engine.card(action.value.card) ? action.value.card : undefined;
    if (!qid) return void (await turn.replyPrivately({ text: turn.t('core.action_unknown') }));
    const pk = tenant(turn);
    const at = clock.now().toISOString();
    let isNew = false;
    await feedback(store).update(pk, `${qid}:${turn.user.id}`, (current) => {
      if (current?.vote === kind) return undefined;
      isNew = true;
      return { questionId: qid, card: cardId, vote: kind, userId: turn.user.id, at };
    });
    turn.log.info({ vote: kind, card: cardId, changed: isNew }, 'ask: feedback');
    if (kind === 'up') return void (await turn.replyPrivately({ text: turn.t('ask.feedback.thanks') }));
    if (isNew) {
      const asked = await questions(store).get(pk, qid);
      if (asked?.data.type === 'asked') await recordGap(store, pk, { text: asked.data.text, lang: asked.data.lang, cards: asked.data.cards, down: true, at });
    }
    const reasons = FEEDBACK_REASONS.map((r) => button(turn.t(`ask.reason.${r}`), 'ask.reason', { q: qid, card: cardId ?? '', reason: r }));
    // After a 👎 the network may know better: "Vraag het netwerk" with the question asked.
    const asked = (await questions(store).get(pk, qid))?.data;
    // The channel asked in: this one (a 👎 value's own `c` carries no seal, so it is not trusted).
    const channel = originOf(turn).channel;
    const askNetwork = asked?.type === 'asked' ? askNetworkButton(services, (k, v) => turn.t(k, v), { text: asked.text, id: qid, lang: asked.lang }, { channel, message: '' }, turn.message) : undefined;
    await turn.replyPrivately(cardMessage(card({}, text(turn.t('ask.feedback.why')), buttons(...reasons))));
    if (askNetwork) await turn.replyPrivately(cardMessage(card({}, text(turn.t('peers.ask_network.hint')), buttons(askNetwork))));
  }

  async function reason(turn: Turn, action: IncomingAction): Promise<void> {
    const qid = feedbackQuestionId(action.value?.q);
    const why = String(action.value?.reason ?? '') as FeedbackReason;
    if (!qid || !FEEDBACK_REASONS.includes(why)) return void (await turn.replyPrivately({ text: turn.t('core.action_unknown') }));
    const pk = tenant(turn);
    let first = false;
    await feedback(store).update(pk, `${qid}:${turn.user.id}`, (current) => {
      if (!current || current.reason === why) return current ? undefined : { questionId: qid, vote: 'down', reason: why, userId: turn.user.id, at: clock.now().toISOString() };
      first = current.reason === undefined;
      return { ...current, reason: why };
    });
    const asked = await questions(store).get(pk, qid);
    if (first && asked?.data.type === 'asked') {
      await questions(store).update(pk, `gap-${questionId(asked.data.text)}`, (gap) => {
        if (gap?.type !== 'gap') return undefined;
        gap.reasons[why] = (gap.reasons[why] ?? 0) + 1;
        return gap;
      });
    }
    turn.log.info({ reason: why }, 'ask: feedback reason');
    await turn.replyPrivately({ text: turn.t('ask.feedback.noted') });
  }

  async function role(turn: Turn, args: string): Promise<void> {
    const choices = CHOOSABLE_ROLES.map((r) => `\`${r}\``).join(', ');
    const pk = tenant(turn);
    if (!args.trim()) {
      const current = turn.preferences?.role;
      return void (await turn.reply({ text: current ? turn.t('ask.role.current', { role: turn.t(`ask.role.name.${current}`), choices }) : turn.t('ask.role.none', { choices }) }));
    }
    const wanted = parseRole(args);
    if (!wanted) return void (await turn.reply({ text: turn.t('ask.role.unknown', { typed: args.trim().slice(0, 40), choices }) }));
    await store.users.update(pk, turn.user.id, (current) => ({ userId: turn.user.id, ...current, name: turn.user.name || current?.name, role: wanted }));
    await turn.reply({ text: turn.t('ask.role.set', { role: turn.t(`ask.role.name.${wanted}`) }) });
  }

  return {
    name: 'ask',
    commands: [
      {
        names: ['rol', 'role'],
        usage: '[clientondersteuner|zorgkantoor|zorgaanbieder|mantelzorgmakelaar|gemeente|facilitator]',
        summaryKey: 'ask.role.summary',
        handler: role,
        // "rol zorgkantoor", or a mistyped role; a longer sentence is a question about a role.
        accepts: (args) => fewWords(args) || parseRole(args) !== undefined,
      },
    ],
    actions: {
      show,
      up: (turn, action) => vote(turn, action, 'up'),
      down: (turn, action) => vote(turn, action, 'down'),
      reason,
      share: (turn, action) => shareAnswer(services, engine, turn, action, today()),
    },
    question,
    exportUser: (subject, view) => exportAskUser(store, subject, view),
    forgetUser: (subject) => forgetAskUser(store, subject),
  };
}

/** The question id on a feedback button, only in the shape `questionId` makes (so nothing else is stored). */
function feedbackQuestionId(value: unknown): string | undefined {
  return typeof value === 'string' && /^q-[0-9a-f]{20}$/.test(value) ? value : undefined;
}
