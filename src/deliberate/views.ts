/**
 * The cards of a session: the opening card, one card per step, the pause notice and the list of
 * methods. Built from stored state only, so the tick and a restarted process draw the same cards.
 */
import { button, buttons, card, cardMessage, clockTime, context, fields, networkId, text, type Button, type OutgoingMessage, type Lang, type Translate } from '../core/index.ts';
import { local, type Method } from './methods.ts';
import { contributorsOf, isAsync, isRevealed, type Session } from './session.ts';
import { WORKDAY_MINUTES, workingTimeParts } from './working-time.ts';
import { tally, voteOptions, voters } from './votes.ts';

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
  answer: 'deliberate.answer',
  submit: 'deliberate.submit',
  reveal: 'deliberate.reveal',
  vote: 'deliberate.vote',
  unvote: 'deliberate.unvote',
  hide: 'deliberate.hide',
  download: 'deliberate.download',
} as const;

/** A button label within every platform's limit (Slack: 75 characters). */
export function short(label: string, max = 60): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** Weekday, date and time in the network's time zone: when an asynchronous step closes. */
export function dayTime(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}


/** A method another feature runs (the crazy eight, through the `ideaSessions` port), listed with these. */
export interface OtherMethod {
  id: string;
  name: { nl: string; en: string };
  summary: { nl: string; en: string };
  minutes: number;
}

export function methodsMessage(t: Translate, methods: Method[], lang: Lang, bot: string, intro?: string, others: OtherMethod[] = []): OutgoingMessage {
  const lines = [
    ...methods.map((m) => `- **${m.id}**: ${local(m.name, lang)} (~${m.duration_minutes} min). ${local(m.description, lang)}`),
    ...others.map((m) => `- **${m.id}**: ${m.name[lang]} (${t('deliberate.methods.writing_minutes', { minutes: m.minutes })}). ${m.summary[lang]}`),
  ];
  return cardMessage(
    card(
      { title: t('deliberate.methods.title') },
      intro ? text(intro) : undefined,
      text(lines.length ? lines.join('\n') : t('deliberate.methods.none')),
      context(t('deliberate.methods.usage', { bot, example: methods[0]?.id ?? 'kort' })),
    ),
  );
}

/** "1 werkdag", "2 werkdagen", "8 werkuur": an asynchronous step's open time. */
function workingTimeText(t: Translate, minutes: number): string {
  const { days, hours } = workingTimeParts(minutes);
  if (days === 1) return t('deliberate.async.working_day');
  return days ? t('deliberate.async.working_days', { n: days }) : t('deliberate.async.working_hours', { n: hours ?? 0 });
}

export function openingMessage(
  t: Translate,
  method: Method,
  session: Pick<Session, 'facilitator' | 'code' | 'lang' | 'mode' | 'stepMinutes'>,
  bot: string,
  options: { ended?: boolean } = {},
): OutgoingMessage {
  const async = session.mode === 'async';
  return cardMessage(
    card(
      { title: t('deliberate.opening.title', { method: local(method.name, session.lang) }) },
      text(local(method.description, session.lang)),
      fields(
        [t('deliberate.field.facilitator'), session.facilitator.name],
        async
          ? [t('deliberate.field.form'), t('deliberate.async.form', { time: workingTimeText(t, session.stepMinutes ?? WORKDAY_MINUTES) })]
          : [t('deliberate.field.duration'), t('deliberate.minutes', { n: method.duration_minutes })],
        [t('deliberate.field.steps'), String(method.steps.length)],
        [t('deliberate.field.code'), `#${session.code}`],
      ),
      text(t('deliberate.opening.privacy')),
      async ? text(t('deliberate.async.how')) : undefined,
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
  const until = isAsync(session) ? dayTime(session.stepEndsAt, session.timeZone, lang) : clockTime(session.stepEndsAt, session.timeZone, lang);
  const timebox = isAsync(session) ? t('deliberate.step.async_until', { until }) : t('deliberate.step.timebox', { n: step.timebox_minutes, until });
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
    steer.push(button(isAsync(session) ? t('deliberate.button.extend_async') : t('deliberate.button.extend', { n: 5 }), ACTION.extend, value));
    if (!last) steer.push(button(t('deliberate.button.end'), ACTION.end, value, 'danger'));
  }
  const open = !options.closed && session.status !== 'ended';
  const rating = open && step.input === 'rating' ? [1, 2, 3, 4, 5].map((n) => button(String(n), ACTION.rate, { ...value, n })) : [];
  const stepTitle = t('deliberate.step.title', { n: session.step + 1, total: method.steps.length, title: local(step.title, lang) });
  const people = [session.facilitator.id, ...session.participants.map((p) => p.id).filter((id) => id !== session.facilitator.id)];
  return announced(open ? { text: stepTitle, to: people } : undefined, cardMessage(
    card(
      { title: stepTitle },
      status ? text(`**${status}**`) : undefined,
      text(local(step.prompt, lang)),
      fields(
        [t('deliberate.field.timebox'), timebox],
        [t('deliberate.field.participants'), participants.join(', ')],
        [t('deliberate.field.contributed'), contributed.length ? contributed.join(', ') : '–'],
      ),
      step.each_participant ? text(t('deliberate.step.each_participant')) : undefined,
      step.each_participant && !options.closed && waiting.length ? fields([t('deliberate.field.waiting'), waiting.join(', ')]) : undefined,
      step.input === 'rating' && open ? text(t('deliberate.step.rating')) : undefined,
      rating.length ? buttons(...rating) : undefined,
      ...blindElements(t, method, session, open),
      ...voteElements(t, method, session, open),
      open ? buttons(button(t('deliberate.button.join'), ACTION.join, { s: session.id })) : undefined,
      steer.length ? buttons(...steer.map((b) => ({ ...b, actors: [session.facilitator.id] }))) : undefined,
      open ? context(t('deliberate.step.steer_note', { name: session.facilitator.name })) : undefined,
    ),
  ));
}

/** A step that is open is announced live where the platform can (an in-meeting notification in Teams). */
function announced(announce: OutgoingMessage['announce'], message: OutgoingMessage): OutgoingMessage {
  return announce ? { ...message, announce } : message;
}

/** A blind step: how it works, how many answers are in, and the private form and "Toon alles" buttons. */
function blindElements(t: Translate, method: Method, session: Session, open: boolean) {
  const step = method.steps[session.step];
  // Asynchronous: every step that asks for words can be answered from a form as well as in the thread.
  if (!step.blind) return open && isAsync(session) && step.input !== 'none' && step.input !== 'rating' ? [buttons(button(t('deliberate.button.answer'), ACTION.answer, { s: session.id, i: session.step }))] : [];
  const value = { s: session.id, i: session.step };
  const revealed = isRevealed(session, session.step);
  const count = session.contributions.filter((c) => c.step === session.step && c.blind).length;
  const list = revealed
    ? [text(t('deliberate.blind.revealed'))]
    : [text(t(isAsync(session) ? 'deliberate.blind.explain_async' : 'deliberate.blind.explain')), fields([t('deliberate.field.answers'), t('deliberate.blind.count', { n: count })])];
  if (open && !revealed) {
    list.push(
      buttons(
        button(t('deliberate.button.answer'), ACTION.answer, value, 'primary'),
        ...(isAsync(session) ? [] : [{ ...button(t('deliberate.button.reveal'), ACTION.reveal, value), actors: [session.facilitator.id] }]),
      ),
    );
  }
  return list;
}

/** A voting step: the options as buttons (one dot per press) and, when not blind or once revealed, the dots so far. */
function voteElements(t: Translate, method: Method, session: Session, open: boolean) {
  const step = method.steps[session.step];
  if (!step.vote) return [];
  const options = voteOptions(method, session, session.step);
  if (!options.length) return [text(t('deliberate.vote.no_options'))];
  const hidden = step.blind && !isRevealed(session, session.step);
  const list = [text(t('deliberate.vote.explain', { n: step.vote }))];
  const results = tally(method, session, session.step);
  const number = new Map(options.map((o, i) => [o.id, i + 1]));
  list.push(
    hidden
      ? text(options.map((o, i) => `${i + 1}. ${o.text}`).join('\n'))
      : text(results.map((r) => `${number.get(r.option.id)}. ${r.option.text}${r.dots ? ` ${'●'.repeat(r.dots)} (${r.dots})` : ''}`).join('\n')),
    context(t(hidden ? 'deliberate.vote.hidden' : 'deliberate.vote.voters', { n: voters(session, session.step) })),
  );
  if (open) {
    const value = { s: session.id, i: session.step };
    list.push(buttons(...options.map((o, i) => button(short(`● ${i + 1}. ${o.text}`), ACTION.vote, { ...value, o: o.id }))));
    list.push(buttons(button(t('deliberate.button.unvote'), ACTION.unvote, value)));
  }
  return list;
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
      // `net`: where a platform without private messages in a channel (Teams) sends this, a 1:1
      // chat, the press still finds the session (load checks the tenant and who may steer).
      buttons(button(t('deliberate.button.end_confirm'), ACTION.end, { s: session.id, i: step, ok: true, net: networkId(session) }, 'danger'), button(t('deliberate.button.end_cancel'), ACTION.keep, { s: session.id })),
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
