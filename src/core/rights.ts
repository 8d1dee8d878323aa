/**
 * The people's rights (AVG) in the core: `wegwijs mijn gegevens` asks every feature what it keeps
 * about the person and sends it to them privately; `wegwijs vergeet mij` asks for confirmation and
 * then has every feature remove or anonymise it; and the retention job deletes old questions and
 * feedback once a day. The core only knows the shared records (preferences, conversation
 * references); each feature answers for its own records through its `exportUser`/`forgetUser` hooks.
 * The person is always the verified user of the turn, in the turn's verified tenant: nothing in
 * a payload chooses whose data is read or removed.
 */
import { randomInt } from 'node:crypto';
import { button, buttons, card, cardMessage, context, text, type CardElement, type OutgoingMessage } from './cards.ts';
import { errorCode } from './errors.ts';
import type { ActionHandler, Command, DataSubject, Feature, ForgetCount, UserDataSection } from './feature.ts';
import type { Lang, Translate } from './i18n.ts';
import type { IncomingAction } from './message.ts';
import type { Services } from './services.ts';
import { tenantKey } from './keys.ts';
import { escapeRegExp } from './text.ts';
import { formatInstant } from './time-zone.ts';
import type { Turn } from './turn.ts';
import { isConflict, type Doc, type Kind, type QueryOptions } from '../store/index.ts';

/**
 * The export is complete, however long: its text is cut into blocks and messages that every
 * platform shows whole (Slack: 3,000 characters per section; Teams: a card of about 28 KB).
 */
const MAX_BLOCK_CHARS = 2800;
const MAX_MESSAGE_CHARS = 10_000;
/** Above this many lines in all, the export starts with a summary of counts. */
const SUMMARY_FROM_LINES = 8;
/** How long a "vergeet mij" confirmation can be pressed. */
const CONFIRM_VALID_SECONDS = 60 * 60;
const CONFIRM_SCOPE = 'rights-forget';
/** Kinds the retention job deletes after `config.retentionDays`. */
export const RETAINED_KINDS: readonly Kind[] = ['question', 'feedback'];
const RETENTION_CLAIM_TTL_SECONDS = 3 * 86_400;

/** The stored stand-in for a forgotten person's name, in the language of the record's network. */
export const REMOVED_MEMBER_KEY = 'rights.removed_member';

export function removedMemberLabel(services: Pick<Services, 'catalog'>, lang: Lang): string {
  return services.catalog.t(lang, REMOVED_MEMBER_KEY);
}

/**
 * Replaces whole-word mentions of a person's names in free text by the label, so a forgotten
 * member is not named in titles and notes others wrote. A name matches as written (so the name
 * "Wil" does not replace the verb "wil"); "@name" matches in any case. Names shorter than 3
 * characters are left alone: too likely to be an ordinary word.
 */
export function scrubNames(value: string, names: readonly string[], label: string): string {
  const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return value;
  const alternatives = wanted.map(escapeRegExp).join('|');
  const edge = (flags: string, prefix: string) => new RegExp(`(?<![\\p{L}\\p{N}_@])${prefix}(?:${alternatives})(?![\\p{L}\\p{N}_])`, flags);
  return value.replace(edge('giu', '@'), label).replace(edge('gu', ''), label);
}

export interface Rights {
  commands: Command[];
  actions: Record<string, ActionHandler>;
  tick: (now: Date) => Promise<void>;
}

/** The rights commands, the confirmation button (`core.forget`) and the retention job. */
export function createRights(services: Services, features: () => readonly Feature[]): Rights {
  let checkedDay: string | undefined;
  return {
    commands: [
      { names: ['mijn gegevens', 'my data', 'mijn data'], summaryKey: 'rights.export.summary', handler: (turn) => exportCommand(turn, features()) },
      { names: ['vergeet mij', 'forget me'], summaryKey: 'rights.forget.summary', handler: (turn) => forgetCommand(turn) },
    ],
    actions: { forget: (turn, action) => confirmForget(turn, action, features()) },
    tick: async (now) => {
      // The day's claim is asked of the store once per instance and day, not on every tick.
      const day = now.toISOString().slice(0, 10);
      if (day === checkedDay) return;
      await enforceRetention(services, now);
      checkedDay = day;
    },
  };
}

/** The person of this turn: id and tenant from the verified request, plus the names they go by. */
/**
 * A feature's records of the person's tenant (for `mijn gegevens` and `vergeet mij`): queried by
 * platform and tenant, and checked again against the partition key, so no other tenant's record
 * can slip in.
 */
export async function tenantRecords<T extends { platform: string; tenantId: string }>(
  collection: { list(options?: QueryOptions): Promise<Doc<T>[]> },
  subject: Pick<DataSubject, 'platform' | 'tenantId'>,
): Promise<Doc<T>[]> {
  const prefix = `${tenantKey(subject)}:`;
  const all = await collection.list({ where: { platform: subject.platform, tenantId: subject.tenantId } });
  return all.filter((d) => d.pk.startsWith(prefix) && d.data.platform === subject.platform && d.data.tenantId === subject.tenantId);
}

export async function subjectOf(turn: Turn): Promise<DataSubject> {
  const { store } = turn.services;
  const { platform, tenantId, user } = turn.message;
  const prefix = `${tenantKey(turn.message)}:`;
  const memberships = (await store.members.list({ where: { userId: user.id } })).filter((d) => d.pk.startsWith(prefix));
  const names = [user.name, turn.preferences?.name, ...memberships.map((m) => m.data.name)].filter((n): n is string => Boolean(n && n.trim()));
  return { platform, tenantId, userId: user.id, names: [...new Set(names)] };
}

async function exportCommand(turn: Turn, features: readonly Feature[]): Promise<void> {
  const subject = await subjectOf(turn);
  const t: Translate = (key, vars) => turn.t(key, vars);
  const sections = [...(await coreSections(turn, subject, t))];
  for (const feature of features) {
    if (!feature.exportUser) continue;
    sections.push(...(await feature.exportUser(subject, { t, lang: turn.lang })).filter((s) => s.lines.length));
  }
  turn.log.info({ code: 'rights_export', sections: sections.length, records: sections.reduce((n, s) => n + s.count, 0) }, 'rights: data exported');
  await deliverPrivately(turn, exportMessages(turn, sections));
}

/** Preferences and direct-conversation references: shared records the core itself keeps. */
async function coreSections(turn: Turn, subject: DataSubject, t: Translate): Promise<UserDataSection[]> {
  const { config, catalog } = turn.services;
  const sections: UserDataSection[] = [];
  // The record as the core read it at the start of the turn (the subject is the turn's user).
  const prefs = turn.preferences;
  if (prefs) {
    const lines: string[] = [];
    if (prefs.name) lines.push(t('rights.export.prefs.name', { name: prefs.name }));
    if (prefs.language) lines.push(t('rights.export.prefs.language', { language: t(`rights.language.${prefs.language}`) }));
    if (prefs.role) {
      const roleKey = `ask.role.name.${prefs.role}`;
      lines.push(t('rights.export.prefs.role', { role: catalog.has(roleKey) ? t(roleKey) : prefs.role }));
    }
    sections.push({ title: t('rights.export.prefs.title'), lines, count: 1 });
  }
  const direct = await directConversations(turn.services, subject);
  if (direct.length) {
    sections.push({
      title: t('rights.export.conversations.title'),
      lines: direct.map((c) => t('rights.export.conversations.line', { when: formatInstant(new Date(c.data.lastSeenAt), config.timeZone, turn.lang) })),
      count: direct.length,
    });
  }
  return sections;
}

function directConversations(services: Services, subject: DataSubject) {
  return services.store.conversations.list({ pk: tenantKey(subject), where: { isDirect: true, userId: subject.userId } });
}

function exportMessages(turn: Turn, sections: UserDataSection[]): OutgoingMessage[] {
  const bot = turn.services.config.botName;
  const head: CardElement[] = [text(turn.t('rights.export.intro'))];
  if (!sections.length) head.push(text(turn.t('rights.export.nothing')));
  const total = sections.reduce((n, s) => n + s.lines.length, 0);
  if (total > SUMMARY_FROM_LINES) {
    head.push(context(`${turn.t('rights.export.summary_title')} ${sections.map((s) => `${s.title}: ${s.count}`).join(' · ')}`));
  }
  const blocks = sections.flatMap((section) => blocksOf(section).map((block) => text(block)));
  const footer = context(turn.t('rights.export.footer', { bot, days: turn.services.config.retentionDays }));
  // Messages of whole blocks, each within the size every platform shows.
  const parts: CardElement[][] = [[...head]];
  let size = 0;
  for (const block of blocks) {
    const length = block.type === 'text' ? block.text.length : 0;
    if (size + length > MAX_MESSAGE_CHARS && parts[parts.length - 1].length) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1].push(block);
    size += length;
  }
  parts[parts.length - 1].push(footer);
  const title = turn.t('rights.export.title');
  return parts.map((elements, i) => cardMessage(card({ title: parts.length > 1 ? `${title} (${i + 1}/${parts.length})` : title }, ...elements)));
}

/** A section as text blocks of at most MAX_BLOCK_CHARS: its heading, then "- line" per line. */
function blocksOf(section: UserDataSection): string[] {
  const pieces = section.lines.flatMap((line) => {
    const item = `- ${line}`;
    const cut: string[] = [];
    for (let at = 0; at < item.length; at += MAX_BLOCK_CHARS - 200) cut.push(item.slice(at, at + MAX_BLOCK_CHARS - 200));
    return cut;
  });
  const blocks: string[] = [];
  let current = `**${section.title}**`;
  for (const piece of pieces) {
    if (current.length + 1 + piece.length > MAX_BLOCK_CHARS) {
      blocks.push(current);
      current = `**${section.title}** …`;
    }
    current += `\n${piece}`;
  }
  blocks.push(current);
  return blocks;
}

/**
 * Only the person sees it: in a direct message as the answer; from a channel as a direct message
 * (with a private note where they asked), or privately in the channel when no DM can be opened.
 */
async function deliverPrivately(turn: Turn, messages: OutgoingMessage[]): Promise<void> {
  if (turn.message.isDirect) {
    for (const message of messages) await turn.reply(message);
    return;
  }
  try {
    for (const message of messages) await turn.sendDirect(message);
  } catch (err) {
    turn.log.warn({ code: errorCode(err) }, 'rights: direct message failed, answering privately');
    for (const message of messages) await turn.replyPrivately(message);
    return;
  }
  await turn.replyPrivately({ text: turn.t('rights.export.sent_direct') });
}

/**
 * The confirmation is kept in the store for an hour (a short-lived `event` record of this person
 * in this tenant), with a random number that the button carries. The button itself names nobody:
 * the person is whoever presses it, and only a press that matches their own pending confirmation
 * counts, so a button shown to, forwarded to or forged by someone else does nothing.
 */
const confirmationKey = (turn: Turn) => `${tenantKey(turn.message)}:${turn.user.id}`;

async function forgetCommand(turn: Turn): Promise<void> {
  const { store, clock, config } = turn.services;
  const nonce = randomInt(1, 2 ** 31);
  await store.docs.upsert('event', CONFIRM_SCOPE, confirmationKey(turn), { at: clock.now().toISOString(), nonce }, { ttlSeconds: CONFIRM_VALID_SECONDS });
  const confirm = button(turn.t('rights.forget.confirm'), 'core.forget', { n: nonce }, 'danger');
  const body = turn.t('rights.forget.explain', { bot: config.botName });
  await turn.replyPrivately(cardMessage(card({ title: turn.t('rights.forget.title') }, text(body), buttons(confirm))));
}

async function confirmForget(turn: Turn, action: IncomingAction, features: readonly Feature[]): Promise<void> {
  const pending = await turn.services.store.docs.read<{ nonce?: unknown }>('event', CONFIRM_SCOPE, confirmationKey(turn));
  if (!pending || typeof action.value?.n !== 'number' || pending.data.nonce !== action.value.n) {
    turn.log.info({ code: 'rights_confirm_invalid' }, 'rights: confirmation refused');
    return void (await turn.replyPrivately({ text: turn.t('rights.forget.invalid', { bot: turn.services.config.botName }) }));
  }
  const subject = await subjectOf(turn);
  const counts: ForgetCount[] = [];
  for (const feature of features) {
    if (feature.forgetUser) counts.push(...(await feature.forgetUser(subject)));
  }
  counts.push(...(await forgetCore(turn.services, subject, turn.message.isDirect ? turn.message.channelId : undefined)));
  await turn.services.store.purge();
  const done = counts.filter((c) => c.count > 0);
  turn.log.info({ code: 'rights_forget', kinds: done.length, records: done.reduce((n, c) => n + c.count, 0) }, 'rights: person forgotten');
  const lines = done.map((c) => `- ${turn.t(c.key, { count: c.count })}`);
  const body = done.length ? `${turn.t('rights.forget.done')}\n${lines.join('\n')}` : turn.t('rights.forget.nothing');
  await turn.replyPrivately({ text: `${body}\n\n${turn.t('rights.forget.after')}` });
}

/**
 * The shared records: preferences, and the references to the person's direct conversations. The
 * conversation this turn came from is removed too but not counted: the bot wrote it again when the
 * turn arrived, so counting it would make a second press look like it removed something.
 */
async function forgetCore(services: Services, subject: DataSubject, current?: string): Promise<ForgetCount[]> {
  const { store } = services;
  const pk = tenantKey(subject);
  const prefs = (await store.users.delete(pk, subject.userId)) ? 1 : 0;
  let conversations = 0;
  for (const doc of await directConversations(services, subject)) if ((await store.conversations.delete(pk, doc.id)) && doc.id !== current) conversations++;
  return [
    { key: 'rights.forget.count.prefs', count: prefs },
    { key: 'rights.forget.count.conversations', count: conversations },
  ];
}

/**
 * Deletes questions and feedback not written for `config.retentionDays`, once a day across all
 * instances (the day is claimed in the store). A record changed while it is looked at is left for
 * the next day rather than deleted from under its writer. Returns how many were deleted.
 */
export async function enforceRetention(services: Services, now: Date): Promise<number> {
  const { store, config, log } = services;
  const day = now.toISOString().slice(0, 10);
  if (!(await store.claimOnce('retention', day, RETENTION_CLAIM_TTL_SECONDS))) return 0;
  const cutoff = new Date(now.getTime() - config.retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (const kind of RETAINED_KINDS) {
    for (const doc of await store.docs.query<unknown>(kind)) {
      if (doc.updatedAt >= cutoff) continue;
      try {
        if (await store.docs.delete(kind, doc.pk, doc.id, { ifMatch: doc.etag })) deleted++;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
  }
  log.info({ code: 'retention_run', day, days: config.retentionDays, deleted }, 'retention: old questions and feedback deleted');
  return deleted;
}
