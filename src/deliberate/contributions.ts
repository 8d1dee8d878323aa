/**
 * What people say in a session: replies in its thread, and anonymous notes sent to the bot in a
 * direct message. Every note is redacted before it is stored, and stored with its step.
 */
import { stripEntryWord, networkId, sameTenant, type Turn } from '../core/index.ts';
import { privacyNotice, redact } from '../privacy/index.ts';
import { changeSession, methodOf, posterFor, tFor, tr, type Ctx } from './context.ts';
import { questionShape } from './moral-question.ts';
import { isParticipant, isRevealed, join, nextId, type Session } from './session.ts';
import { stepMessage } from './views.ts';

/**
 * Only emoji, Slack shortcodes (":+1:"), "+1" or punctuation: a reaction, not something said.
 */
export function isReactionOnly(text: string): boolean {
  const rest = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/:[a-z0-9_+'-]+:/gi, ' ')
    .replace(/(^|\s)[+-]1(?=\s|$)/g, ' ')
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\u20e3]/gu, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** A leading score 1–5 in the evaluation step: "4", "4 - fijn gesprek", "5/5 top". */
export function parseRating(text: string): { score: number; remark: string } | undefined {
  const m = /^([1-5])(?:\s*\/\s*5)?(?=$|[\s.,:;!)–-])[\s.,:;!)–-]*(.*)$/s.exec(text.trim());
  return m ? { score: Number(m[1]), remark: m[2].trim() } : undefined;
}

export async function sessionOfThread(ctx: Ctx, turn: Turn): Promise<Session | undefined> {
  const { message } = turn;
  if (message.isDirect || !message.threadId) return undefined;
  return (await ctx.sessions.get(networkId(turn.conversation), message.threadId))?.data;
}

/** A reply in a session's thread: stored as the sender's contribution to the open step. */
export async function threadContribution(ctx: Ctx, turn: Turn): Promise<void> {
  const found = await sessionOfThread(ctx, turn);
  if (!found) return;
  const method = methodOf(ctx, found);
  const body = stripEntryWord(turn.message.text, ctx.services.config.botName).body;
  if (found.status === 'ended' || !method) return void (await turn.replyPrivately({ text: turn.t('deliberate.contribution.after_end') }));
  if (!body) return void (await turn.replyPrivately({ text: turn.t('deliberate.contribution.empty') }));
  // A 👍 or "+1!" is a reaction, not a contribution: no note, no name under "Bijgedragen".
  if (isReactionOnly(body)) return;
  const now = ctx.services.clock.now();
  // Colleagues the platform mentioned keep their names (as at the edge), marked as mentions: Teams
  // gives "Bram de Vries" where Slack and the console give "@…", and an agreement's owner is a mention.
  const mentioned = turn.message.mentions.filter((m) => m.name.trim());
  const redaction = redact(markMentions(body, mentioned), now, { keepNames: [turn.user.name, ...mentioned.map((m) => m.name)].filter(Boolean) });
  const person = { id: turn.user.id, name: turn.user.name || turn.user.id };
  const step = method.steps[found.step];
  const rating = step.input === 'rating' ? parseRating(redaction.text) : undefined;
  // A typed score counts once, as a rating (like the buttons); only the words after it are a remark.
  const noteText = rating ? rating.remark : redaction.text;
  // "6 super" or "8/10" in the rating step: kept as a remark, and the writer hears that the scale is 1–5.
  const offScale = step.input === 'rating' && !rating && /^\d+(?:[.,]\d+)?(?=$|[\s/.,:;!)–-])/.test(redaction.text.trim());
  const { outcome, session } = await changeSession(ctx, networkId(turn.conversation), found.id, (s) => {
    if (s.status === 'ended') return 'ended';
    const joined = join(s, person, now);
    const ratings = rating ? [...joined.ratings.filter((r) => r.userId !== person.id), { userId: person.id, name: person.name, score: rating.score, at: now.toISOString() }] : joined.ratings;
    if (!noteText) return { ...joined, ratings, lastActivityAt: now.toISOString(), version: s.version + 1 };
    const [id, counted] = nextId(joined);
    const contribution = { id, step: s.step, userId: person.id, name: person.name, anonymous: false, text: noteText, at: now.toISOString() };
    return { ...counted, ratings, contributions: [...s.contributions, contribution], lastActivityAt: now.toISOString(), version: s.version + 1 };
  });
  if (outcome === 'ended') return void (await turn.replyPrivately({ text: turn.t('deliberate.contribution.after_end') }));
  if (outcome !== 'ok' || !session) return;
  turn.log.info({ session: session.id, step: session.step, chars: noteText.length, redacted: redaction.found.length }, 'deliberation contribution');
  const notice = privacyNotice(redaction, tr(turn));
  if (notice) await turn.replyPrivately({ text: notice });
  // In a blind step a reply in the thread is seen by all: it is kept, and the writer hears how to answer unseen.
  if (step.blind && !isRevealed(session, session.step)) await turn.replyPrivately({ text: turn.t('deliberate.blind.in_thread') });
  if (offScale) await turn.replyPrivately({ text: turn.t('deliberate.rating.off_scale') });
  const stepNow = methodOf(ctx, session)!.steps[session.step];
  if (stepNow.input === 'moral_question') await checkQuestion(ctx, turn, session, redaction.text);
  await redrawStep(ctx, session, turn);
}

/** "… taskforce Bram de Vries voor …" → "… taskforce @Bram de Vries voor …" for each mentioned name not marked yet. */
function markMentions(text: string, mentions: { name: string }[]): string {
  let out = text;
  for (const m of [...mentions].sort((a, b) => b.name.length - a.name.length)) {
    const name = m.name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[^@\\p{L}\\p{N}_])(${name})(?![\\p{L}\\p{N}_])`, 'gu'), '$1@$2');
  }
  return out;
}

async function checkQuestion(ctx: Ctx, turn: Turn, session: Session, question: string): Promise<void> {
  const shape = questionShape(question);
  if (shape === 'template') return;
  const t = tFor(ctx, session);
  await posterFor(ctx, session, turn).post({ text: t(shape === 'other' ? 'deliberate.question.unclear' : `deliberate.question.${shape}`) + '\n' + t('deliberate.question.template') });
}

async function redrawStep(ctx: Ctx, session: Session, turn?: Turn): Promise<void> {
  if (!session.stepMessageId) return;
  await posterFor(ctx, session, turn).update(session.stepMessageId, stepMessage(tFor(ctx, session), methodOf(ctx, session)!, session));
}

/** The turn's tenant as a query filter: sessions of other tenants are never even read. */
const tenantOf = (turn: Turn) => ({ platform: turn.message.platform, tenantId: turn.message.tenantId });

/** Running sessions (active or paused) of the turn's tenant only. */
async function runningInTenant(ctx: Ctx, turn: Turn): Promise<Session[]> {
  const where = tenantOf(turn);
  const docs = [...(await ctx.sessions.list({ where: { status: 'active', ...where } })), ...(await ctx.sessions.list({ where: { status: 'paused', ...where } }))];
  return docs.map((d) => d.data).filter((s) => sameTenant(turn.message, s));
}

/** The user's running sessions in this tenant (active or paused), newest first. */
async function sessionsOf(ctx: Ctx, turn: Turn, code?: number): Promise<Session[]> {
  const open = await runningInTenant(ctx, turn);
  const mine = code === undefined ? open.filter((s) => isParticipant(s, turn.user.id)) : open.filter((s) => s.code === code);
  return mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** No code and no session of one's own: name the codes of the sessions that do run here, never a made-up one. */
async function notInSession(ctx: Ctx, turn: Turn, bot: string): Promise<string> {
  const running = (await runningInTenant(ctx, turn)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!running.length) return turn.t('deliberate.anonymous.none_running', { bot });
  const codes = running.slice(0, 5).map((s) => `#${s.code}`).join(', ');
  return turn.t('deliberate.anonymous.none', { bot, code: running[0].code, codes, count: running.length });
}

/** `wegwijs beraad anoniem [#code] <tekst>` in a direct message. */
export async function anonymousContribution(ctx: Ctx, turn: Turn, args: string): Promise<void> {
  const bot = ctx.services.config.botName;
  if (!turn.message.isDirect) return void (await turn.replyPrivately({ text: turn.t('deliberate.anonymous.dm_only', { bot }) }));
  const m = /^#?(\d{1,6})(?=\s|$)\s*(.*)$/s.exec(args.trim());
  const hasCode = Boolean(m && args.trim().startsWith('#')) || Boolean(m && !m[2]);
  const code = hasCode ? Number(m![1]) : undefined;
  const body = (hasCode ? m![2] : args).trim();
  if (!body) return void (await turn.reply({ text: turn.t('deliberate.anonymous.usage', { bot }) }));
  const candidates = await sessionsOf(ctx, turn, code);
  if (candidates.length === 0) {
    const ended = code !== undefined ? (await ctx.sessions.list({ where: { code, ...tenantOf(turn) } })).some((d) => d.data.status === 'ended' && sameTenant(turn.message, d.data)) : false;
    if (!ended && code === undefined) return void (await turn.reply({ text: await notInSession(ctx, turn, bot) }));
    return void (await turn.reply({ text: turn.t(ended ? 'deliberate.contribution.after_end' : 'deliberate.anonymous.no_such_code', { bot, code: code ?? '' }) }));
  }
  if (candidates.length > 1) {
    const list = candidates.map((s) => `- #${s.code}: ${methodOf(ctx, s)?.name[turn.lang] ?? s.methodId} (#${s.channelName ?? s.channelId})`).join('\n');
    return void (await turn.reply({ text: `${turn.t('deliberate.anonymous.which', { bot, code: candidates[0].code })}\n${list}` }));
  }
  const target = candidates[0];
  const now = ctx.services.clock.now();
  const redaction = redact(body, now);
  let blind = false;
  const { outcome, session } = await changeSession(ctx, networkId(target), target.id, (s) => {
    if (s.status === 'ended') return 'ended';
    // In a blind step an anonymous note stays hidden with the others until they are shown together.
    blind = Boolean(methodOf(ctx, s)?.steps[s.step]?.blind) && !isRevealed(s, s.step);
    const [id, counted] = nextId(s);
    const contribution = { id, step: s.step, anonymous: true, text: redaction.text, at: now.toISOString(), ...(blind ? { blind: true } : {}) };
    return { ...counted, contributions: [...s.contributions, contribution], lastActivityAt: now.toISOString(), version: s.version + 1 };
  });
  if (outcome === 'ended') return void (await turn.reply({ text: turn.t('deliberate.contribution.after_end') }));
  if (outcome !== 'ok' || !session) return void (await turn.reply({ text: turn.t('deliberate.error.not_found') }));
  turn.log.info({ session: session.id, step: session.step, chars: redaction.text.length, redacted: redaction.found.length }, 'deliberation anonymous contribution');
  const t = tFor(ctx, session);
  if (!blind) {
    const postedId = await posterFor(ctx, session).post({ text: t('deliberate.anonymous.posted_in_thread', { text: redaction.text }) });
    const mine = session.contributions[session.contributions.length - 1];
    if (postedId && mine) await changeSession(ctx, networkId(target), target.id, (s) => ({ ...s, contributions: s.contributions.map((c) => (c.id === mine.id ? { ...c, postedId } : c)) }));
  }
  await redrawStep(ctx, session);
  const notice = privacyNotice(redaction, tr(turn));
  await turn.reply({ text: [turn.t(blind ? 'deliberate.anonymous.thanks_blind' : 'deliberate.anonymous.thanks', { code: session.code }), notice].filter(Boolean).join('\n') });
}
