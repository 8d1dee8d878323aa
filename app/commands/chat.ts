import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConsoleAdapter, runInteractive, runScript, type ConsoleOutput } from '../../adapters/console/index.ts';
import { OffsetClock } from '../../src/core/index.ts';
import { createApp } from '../compose.ts';
import { cliConfig } from './config.ts';
import type { CliCommand } from './index.ts';

export const chat: CliCommand = {
  summary: 'chat with Wegwijs in the terminal, or run a JSON-lines script',
  usage: 'chat [--as NAME] [--channel NAME | --dm] [--script FILE|-]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        as: { type: 'string', default: 'anna' },
        channel: { type: 'string', default: 'netwerk-passende-plekken' },
        dm: { type: 'boolean', default: false },
        script: { type: 'string' },
      },
    });
    const config = cliConfig();
    // The terminal is for the conversation: only warnings and errors are logged, unless asked.
    if (config.logLevel === 'info') config.logLevel = 'warn';
    const clock = new OffsetClock();
    const buffer: ConsoleOutput[] = [];
    const scripted = values.script !== undefined;
    const app = await createApp(config, { clock, messenger: { baseDelayMs: 50 } });
    const adapter = new ConsoleAdapter((out) => (scripted ? process.stdout.write(`${JSON.stringify(out)}\n`) : buffer.push(out)), {
      sequence: () => app.store.nextNumber('console', 'message'),
      picturesDir: join(config.dataDir, 'pictures'),
      documentsDir: join(config.dataDir, 'reports'),
    });
    app.services.messenger.register(adapter);
    try {
      if (scripted) {
        const input = values.script === '-' ? process.stdin : createReadStream(values.script!);
        const printed = async (id: string) => /^m\d+$/.test(id) && Number(id.slice(1)) <= (await app.store.currentNumber('console', 'message'));
        await runScript({ bot: app.bot, adapter, input, output: process.stdout, setClock: (to) => clock.set(to), botName: config.botName, printed });
      } else {
        await runInteractive({
          bot: app.bot,
          adapter,
          input: process.stdin,
          output: process.stdout,
          as: values.as!,
          channel: values.channel,
          dm: values.dm!,
          botName: config.botName,
          setClock: (to) => clock.set(to),
          t: app.services.catalog.translator(config.language),
          timeZone: config.timeZone,
          lang: config.language,
          drain: () => buffer.splice(0),
        });
      }
    } finally {
      await app.close();
    }
    return 0;
  },
};
