/**
 * Commands every bot has, whatever features are plugged in: help, language, and the people's
 * rights (`mijn gegevens`, `vergeet mij`, with the retention job; see rights.ts).
 */
import type { Bot } from './bot.ts';
import { tenantKey } from './keys.ts';
import type { Feature } from './feature.ts';
import { helpMessage } from './help.ts';
import { isLang } from './i18n.ts';
import { createRights } from './rights.ts';
import { fold } from './text.ts';

export function builtinFeature(bot: Bot): Feature {
  const rights = createRights(bot.services, () => pluggedFeatures(bot));
  return {
    name: 'core',
    actions: rights.actions,
    tick: rights.tick,
    commands: [
      {
        names: ['hulp', 'help', '?'],
        summaryKey: 'core.help.summary',
        bare: true,
        handler: async (turn) => void (await turn.reply(helpMessage(turn, bot.commands))),
      },
      {
        names: ['taal', 'language'],
        usage: 'nl|en',
        summaryKey: 'core.language.summary',
        handler: async (turn, args) => {
          const wanted = LANGUAGE_WORDS[fold(args.trim())];
          if (!isLang(wanted)) return void (await turn.reply({ text: turn.t('core.language.usage') }));
          const { message } = turn;
          await turn.services.store.users.update(tenantKey(message), message.user.id, (current) => ({
            userId: message.user.id,
            ...current,
            name: message.user.name || current?.name,
            language: wanted,
          }));
          await turn.inLanguage(wanted).reply({ text: turn.services.catalog.t(wanted, 'core.language.set') });
        },
      },
      ...rights.commands,
    ],
  };
}

/**
 * Every feature plugged into the bot, read when a rights command runs (features are plugged in
 * after this one). The bot keeps its list to itself for routing; this is its one other reader.
 */
function pluggedFeatures(bot: Bot): readonly Feature[] {
  return bot['features'];
}

const LANGUAGE_WORDS: Record<string, string> = {
  nl: 'nl',
  nederlands: 'nl',
  dutch: 'nl',
  en: 'en',
  engels: 'en',
  english: 'en',
};
