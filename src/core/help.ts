/** The help list and the answer to an unknown command, built from the registered commands. */
import { card, cardMessage, context, text, type OutgoingMessage } from './cards.ts';
import type { Command } from './feature.ts';
import { suggestCommand } from './router.ts';
import type { Turn } from './turn.ts';

export function helpMessage(turn: Turn, commands: Command[]): OutgoingMessage {
  const bot = turn.services.config.botName;
  const lines = commands.map((c) => `- \`${bot} ${usage(c, turn)}\`: ${turn.t(c.summaryKey)}`);
  return cardMessage(
    card(
      { title: turn.t('core.help.title') },
      text(turn.t('core.help.intro', { bot })),
      text(lines.join('\n')),
      context(turn.t('core.help.privacy')),
    ),
  );
}

export function unknownCommandMessage(turn: Turn, typed: string, commands: Command[]): OutgoingMessage {
  const word = typed.split(/\s+/)[0].slice(0, 40);
  const suggestion = suggestCommand(word, commands);
  const bot = turn.services.config.botName;
  const intro = suggestion ? turn.t('core.unknown.suggest', { word, suggestion, bot }) : turn.t('core.unknown', { word, bot });
  const help = helpMessage(turn, commands);
  return { text: `${intro}\n\n${help.text}`, card: help.card && { ...help.card, elements: [text(intro), ...help.card.elements] } };
}

/** The answer to a greeting or a probe ("hi", "test"): hello, then what Wegwijs can do. */
export function greetingMessage(turn: Turn, commands: Command[]): OutgoingMessage {
  const intro = turn.t('core.greeting', { bot: turn.services.config.botName });
  const help = helpMessage(turn, commands);
  return { text: `${intro}\n\n${help.text}`, card: help.card && { ...help.card, elements: [text(intro), ...help.card.elements] } };
}

function usage(command: Command, turn: Turn): string {
  const name = turn.lang === 'en' ? (command.names[1] ?? command.names[0]) : command.names[0];
  // A usage may be a catalogue key, so English help shows English arguments.
  const args = command.usage && turn.services.catalog.has(command.usage) ? turn.t(command.usage) : command.usage;
  return args ? `${name} ${args}` : name;
}
