/**
 * Blind steps (`blind: true` in the method): answers are given privately, in a form (a modal
 * where the platform has one, else a card only the person sees), and stored hidden. Nobody sees
 * them, the facilitator included, until "Toon alles" (or, in an asynchronous session, the close
 * of the step) posts them together in the thread, so nobody anchors on the first answer.
 */
import { button, buttons, card, cardMessage, fold, input, networkId, sameTenant, text, type IncomingAction, type OutgoingMessage, type Translate, type Turn } from '../core/index.ts';
import { privacyNotice, redact } from '../privacy/index.ts';
import { canSteer, changeSession, mayUseByDm, methodOf, posterFor, sessionPk, tFor, tr, type Ctx } from './context.ts';
import { local, type Method } from './methods.ts';
import { isAsync, isRevealed, join, nextId, type Contribution, type Session } from './session.ts';
import { ACTION, stepMessage } from './views.ts';

const ANONYMOUS_CHOICE = new Set(['anonymous', 'anoniem', 'anon', 'zonder naam', 'without name']);

const privately = (turn: Turn, key: string, vars?: Record<string, string | number>) => turn.replyPrivately({ text: turn.t(key, vars) });

/**
 * The session a button or form points at. In a channel: only this channel's sessions. From a
 * direct message (Teams shows a private form there): the running sessions of the same tenant.
 */
export async function sessionFor(ctx: Ctx, turn: Turn, id: unknown): Promise<Session | undefined> {
  if (typeof id !== 'string' || !id) return undefined;
  if (!turn.message.isDirect) {
    const doc = await ctx.sessions.get(networkId(turn.conversation), id);
    return doc && sameTenant(turn.message, doc.data) ? doc.data : undefined;
  }
  const where = { id, platform: turn.message.platform, tenantId: turn.message.tenantId };
  const docs = await ctx.sessions.list({ where });
  const found = docs.map((d) => d.data).find((s) => sameTenant(turn.message, s));
  return found && (await mayUseByDm(ctx, found, turn.user.id)) ? found : undefined;
}

/**
 * The private form is offered in a blind step (until it is revealed) and, in an asynchronous
 * session, in every step that asks for words: people answer from the reminder in their DMs.
 */
export function formOpen(method: Method, session: Session): boolean {
  const step = method.steps[session.step];
  if (!step) return false;
  if (step.blind) return !isRevealed(session, session.step);
  return isAsync(session) && step.input !== 'none' && step.input !== 'rating';
}

function answerForm(t: Translate, method: Method, session: Session) {
  const step = method.steps[session.step];
  return card(
    { title: t('deliberate.blind.form_title', { n: session.step + 1, title: local(step.title, session.lang) }) },
    text(local(step.prompt, session.lang)),
    input('answer', t('deliberate.blind.input'), { multiline: true, required: true }),
    input('as', t('deliberate.blind.as'), {
      kind: 'select',
      value: 'named',
      options: [
        { label: t('deliberate.blind.as_named'), value: 'named' },
        { label: t('deliberate.blind.as_anonymous'), value: 'anonymous' },
      ],
    }),
    text(t('deliberate.blind.form_note')),
  );
}

/** "Mijn antwoord": opens the private form for the open blind step. */
export async function openAnswerForm(ctx: Ctx, turn: Turn, action: IncomingAction): Promise<void> {
  const session = await sessionFor(ctx, turn, action.value?.s);
  const method = session && methodOf(ctx, session);
  if (!session || !method) return privately(turn, 'deliberate.error.not_found');
  if (session.status === 'ended') return privately(turn, 'deliberate.error.ended');
  if (action.value?.i !== session.step || !formOpen(method, session)) return privately(turn, 'deliberate.error.stale');
  const t = tFor(ctx, session);
  const form = answerForm(t, method, session);
  const value = { s: session.id, i: session.step };
  const opened = await turn.openModal({ title: t('deliberate.blind.modal_title'), card: form, submitActionId: ACTION.submit, submitLabel: t('deliberate.button.submit'), value });
  if (opened) return;
  // No modal on this platform: a form only this person sees (ephemeral, or a direct message).
  await turn.replyPrivately(cardMessage({ ...form, elements: [...form.elements, buttons(button(t('deliberate.button.submit'), ACTION.submit, value, 'primary'))] }));
}

/** The form sent: stored hidden (with the name, or anonymous), replacing the person's earlier named answer. */
export async function submitAnswer(ctx: Ctx, turn: Turn, action: IncomingAction): Promise<void> {
  const session = await sessionFor(ctx, turn, action.value?.s);
  const method = session && methodOf(ctx, session);
  if (!session || !method) return privately(turn, 'deliberate.error.not_found');
  const body = (action.inputs?.answer ?? '').trim();
  if (!body) return privately(turn, 'deliberate.blind.empty');
  // The select sends 'anonymous'; typed forms (the console) may say it in Dutch.
  const anonymous = ANONYMOUS_CHOICE.has(fold(action.inputs?.as ?? '').trim());
  const now = ctx.services.clock.now();
  // Inputs were redacted at the edge; once more here, for the notice to the writer.
  const redaction = redact(body, now, { keepNames: [turn.user.name].filter(Boolean) });
  const person = { id: turn.user.id, name: turn.user.name || turn.user.id };
  const step = typeof action.value?.i === 'number' ? action.value.i : -1;
  let blind = false;
  let added: Contribution | undefined;
  const { outcome, session: changed } = await changeSession(ctx, sessionPk(session), session.id, (s) => {
    if (s.status === 'ended') return 'ended';
    if (s.step !== step || !formOpen(method, s)) return 'stale';
    blind = Boolean(method.steps[s.step].blind);
    const [id, counted] = nextId(anonymous ? s : join(s, person, now));
    const contribution: Contribution = anonymous
      ? { id, step, anonymous: true, text: redaction.text, at: now.toISOString(), ...(blind ? { blind } : {}) }
      : { id, step, userId: person.id, name: person.name, anonymous: false, text: redaction.text, at: now.toISOString(), ...(blind ? { blind } : {}) };
    added = contribution;
    // A second named answer in a blind step replaces the first (nobody has seen it yet).
    const kept = anonymous || !blind ? counted.contributions : counted.contributions.filter((c) => !(c.step === step && c.blind && c.userId === person.id));
    return { ...counted, contributions: [...kept, contribution], lastActivityAt: now.toISOString(), version: s.version + 1 };
  });
  if (outcome === 'ended') return privately(turn, 'deliberate.contribution.after_end');
  if (outcome !== 'ok' || !changed) return privately(turn, 'deliberate.blind.closed');
  turn.log.info({ session: changed.id, step, chars: redaction.text.length, redacted: redaction.found.length, anonymous }, 'deliberation blind answer');
  const notice = privacyNotice(redaction, tr(turn));
  const thanks = blind ? (anonymous ? 'deliberate.blind.thanks_anonymous' : 'deliberate.blind.thanks') : 'deliberate.form.thanks';
  await turn.replyPrivately({ text: [turn.t(thanks), notice].filter(Boolean).join('\n') });
  let final = changed;
  if (!blind && added) {
    // Not blind: shown in the thread at once, by the bot (the writer answered from a form).
    const t = tFor(ctx, changed);
    const who = added.anonymous ? t('deliberate.report.anonymous') : (added.name ?? '');
    const postedId = await posterFor(ctx, changed, turn).post({ text: t('deliberate.form.posted', { name: who, text: added.text }) });
    const mine = added.id;
    if (postedId) final = (await changeSession(ctx, sessionPk(changed), changed.id, (s) => ({ ...s, contributions: s.contributions.map((c) => (c.id === mine ? { ...c, postedId } : c)) }))).session ?? changed;
  }
  await redraw(ctx, final, turn);
}

/** "Toon alles": the facilitator reveals the step's answers. */
export async function revealAction(ctx: Ctx, turn: Turn, action: IncomingAction): Promise<void> {
  const session = await sessionFor(ctx, turn, action.value?.s);
  if (!session || !methodOf(ctx, session)) return privately(turn, 'deliberate.error.not_found');
  if (!(await canSteer(ctx, session, turn.user.id))) return privately(turn, 'deliberate.error.not_facilitator', { name: session.facilitator.name });
  const step = typeof action.value?.i === 'number' ? action.value.i : -1;
  const done = await reveal(ctx, session, step, turn);
  if (done) return;
  // A second press (or a colleague's at the same moment) on the current step is not a stale card.
  const now = await sessionFor(ctx, turn, action.value?.s);
  await privately(turn, now && now.step === step && isRevealed(now, step) ? 'deliberate.blind.already_revealed' : 'deliberate.error.stale');
}

/**
 * Marks step `step` revealed (claimed through the store, so it happens once) and posts all its
 * answers in the thread. Used by the button and by the asynchronous close of a step.
 */
export async function reveal(ctx: Ctx, session: Session, step: number, turn?: Turn): Promise<Session | undefined> {
  const method = methodOf(ctx, session)!;
  const { outcome, session: changed } = await changeSession(ctx, sessionPk(session), session.id, (s) =>
    s.status === 'ended' ? 'ended' : !method.steps[step]?.blind || isRevealed(s, step) || s.step !== step ? 'stale' : { ...s, revealed: [...(s.revealed ?? []), step], version: s.version + 1 },
  );
  if (outcome !== 'ok' || !changed) return undefined;
  const poster = posterFor(ctx, changed, turn);
  const id = await poster.post(revealMessage(tFor(ctx, changed), method, changed, step));
  const final = id ? ((await changeSession(ctx, sessionPk(changed), changed.id, (s) => ({ ...s, revealMessages: { ...s.revealMessages, [String(step)]: id } }))).session ?? changed) : changed;
  ctx.services.log.info({ session: changed.id, step }, 'deliberation blind step revealed');
  await redraw(ctx, final, turn);
  return final;
}

/**
 * All answers of a revealed blind step, in the order given (not by who answered first on the
 * screen): the hidden ones from the form or `beraad anoniem`, and those typed in the thread (seen
 * already, but an answer all the same: "Alle antwoorden" means all).
 */
export function revealMessage(t: Translate, method: Method, session: Session, step: number): OutgoingMessage {
  const answers = session.contributions.filter((c) => c.step === step);
  const removed = (session.removed ?? []).filter((r) => r.step === step).length;
  const lines = answers.map((c) => `- ${c.anonymous ? t('deliberate.report.anonymous') : (c.name ?? '?')}: ${c.text.replace(/\n+/g, ' / ')}`);
  return cardMessage(
    card(
      { title: t('deliberate.blind.reveal_title', { n: step + 1, title: local(method.steps[step].title, session.lang) }) },
      text(lines.length ? lines.join('\n') : t('deliberate.blind.none')),
      removed ? text(t('deliberate.report.removed', { n: removed })) : undefined,
    ),
  );
}

async function redraw(ctx: Ctx, session: Session, turn?: Turn): Promise<void> {
  if (!session.stepMessageId || session.status === 'ended') return;
  await posterFor(ctx, session, turn).update(session.stepMessageId, stepMessage(tFor(ctx, session), methodOf(ctx, session)!, session));
}
