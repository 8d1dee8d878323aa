/**
 * The peers feature: when Wegwijs does not know, the asker can ask the network. The question is
 * confirmed by the asker, posted in the network's channel tagging the members who know its topic
 * (or the facilitators), answered in its thread (the asker gets the answers by DM), reminded once
 * after two working days, marked "Opgelost", and turned into a draft card for the curators.
 * Public entry: the feature, and the curator tools for `wegwijs kb`.
 */
import { fold, networkId, type Feature, type Services, type Turn } from '../core/index.ts';
import { askingActions } from './asking.ts';
import { consolePeersPort } from './console-port.ts';
import { answerHandlers } from './answers.ts';
import { knowerCommands } from './knowers.ts';
import { exportPeersUser, forgetPeersUser } from './privacy.ts';
import { openQuestions, peers, SETTINGS_KEY } from './records.ts';
import { forgetOldQuestions, remindOpenQuestions } from './reminders.ts';

export { listDrafts, readDraft, draftCardFile, closeGap, closedGaps } from './drafts.ts';
export type { Draft, ClosedGap } from './records.ts';
export { reminderDue } from './reminders.ts';

export function createPeersFeature(services: Services): Feature {
  const asking = askingActions(services);
  const answers = answerHandlers(services);
  const knowers = knowerCommands(services);

  services.ports.consolePeers = consolePeersPort(services);
  services.ports.networkQuestions = {
    async openQuestions(id) {
      return (await openQuestions(services, id)).map((q) => ({ number: q.number, text: q.text, askedAt: q.askedAt }));
    },
  };
  services.ports.answerPolicy = {
    async answersInPublic(id) {
      const doc = await peers(services).get(id, SETTINGS_KEY);
      return doc?.data.type === 'settings' && doc.data.answers === 'public';
    },
  };

  /** `wegwijs netwerk antwoorden openbaar|privé` (facilitators): how answers to questions in the channel go out. */
  async function answersSetting(turn: Turn, args: string): Promise<void> {
    const bot = services.config.botName;
    if (turn.message.isDirect) return void (await turn.reply({ text: turn.t('peers.knowers.in_channel', { bot }) }));
    const network = (await turn.network())?.data;
    if (!network) return void (await turn.reply({ text: turn.t('peers.not_a_network', { bot }) }));
    const wanted = fold(args.trim());
    const choice = /^(openbaar|public|iedereen|everyone|aan|on)$/.test(wanted) ? 'public' : /^(prive|private|eerst prive|prive eerst|uit|off)$/.test(wanted) ? 'private' : undefined;
    if (!choice) {
      const current = (await services.ports.answerPolicy!.answersInPublic(network.id)) ? 'public' : 'private';
      return void (await turn.reply({ text: turn.t(`peers.answers.current_${current}`, { bot }) }));
    }
    if (!network.facilitators.includes(turn.user.id)) return void (await turn.reply({ text: turn.t('peers.facilitator_only') }));
    await peers(services).put(networkId(turn.conversation), SETTINGS_KEY, { type: 'settings', answers: choice });
    await turn.reply({ text: turn.t(`peers.answers.set_${choice}`, { bot }) });
  }

  return {
    name: 'peers',
    commands: [
      { names: ['ik weet van', 'i know about', 'ik weet iets van'], usage: 'peers.knowers.usage_args', summaryKey: 'peers.knowers.summary', handler: knowers.iKnow },
      { names: ['netwerk kenners', 'network knowers'], usage: 'peers.knowers.list_usage_args', summaryKey: 'peers.knowers.list_summary', handler: knowers.knowers },
      { names: ['netwerk antwoorden', 'network answers'], usage: 'peers.answers.usage_args', summaryKey: 'peers.answers.summary', handler: answersSetting },
    ],
    actions: {
      ask: asking.ask,
      choose: asking.choose,
      post: asking.post,
      cancel: asking.cancel,
      answer: answers.answer,
      reply: answers.reply,
      resolve: answers.resolve,
    },
    ownsThread: answers.ownsThread,
    threadMessage: answers.threadMessage,
    tick: async (now) => {
      await remindOpenQuestions(services, now);
      await forgetOldQuestions(services, now);
    },
    exportUser: (subject, view) => exportPeersUser(services, subject, view),
    forgetUser: (subject) => forgetPeersUser(services, subject),
  };
}
