/**
 * A tiny feature for the Slack tests: a card with buttons and an input, an answer in the
 * question's thread, a slow answer (placeholder), and a modal. Registered only in tests.
 */
import { button, buttons, card, cardMessage, input, text, type Feature } from '../../src/core/index.ts';

export function probeFeature(options: { slow?: () => Promise<void>; gate?: () => Promise<void> } = {}): Feature {
  return {
    name: 'probe',
    commands: [
      {
        names: ['sonde kaart', 'probe card'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          await turn.reply(
            cardMessage(
              card(
                { title: 'Sonde' },
                text('Een **kaart** met _knoppen_.'),
                input('note', 'Notitie'),
                buttons(button('Druk', 'probe.press', { n: 1 }, 'primary'), button('Nee', 'probe.press', { n: 2 })),
              ),
            ),
          );
        },
      },
      {
        names: ['sonde draad', 'probe thread'],
        summaryKey: 'core.help.summary',
        handler: async (turn, args) => {
          await turn.reply({ text: `Antwoord in de draad: ${args}` }, { inThread: true });
        },
      },
      {
        names: ['sonde traag', 'probe slow'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          await options.slow?.();
          await turn.reply({ text: 'Eindelijk het antwoord' }, { inThread: true });
        },
      },
      {
        names: ['sonde wacht', 'probe wait'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          await options.gate?.();
          await turn.reply({ text: 'klaar met wachten' });
        },
      },
      {
        names: ['sonde wie', 'probe who'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          await turn.reply({ text: `tenant=${turn.message.tenantId} user=${turn.user.name}` });
        },
      },
      {
        names: ['sonde formulier', 'probe form'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          const opened = await turn.openModal({
            title: 'Nieuwe actie',
            card: card({}, input('wat', 'Wat ga je doen?', { required: true }), input('wanneer', 'Wanneer?', { kind: 'date' })),
            submitActionId: 'probe.saved',
            submitLabel: 'Bewaar',
            value: { session: 's1' },
          });
          if (!opened) await turn.reply({ text: 'geen formulier' });
        },
      },
    ],
    actions: {
      press: async (turn, action) => {
        await turn.reply({ text: `pressed n=${String(action.value?.n)} note=${action.inputs?.note ?? ''} msg=${action.messageId ?? ''} by=${turn.user.id}` });
      },
      saved: async (turn, action) => {
        await turn.reply({ text: `saved wat=${action.inputs?.wat ?? ''} wanneer=${action.inputs?.wanneer ?? ''} session=${String(action.value?.session)}` });
      },
    },
  };
}
