/**
 * Ending a session: close the last step card, turn the agreements into actions in the network's
 * action log (when that port exists), add an LLM synthesis (when there is an LLM), store both,
 * and post the report in the thread. Runs only for the press that actually ended the session.
 */
import { errorCode, type ChatUser, type ConversationRef, type Turn } from '../core/index.ts';
import { redact } from '../privacy/index.ts';
import { changeSession, methodOf, posterFor, sessionPk, tFor, type Ctx } from './context.ts';
import { reportDocument } from './documents.ts';
import { agreementItems, notesText, reportMessage, reportSections } from './report.ts';
import type { Session } from './session.ts';
import { synthesise } from './synthesis.ts';
import { openingMessage, stepMessage } from './views.ts';

/**
 * `turn` is the press that ended it; without one (an asynchronous session whose last step closed)
 * the session's channel and facilitator stand in.
 */
export async function finishSession(ctx: Ctx, turn: Turn | undefined, before: Session, ended: Session): Promise<void> {
  const method = methodOf(ctx, ended)!;
  const log = turn?.log ?? ctx.services.log;
  // Pressed in a 1:1 chat (Teams' private confirmation): the actions belong to the session's channel.
  const channel: ConversationRef = (turn && !turn.message.isDirect ? turn.conversation : undefined) ??
    (await ctx.services.messenger.conversation(ended.platform, ended.tenantId, ended.channelId)) ?? { platform: ended.platform, tenantId: ended.tenantId, channelId: ended.channelId, isDirect: false };
  const by: ChatUser = turn?.user ?? { id: ended.facilitator.id, name: ended.facilitator.name };
  const t = tFor(ctx, ended);
  const poster = posterFor(ctx, ended, turn);
  if (before.stepMessageId) await poster.update(before.stepMessageId, stepMessage(t, method, before, { closed: true }));

  let actions: { number: number; title: string }[] | undefined;
  const items = agreementItems(method, ended);
  const port = ctx.services.ports.actionLog;
  if (items.length && port) {
    try {
      actions = await port.addActions(channel, items, by, { label: t('deliberate.source', { code: ended.code }) });
    } catch (err) {
      log.warn({ code: errorCode(err), session: ended.id }, 'adding agreed actions failed; listed in the report instead');
    }
  }

  const people = [ended.facilitator.name, ...ended.participants.map((p) => p.name), ...ended.contributions.map((c) => c.name ?? ''), ...ended.ratings.map((r) => r.name)];
  const generated = await synthesise(ctx.llm, ctx.prompt, notesText(reportSections(t, method, ended)), ended.lang, log, people);
  // What an LLM wrote is redacted too; the participants' own names stay.
  const synthesis = generated ? redact(generated, ctx.services.clock.now(), { keepNames: people }).text : undefined;

  const { session } = await changeSession(ctx, sessionPk(ended), ended.id, (s) => ({
    ...s,
    ...(actions?.length ? { actions } : {}),
    ...(synthesis ? { synthesis } : {}),
    version: s.version + 1,
  }));
  const final = session ?? { ...ended, actions, synthesis };
  log.info({ session: final.id, contributions: final.contributions.length, actions: actions?.length ?? 0, synthesis: Boolean(synthesis) }, 'deliberation ended');
  const reportId = await poster.post(reportMessage(t, method, final, { withButton: true }));
  if (reportId) await changeSession(ctx, sessionPk(final), final.id, (s) => ({ ...s, reportMessageId: reportId }));
  // The report as a Markdown file in the thread (uploaded in Slack, a file in the console); the text says where else it is.
  const document = reportDocument(ctx, final, 'md');
  if (document) await poster.post({ text: t('deliberate.doc.posted', { file: document.filename, bot: ctx.services.config.botName }), document });
  await poster.update(final.threadId, openingMessage(t, method, final, ctx.services.config.botName, { ended: true }));
}
