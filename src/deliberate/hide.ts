/**
 * Hiding a contribution that identifies a client (named or anonymous): only whoever steers the
 * session can do it. The text is deleted from the stored session, not flagged; what remains is
 * that one was removed (step, time, by whom), so the report can say so without its content. The
 * bot's own copies (an anonymous note, the revealed answers) are redrawn without it.
 */
import { button, buttons, card, cardMessage, context, text, type IncomingAction, type OutgoingMessage, type Translate, type Turn } from '../core/index.ts';
import { sessionFor, revealMessage } from './blind.ts';
import { canSteer, changeSession, methodOf, posterFor, sessionPk, tFor, type Ctx } from './context.ts';
import { local } from './methods.ts';
import { isRevealed, type Contribution, type Session } from './session.ts';
import { reportMessage } from './report.ts';
import { ACTION, short, stepMessage } from './views.ts';
import { contributionKey } from './votes.ts';

/** How many notes the list offers (the newest); older ones are reached by hiding newer first or in the report. */
const LIST_MAX = 15;

const privately = (turn: Turn, key: string, vars?: Record<string, string | number>) => turn.replyPrivately({ text: turn.t(key, vars) });

/** Notes the facilitator may see: everything except blind answers not yet revealed. */
function visible(session: Session): { c: Contribution; key: string }[] {
  return session.contributions
    .map((c, index) => ({ c, key: contributionKey(c, index) }))
    .filter(({ c }) => !c.blind || isRevealed(session, c.step));
}

export function hideListMessage(t: Translate, session: Session, titles: string[]): OutgoingMessage {
  const list = visible(session).slice(-LIST_MAX);
  if (!list.length) return { text: t('deliberate.hide.nothing') };
  const lines = list.map(({ c }, i) => `${i + 1}. [${titles[c.step] ?? c.step + 1}] ${c.anonymous ? t('deliberate.report.anonymous') : (c.name ?? '?')}: ${short(c.text.replace(/\n+/g, ' / '), 100)}`);
  return cardMessage(
    card(
      // Sent privately to whoever steers; on a platform that shows each person their own card, theirs alone.
      { title: t('deliberate.hide.title', { code: session.code }) },
      text(t('deliberate.hide.intro')),
      text(lines.join('\n')),
      buttons(...list.map(({ key }, i) => button(t('deliberate.button.hide', { n: i + 1 }), ACTION.hide, { s: session.id, c: key }, 'danger'))),
      context(t('deliberate.hide.note')),
    ),
  );
}

/** `wegwijs beraad verberg` in the session's thread: the list with a button per note, privately. */
export async function hideCommand(ctx: Ctx, turn: Turn, session: Session | undefined): Promise<void> {
  if (!session) return privately(turn, 'deliberate.hide.where', { bot: ctx.services.config.botName });
  const method = methodOf(ctx, session);
  if (!method) return privately(turn, 'deliberate.error.method_gone', { method: session.methodId });
  if (!(await canSteer(ctx, session, turn.user.id))) return privately(turn, 'deliberate.hide.not_facilitator', { name: session.facilitator.name });
  const t = tFor(ctx, session);
  await turn.replyPrivately(hideListMessage(t, session, method.steps.map((s) => local(s.title, session.lang))));
}

/** Removes one note and everything derived from it (its options' dots). Pure. */
export function removeContribution(session: Session, key: string, by: string, at: string): Session | 'unchanged' {
  const index = session.contributions.findIndex((c, i) => contributionKey(c, i) === key);
  if (index < 0) return 'unchanged';
  const gone = session.contributions[index];
  if (gone.blind && !isRevealed(session, gone.step)) return 'unchanged';
  return {
    ...session,
    contributions: session.contributions.filter((_, i) => i !== index),
    votes: session.votes?.filter((v) => !v.option.startsWith(`${key}:`)),
    removed: [...(session.removed ?? []), { step: gone.step, at, by }],
    version: session.version + 1,
  };
}

/** The "Verberg" button. */
export async function hideAction(ctx: Ctx, turn: Turn, action: IncomingAction): Promise<void> {
  const session = await sessionFor(ctx, turn, action.value?.s);
  const method = session && methodOf(ctx, session);
  if (!session || !method) return privately(turn, 'deliberate.error.not_found');
  if (!(await canSteer(ctx, session, turn.user.id))) return privately(turn, 'deliberate.hide.not_facilitator', { name: session.facilitator.name });
  const key = typeof action.value?.c === 'string' ? action.value.c : '';
  const gone = session.contributions.find((c, i) => contributionKey(c, i) === key);
  const now = ctx.services.clock.now().toISOString();
  const { outcome, session: changed } = await changeSession(ctx, sessionPk(session), session.id, (s) => removeContribution(s, key, turn.user.id, now));
  if (outcome !== 'ok' || !changed || !gone) return privately(turn, 'deliberate.hide.gone');
  turn.log.info({ session: changed.id, step: gone.step }, 'deliberation contribution hidden');
  await ctx.services.store.purge();
  const t = tFor(ctx, changed);
  const poster = posterFor(ctx, changed, turn);
  if (gone.postedId) await poster.update(gone.postedId, { text: t('deliberate.hide.placeholder') });
  const revealed = changed.revealMessages?.[String(gone.step)];
  if (gone.blind && revealed) await poster.update(revealed, revealMessage(t, method, changed, gone.step));
  if (changed.stepMessageId && changed.status !== 'ended') await poster.update(changed.stepMessageId, stepMessage(t, method, changed));
  // After the end: the report card is redrawn; a document shared earlier cannot be changed, so the facilitator hears so.
  if (changed.status === 'ended' && changed.reportMessageId) await poster.update(changed.reportMessageId, reportMessage(t, method, changed, { withButton: true }));
  if (changed.status === 'ended') await privately(turn, 'deliberate.hide.after_end');
  // A reply typed in the thread is the writer's own message: the bot cannot delete it there.
  const typed = !gone.anonymous && !gone.blind;
  await privately(turn, typed ? 'deliberate.hide.done_typed' : 'deliberate.hide.done', { name: gone.name ?? '' });
}
