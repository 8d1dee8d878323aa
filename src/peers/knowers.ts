/**
 * Who knows what: members say what they know about (`wegwijs ik weet van pgb, meerzorg`);
 * facilitators see and edit the list (`wegwijs netwerk kenners [@naam onderwerpen]`). Tags are read
 * as the knowledge base's topics (the `KnowledgeTopicsPort`), and a question tags the members whose
 * topics it is about: whole topics, never a substring of a word.
 */
import { fold, networkId, type Mention, type Network, type Services, type Turn } from '../core/index.ts';
import { knowerKey, peers, type Knower } from './records.ts';

const MAX_TAGS = 20;
const MAX_TAG_CHARS = 60;
const CLEAR = /^(niets|niks|geen|nothing|none|-)$/;

/** A question or a story rather than topics: a question mark, or a "topic" of many words. */
export function looksLikeSentence(typed: string): boolean {
  return /\?/.test(typed) || typed.split(/[,;\n]/).some((part) => part.trim().split(/\s+/).length > 5);
}

/** "pgb, meerzorg en wlz" → ["pgb", "meerzorg", "wlz"]. */
export function parseTags(args: string): string[] {
  const tags = args
    .split(/[,;\n]|\s+(?:en|and|&)\s+/i)
    .map((t) => t.replace(/^[\s"'“”‘’]+|[\s"'“”‘’.!?]+$/g, '').trim())
    .filter((t) => t && t.length <= MAX_TAG_CHARS);
  return [...new Map(tags.map((t) => [fold(t), t])).values()].slice(0, MAX_TAGS);
}

function topicsOf(services: Services, tags: string[]): { topics: string[]; unknown: string[] } {
  const port = services.ports.knowledgeTopics;
  const topics = new Set<string>();
  const unknown: string[] = [];
  for (const tag of tags) {
    const found = port?.topicsOf(tag) ?? [];
    if (!found.length) unknown.push(tag);
    for (const topic of found) topics.add(topic);
  }
  return { topics: [...topics], unknown };
}

/** Members who know the question's topics (still members, not the asker); else the facilitators. */
export async function matchKnowers(services: Services, network: Network, questionText: string, askerId: string): Promise<Mention[]> {
  const members = new Map((await services.store.members.list({ pk: network.id })).map((d) => [d.data.userId, d.data]));
  const wanted = new Set(services.ports.knowledgeTopics?.topicsOf(questionText) ?? []);
  const knowers = (await peers(services).list({ pk: network.id, where: { type: 'knower' } }))
    .map((d) => d.data)
    .filter((k): k is Knower => k.type === 'knower' && k.userId !== askerId && members.has(k.userId) && k.topics.some((t) => wanted.has(t)));
  if (knowers.length) return knowers.slice(0, 10).map((k) => ({ id: k.userId, name: members.get(k.userId)?.name || k.name }));
  return network.facilitators.filter((id) => id !== askerId).map((id) => ({ id, name: members.get(id)?.name || id }));
}

async function saveKnower(services: Services, network: Network, person: { id: string; name: string }, tags: string[]): Promise<{ unknown: string[] }> {
  const key = knowerKey(person.id);
  if (!tags.length) {
    await peers(services).delete(network.id, key);
    return { unknown: [] };
  }
  const { topics, unknown } = topicsOf(services, tags);
  const now = services.clock.now().toISOString();
  await peers(services).put(network.id, key, { type: 'knower', userId: person.id, name: person.name || person.id, tags, topics, at: now });
  // Saying what you know makes you a member of the network (as `stil` does).
  await services.store.members.update(network.id, person.id, (current) => (current ? undefined : { userId: person.id, name: person.name || person.id, quiet: false, joinedAt: now }));
  return { unknown };
}

export function knowerCommands(services: Services) {
  const bot = () => services.config.botName;

  async function networkOf(turn: Turn): Promise<Network | undefined> {
    if (turn.message.isDirect) {
      await turn.reply({ text: turn.t('peers.knowers.in_channel', { bot: bot() }) });
      return undefined;
    }
    const network = (await turn.network())?.data;
    if (!network) await turn.reply({ text: turn.t('peers.not_a_network', { bot: bot() }) });
    return network;
  }

  /** `wegwijs ik weet van pgb, meerzorg`: what I know about in this network (`… niets` clears it). */
  async function iKnow(turn: Turn, args: string): Promise<void> {
    const network = await networkOf(turn);
    if (!network) return;
    const typed = args.trim();
    if (!typed) {
      const mine = (await peers(services).get(network.id, knowerKey(turn.user.id)))?.data;
      const tags = mine?.type === 'knower' ? mine.tags : [];
      return void (await turn.replyPrivately({ text: tags.length ? turn.t('peers.knowers.yours', { tags: tags.join(', '), bot: bot() }) : turn.t('peers.knowers.none_yet', { bot: bot() }) }));
    }
    // "ik weet van een cliënt die …, wat nu?" is a question, not a list of topics.
    if (looksLikeSentence(typed)) return void (await turn.replyPrivately({ text: turn.t('peers.knowers.sentence', { bot: bot() }) }));
    const tags = CLEAR.test(fold(typed)) ? [] : parseTags(typed);
    const { unknown } = await saveKnower(services, network, turn.user, tags);
    const lines = [tags.length ? turn.t('peers.knowers.saved', { tags: tags.join(', '), network: network.name }) : turn.t('peers.knowers.cleared')];
    if (unknown.length) lines.push(turn.t('peers.knowers.unknown', { tags: unknown.join(', '), count: unknown.length }));
    await turn.replyPrivately({ text: lines.join('\n') });
  }

  /** `wegwijs netwerk kenners` (facilitators): the list; `… @naam pgb, wlz` sets someone's topics. */
  async function knowers(turn: Turn, args: string): Promise<void> {
    const network = await networkOf(turn);
    if (!network) return;
    if (!network.facilitators.includes(turn.user.id)) return void (await turn.reply({ text: turn.t('peers.facilitator_only') }));
    const people = turn.message.mentions.filter((m) => fold(m.name) !== fold(bot()) && fold(m.id) !== fold(bot()));
    if (people.length === 1) {
      const person = people[0];
      // The topics are what follows the mention, however the platform wrote it ("@Anna de Boer", "<@U2>").
      const rest = [`@${person.name}`, `@${person.id}`, `<@${person.id}>`]
        .reduce((text, written) => text.split(written).join(' '), args)
        .replace(/^\s*@\S+\s*/, '')
        .trim();
      const tags = CLEAR.test(fold(rest)) ? [] : parseTags(rest);
      const { unknown } = await saveKnower(services, network, person, tags);
      const lines = [tags.length ? turn.t('peers.knowers.set_for', { name: person.name || person.id, tags: tags.join(', ') }) : turn.t('peers.knowers.cleared_for', { name: person.name || person.id })];
      if (unknown.length) lines.push(turn.t('peers.knowers.unknown', { tags: unknown.join(', '), count: unknown.length }));
      return void (await turn.reply({ text: lines.join('\n') }));
    }
    if (people.length > 1) return void (await turn.reply({ text: turn.t('peers.knowers.one_at_a_time', { bot: bot() }) }));
    const members = new Map((await services.store.members.list({ pk: network.id })).map((d) => [d.data.userId, d.data.name]));
    const list = (await peers(services).list({ pk: network.id, where: { type: 'knower' } }))
      .map((d) => d.data)
      .filter((k): k is Knower => k.type === 'knower')
      .sort((a, b) => a.name.localeCompare(b.name));
    if (!list.length) return void (await turn.reply({ text: turn.t('peers.knowers.empty', { bot: bot() }) }));
    const lines = list.map((k) => `- ${members.get(k.userId) ?? k.name}${members.has(k.userId) ? '' : ` (${turn.t('peers.knowers.left')})`}: ${k.tags.join(', ')}`);
    await turn.reply({ text: [`**${turn.t('peers.knowers.title', { network: network.name })}**`, ...lines, '', `_${turn.t('peers.knowers.hint', { bot: bot() })}_`].join('\n') });
  }

  return { iKnow, knowers };
}

/** The network id of the turn's channel (for commands typed there). */
export const channelNetworkId = (turn: Turn) => networkId(turn.conversation);
