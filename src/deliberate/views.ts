/**
 * The cards of a session: the opening card, one card per step, the pause notice and the list of
 * methods. Built from stored state only, so the tick and a restarted process draw the same cards.
 */
import { button, buttons, card, cardMessage, context, fields, text, type Button, type OutgoingMessage, type Lang, type Translate } from '../core/index.ts';
import { local, type Method } from './methods.ts';
import { contributorsOf, type Session } from './session.ts';

export const ACTION = {
  join: 'deliberate.join',
  next: 'deliberate.next',
  back: 'deliberate.back',
  pause: 'deliberate.pause',
  resume: 'deliberate.resume',
  extend: 'deliberate.extend',
  end: 'deliberate.end',
  rate: 'deliberate.rate',
  report: 'deliberate.report',
  keep: 'deliberate.keep',
} as const;

/** Hours and minutes in the network's time zone. */
export function clockTime(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function methodsMessage(t: Translate, methods: Method[], lang: Lang, bot: string, intro?: string): OutgoingMessage {
  const lines = methods.map((m) => `- **${m.id}**: ${local(m.name, lang)} (~${m.duration_minutes} min). ${local(m.description, lang)}`);
  return cardMessage(
    card(
      { title: t('deliberate.methods.title') },
      intro ? text(intro) : undefined,
      text(lines.length ? lines.join('\n') : t('deliberate.methods.none')),
      context(t('deliberate.methods.usage', { bot, example: methods[0]?.id ?? 'kort' })),
    ),
  );
}

export function openingMessage(t: Translate, method: Method, session: Pick<Session, 'facilitator' | 'code' | 'lang'>, bot: string, options: { ended?: boolean } = {}): OutgoingMessage {
  return cardMessage(
    card(
      { title: t('deliberate.opening.title', { method: local(method.name, session.lang) }) },
      text(local(method.description, session.lang)),
      fields(
        [t('deliberate.field.facilitator'), session.facilitator.name],
        [t('deliberate.field.duration'), t('deliberate.minutes', { n: method.duration_minutes })],
        [t('deliberate.field.steps'), String(method.steps.length)],
        [t('deliberate.field.code'), `#${session.code}`],
      ),
      text(t('deliberate.opening.privacy')),
      options.ended ? text(`**${t('deliberate.opening.ended')}**`) : context(t('deliberate.opening.how', { bot, code: session.code })),
      options.ended ? undefined : buttons(button(t('deliberate.button.join'), ACTION.join, {}, 'primary')),
    ),
  );
}

export function stepMessage(t: Translate, method: Method, session: Session, options: { closed?: boolean } = {}): OutgoingMessage {
  const lang = session.lang;
  const step = method.steps[session.step];
  const last = session.step === method.steps.length - 1;
  const value = { s: session.id, i: session.step };
  const who = contributorsOf(session, session.step, step.input === 'rating');
  const contributed = [...who.names, ...(who.anonymous ? [t('deliberate.anonymous_count', { n: who.anonymous })] : [])];
  const spoke = new Set(session.contributions.filter((c) => c.step === session.step && c.userId).map((c) => c.userId));
  if (step.input === 'rating') for (const r of session.ratings) spoke.add(r.userId);
  const waiting = session.participants.filter((p) => p.id !== session.facilitator.id && !spoke.has(p.id)).map((p) => p.name);
  const participants = [session.facilitator.name, ...session.participants.filter((p) => p.id !== session.facilitator.id).map((p) => p.name)];
  const until = clockTime(session.stepEndsAt, session.timeZone, lang);
  const status = options.closed
    ? t('deliberate.step.closed')
    : session.status === 'paused'
      ? t(session.pausedReason === 'idle' ? 'deliberate.step.paused_idle' : 'deliberate.step.paused')
      : session.status === 'ended'
        ? t('deliberate.step.closed')
        : undefined;
  const steer: Button[] = [];
  if (!options.closed && session.status !== 'ended') {
    if (session.step > 0) steer.push(button(t('deliberate.button.back'), ACTION.back, value));
    if (last) steer.push(button(t('deliberate.button.finish'), ACTION.end, value, 'primary'));
    else steer.push(button(t('deliberate.button.next'), ACTION.next, value, 'primary'));
    steer.push(session.status === 'paused' ? button(t('deliberate.button.resume'), ACTION.resume, value) : button(t('deliberate.button.pause'), ACTION.pause, value));
    steer.push(button(t('deliberate.button.extend', { n: 5 }), ACTION.extend, value));
    if (!last) steer.push(button(t('deliberate.button.end'), ACTION.end, value, 'danger'));
  }
  const open = !options.closed && session.status !== 'ended';
  const rating = open && step.input === 'rating' ? [1, 2, 3, 4, 5].map((n) => button(String(n), ACTION.rate, { ...value, n })) : [];
  return cardMessage(
    card(
      { title: t('deliberate.step.title', { n: session.step + 1, total: method.steps.length, title: local(step.title, lang) }) },
      status ? text(`**${status}**`) : undefined,
      text(local(step.prompt, lang)),
      fields(
        [t('deliberate.field.timebox'), t('deliberate.step.timebox', { n: step.timebox_minutes, until })],
        [t('deliberate.field.participants'), participants.join(', ')],
        [t('deliberate.field.contributed'), contributed.length ? contributed.join(', ') : '–'],
      ),
      step.each_participant ? text(t('deliberate.step.each_participant')) : undefined,
      step.each_participant && !options.closed && waiting.length ? fields([t('deliberate.field.waiting'), waiting.join(', ')]) : undefined,
      step.input === 'rating' && open ? text(t('deliberate.step.rating')) : undefined,
      rating.length ? buttons(...rating) : undefined,
      open ? buttons(button(t('deliberate.button.join'), ACTION.join, { s: session.id })) : undefined,
      steer.length ? buttons(...steer) : undefined,
      open ? context(t('deliberate.step.steer_note', { name: session.facilitator.name })) : undefined,
    ),
  );
}

/** The facilitator's guidance for the open step: sent privately to whoever steers, never on the shared card. */
export function guidanceMessage(t: Translate, method: Method, session: Session): OutgoingMessage {
  const step = method.steps[session.step];
  return { text: t('deliberate.step.guidance', { n: session.step + 1, title: local(step.title, session.lang), guidance: local(step.guidance, session.lang) }) };
}

/** Asked privately before a session is ended early; the first button really ends it. */
export function confirmEndMessage(t: Translate, session: Session, step: number): OutgoingMessage {
  return cardMessage(
    card(
      {},
      text(t('deliberate.end.confirm', { step: step + 1 })),
      buttons(button(t('deliberate.button.end_confirm'), ACTION.end, { s: session.id, i: step, ok: true }, 'danger'), button(t('deliberate.button.end_cancel'), ACTION.keep, { s: session.id })),
    ),
  );
}

export function pausedMessage(t: Translate, session: Session, reason: 'facilitator' | 'idle'): OutgoingMessage {
  return cardMessage(
    card(
      {},
      text(t(reason === 'idle' ? 'deliberate.paused.idle' : 'deliberate.paused.facilitator', { name: session.facilitator.name })),
      buttons(button(t('deliberate.button.resume'), ACTION.resume, { s: session.id, i: session.step }, 'primary')),
    ),
  );
}
