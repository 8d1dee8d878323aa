/**
 * The dot buttons of a voting step: one press is one dot; "wis mijn stippen" takes them back.
 * The person hears privately how many dots they have left; the card is redrawn for everyone.
 */
import type { IncomingAction, Turn } from '../core/index.ts';
import { sessionFor } from './blind.ts';
import { changeSession, methodOf, posterFor, sessionPk, tFor, type Ctx } from './context.ts';
import { join } from './session.ts';
import { stepMessage } from './views.ts';
import { castVote, dotsUsed, type VoteResult } from './votes.ts';

const REFUSAL: Record<Exclude<VoteResult, object>, string> = {
  limit: 'deliberate.vote.limit',
  gone: 'deliberate.vote.gone',
  stale: 'deliberate.error.stale',
  ended: 'deliberate.error.ended',
  unchanged: 'deliberate.vote.none_to_clear',
};

export async function voteAction(ctx: Ctx, turn: Turn, action: IncomingAction, add: boolean): Promise<void> {
  const session = await sessionFor(ctx, turn, action.value?.s);
  const method = session && methodOf(ctx, session);
  if (!session || !method) return void (await turn.replyPrivately({ text: turn.t('deliberate.error.not_found') }));
  const step = typeof action.value?.i === 'number' ? action.value.i : -1;
  const option = add ? (typeof action.value?.o === 'string' ? action.value.o : '') : undefined;
  const now = ctx.services.clock.now();
  const person = { id: turn.user.id, name: turn.user.name || turn.user.id };
  let refusal: string | undefined;
  const { outcome, session: changed } = await changeSession(ctx, sessionPk(session), session.id, (s) => {
    const result = castVote(method, s, step, person.id, option, now.toISOString());
    if (typeof result === 'string') {
      refusal = REFUSAL[result];
      return 'unchanged';
    }
    return join(result, person, now);
  });
  if (outcome !== 'ok' || !changed) return void (await turn.replyPrivately({ text: turn.t(refusal ?? 'deliberate.error.stale', { n: method.steps[step]?.vote ?? 0 }) }));
  const dots = method.steps[step].vote!;
  const left = dots - dotsUsed(changed, step, person.id);
  await turn.replyPrivately({ text: turn.t(add ? 'deliberate.vote.counted' : 'deliberate.vote.cleared', { left, n: dots }) });
  if (changed.stepMessageId) await posterFor(ctx, changed, turn).update(changed.stepMessageId, stepMessage(tFor(ctx, changed), method, changed));
}
