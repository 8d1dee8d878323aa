/**
 * Beraad (Deliberate): a facilitator runs a mini moral deliberation in a channel. The bot keeps
 * the steps, the time and the notes; the people do the thinking, and the bot never gives the
 * moral answer. Public entry of the feature: `createDeliberateFeature`.
 */
import { join } from 'node:path';
import { type Feature, DEFAULT_PROMPTS_DIR, fewWords, type Services, fold, networkId, stripEntryWord, type Turn, tenantKey } from '../core/index.ts';
import { defineKind } from '../store/index.ts';

const SESSION_KIND = defineKind('deliberation', { owner: 'deliberate', partition: 'network', about: 'deliberation sessions (contributions redacted)' });
import { createLlmClient, type LlmClient } from '../llm/index.ts';
import { sessionActions } from './actions.ts';
import { closeAt, readAsyncOption, stepMinutes } from './async.ts';
import { deliberationReportsPort } from './documents.ts';
import { hideCommand } from './hide.ts';
import { changeSession, methodOf, posterFor, tFor, tr, type Ctx } from './context.ts';
import { anonymousContribution, sessionOfThread, threadContribution } from './contributions.ts';
import { loadMethods, type Method } from './methods.ts';
import { exportDeliberateUser, forgetDeliberateUser } from './privacy.ts';
import { leave, SessionSchema, type Session } from './session.ts';
import { loadSynthesisPrompt } from './synthesis.ts';
import { deliberationTick } from './tick.ts';
import { guidanceMessage, methodsMessage, openingMessage, stepMessage } from './views.ts';

export { loadMethods, type Method, type MethodError, type MethodCatalogue } from './methods.ts';
export { questionShape } from './moral-question.ts';
export { parseAgreement, parseAgreements } from './agreements.ts';

export interface DeliberateOptions {
  /** Folder of the method files; default `<promptsDir>/deliberation`. */
  methodsDir?: string;
  /** An LLM client for the report synthesis; default `createLlmClient(config.llm)`. */
  llm?: LlmClient;
}

const START = new Set(['start', 'begin', 'starten']);
const ANONYMOUS = new Set(['anoniem', 'anonymous', 'anon']);
const LIST = new Set(['', 'methoden', 'methods', 'lijst', 'list']);
const HIDE = new Set(['verberg', 'verbergen', 'verwijder', 'hide', 'remove']);
const LEAVE = new Set(['verlaat', 'verlaten', 'uitstappen', 'leave']);

/** Builds the feature; loads and validates the method files now (bad files are logged and skipped). */
export function createDeliberateFeature(services: Services, options: DeliberateOptions = {}): Feature {
  const promptsDir = services.config.promptsDir ?? DEFAULT_PROMPTS_DIR;
  const dir = options.methodsDir ?? join(promptsDir, 'deliberation');
  const log = services.log.child({ feature: 'deliberate' });
  const { methods, errors } = loadMethods(dir, log);
  log.info({ methods: methods.length, errors: errors.length }, 'deliberation methods loaded');
  const ctx: Ctx = {
    services,
    methods,
    sessions: services.store.collection(SESSION_KIND, SessionSchema),
    llm: options.llm ?? createLlmClient(services.config.llm, log),
    prompt: loadSynthesisPrompt(join(promptsDir, 'deliberation', 'llm', 'synthesis.yaml'), log),
  };
  // The documents (Markdown, HTML) for the web console.
  services.ports.deliberationReports = deliberationReportsPort(ctx);
  return {
    name: 'deliberate',
    commands: [
      {
        names: ['beraad', 'deliberate', 'moreel beraad', 'deliberation'],
        usage: 'deliberate.usage_args',
        summaryKey: 'deliberate.summary',
        handler: (turn, args) => command(ctx, turn, args),
        // "beraad start kort", "beraad anoniem …"; another sentence ("moreel beraad, hoe lang duurt dat?") is a question.
        accepts: (args) => fewWords(args) || isSubcommand(ctx, args),
      },
    ],
    actions: sessionActions(ctx),
    // "wegwijs wat is meerzorg?" in a session's thread is a question for the bot, not a note.
    ownsThread: async (turn) => !questionToBot(turn, services.config.botName) && Boolean(await sessionOfThread(ctx, turn)),
    threadMessage: (turn) => threadContribution(ctx, turn),
    tick: (now) => deliberationTick(ctx, now),
    exportUser: (subject, view) => exportDeliberateUser(ctx, subject, view),
    forgetUser: (subject) => forgetDeliberateUser(ctx, subject),
  };
}

const QUESTION_START = /^(wat|wie|wanneer|waar|waarom|hoe|welke?|mag|moet|kan|kun|is|zijn|heeft|what|who|when|where|why|how|which|may|must|can|could|should|is|are|does|do)\b/i;

/** Text that starts with the bot's name and asks something. */
function questionToBot(turn: Turn, bot: string): boolean {
  const { body, entryWord } = stripEntryWord(turn.message.text, bot);
  return entryWord && body.length > 0 && (/\?\s*$/.test(body) || QUESTION_START.test(body));
}

/** Typed arguments that start with one of the command's own words (or a method's name). */
function isSubcommand(ctx: Ctx, args: string): boolean {
  const first = args.trim().split(/\s+/)[0] ?? '';
  const word = fold(first);
  return [ANONYMOUS, START, HIDE, LEAVE, LIST].some((set) => set.has(word)) || Boolean(findMethod(ctx.methods, first)) || word === ctx.services.ports.ideaSessions?.method.id;
}

async function command(ctx: Ctx, turn: Turn, args: string): Promise<void> {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const word = fold(first);
  const bot = ctx.services.config.botName;
  if (ANONYMOUS.has(word)) return anonymousContribution(ctx, turn, args.trim().slice(first.length));
  if (START.has(word)) return start(ctx, turn, rest.join(' '));
  if (HIDE.has(word)) return hideCommand(ctx, turn, await sessionOfThread(ctx, turn));
  if (LEAVE.has(word)) return leaveSession(ctx, turn);
  if (LIST.has(word)) return void (await turn.reply(methodsMessage(tr(turn), ctx.methods, turn.lang, bot, turn.t('deliberate.methods.intro'), otherMethods(ctx))));
  // "wegwijs beraad kort" is understood as "start kort".
  if (findMethod(ctx.methods, first) || fold(first) === ctx.services.ports.ideaSessions?.method.id) return start(ctx, turn, args);
  await turn.reply(methodsMessage(tr(turn), ctx.methods, turn.lang, bot, turn.t('deliberate.unknown_method', { method: first.slice(0, 40) }), otherMethods(ctx)));
}

/** Methods of other features (the crazy eight), for the list. */
function otherMethods(ctx: Ctx) {
  const ideas = ctx.services.ports.ideaSessions;
  return ideas ? [ideas.method] : [];
}

function findMethod(methods: Method[], typed: string): Method | undefined {
  const wanted = fold(typed.trim());
  if (!wanted) return undefined;
  const firstWord = (name: string) => fold(name).split(/\s+/)[0];
  return (
    methods.find((m) => m.id === wanted || fold(m.name.nl) === wanted || fold(m.name.en) === wanted) ??
    // "short" or "extended": the first word of the English name.
    methods.find((m) => firstWord(m.name.en) === wanted)
  );
}

/** `wegwijs beraad verlaat` in the session's thread. */
async function leaveSession(ctx: Ctx, turn: Turn): Promise<void> {
  const session = await sessionOfThread(ctx, turn);
  if (!session) return void (await turn.replyPrivately({ text: turn.t('deliberate.leave.where', { bot: ctx.services.config.botName }) }));
  if (session.facilitator.id === turn.user.id) return void (await turn.replyPrivately({ text: turn.t('deliberate.leave.facilitator') }));
  const { outcome, session: changed } = await changeSession(ctx, networkId(turn.conversation), session.id, (s) => (s.status === 'ended' ? 'ended' : leave(s, turn.user.id)));
  if (outcome !== 'ok' || !changed) return void (await turn.replyPrivately({ text: turn.t(outcome === 'ended' ? 'deliberate.error.ended' : 'deliberate.leave.not_in') }));
  await turn.replyPrivately({ text: turn.t('deliberate.leave.done') });
  const method = methodOf(ctx, changed);
  if (method && changed.stepMessageId) await turn.update(changed.stepMessageId, stepMessage(tFor(ctx, changed), method, changed));
}

async function start(ctx: Ctx, turn: Turn, typed: string): Promise<void> {
  const bot = ctx.services.config.botName;
  const { message } = turn;
  if (message.isDirect) return void (await turn.reply({ text: turn.t('deliberate.start.channel_only', { bot }) }));
  const running = await sessionOfThread(ctx, turn);
  if (running) {
    const key = running.status === 'ended' ? 'deliberate.start.thread_ended' : 'deliberate.start.already';
    return void (await turn.replyPrivately({ text: turn.t(key, { name: running.facilitator.name }) }));
  }
  const option = readAsyncOption(typed);
  if (option.error) return void (await turn.reply({ text: turn.t('deliberate.async.bad_time', { time: option.error.slice(0, 40), bot }) }));
  typed = option.rest;
  const method = findMethod(ctx.methods, typed);
  // "beraad start crazy-eight": a method the ideas feature runs.
  const [firstWord = '', ...restWords] = typed.trim().split(/\s+/);
  const ideas = ctx.services.ports.ideaSessions;
  if (!method && ideas && fold(firstWord) === ideas.method.id) return ideas.start(turn, restWords.join(' '));
  if (!method) {
    const intro = typed.trim() ? turn.t('deliberate.unknown_method', { method: typed.trim().slice(0, 40) }) : turn.t('deliberate.start.which');
    return void (await turn.reply(methodsMessage(tr(turn), ctx.methods, turn.lang, bot, intro, otherMethods(ctx))));
  }
  const now = ctx.services.clock.now();
  const pk = networkId(turn.conversation);
  const network = await turn.network();
  const facilitator = { id: turn.user.id, name: turn.user.name || turn.user.id };
  const code = await ctx.services.store.nextNumber(tenantKey(message), 'deliberation');
  const lang = turn.lang;
  const t = ctx.services.catalog.translator(lang);
  const opening = await turn.post(openingMessage(t, method, { facilitator, code, lang, mode: option.async ? 'async' : undefined, stepMinutes: option.async?.minutes }, bot));
  const first = method.steps[0];
  const session: Session = {
    id: opening.id,
    code,
    platform: message.platform,
    tenantId: message.tenantId,
    channelId: message.channelId,
    channelName: message.channelName,
    threadId: opening.id,
    methodId: method.id,
    lang,
    timeZone: network?.data.timeZone ?? ctx.services.config.timeZone,
    facilitator,
    participants: [],
    status: 'active',
    step: 0,
    stepStartedAt: now.toISOString(),
    stepEndsAt: new Date(now.getTime() + first.timebox_minutes * 60_000).toISOString(),
    ...(option.async ? { mode: 'async' as const, stepMinutes: option.async.minutes } : {}),
    contributions: [],
    ratings: [],
    lastActivityAt: now.toISOString(),
    createdAt: now.toISOString(),
    version: 1,
  };
  if (option.async) session.stepEndsAt = closeAt(now, stepMinutes(method, session, 0), session.timeZone).toISOString();
  await ctx.sessions.create(pk, session.id, session);
  turn.log.info({ session: session.id, method: method.id, code }, 'deliberation started');
  // Through the session's poster, so the network's facilitators may steer too (posterFor).
  const cardId = await posterFor(ctx, session, turn).post(stepMessage(t, method, session));
  await changeSession(ctx, pk, session.id, (s) => (s.stepMessageId || !cardId ? 'unchanged' : { ...s, stepMessageId: cardId }));
  await turn.replyPrivately(guidanceMessage(t, method, session));
}
