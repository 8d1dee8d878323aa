/**
 * The sub-commands of `wegwijs`. Add one file per command and list it here with its summary and
 * usage (the same as in its module: a test compares them); its module (and whatever it needs: the store, a chat platform, the LLM client) is
 * imported only when that command runs, so `wegwijs --help` and `wegwijs ask` start quickly.
 */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  usage: string;
  load(): Promise<CliCommand>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  serve: {
    summary: 'start the bot server (Teams, Slack, health check, scheduler)',
    usage: 'serve',
    load: async () => {
      // Before the server's modules load: the young generation stays small during start-up (app/serve-memory.ts).
      (await import('../serve-memory.ts')).holdYoungGeneration();
      return (await import('./serve.ts')).serve;
    },
  },
  chat: {
    summary: 'chat with Wegwijs in the terminal, or run a JSON-lines script',
    usage: 'chat [--as NAME] [--channel NAME | --dm] [--script FILE|-]',
    load: async () => (await import('./chat.ts')).chat,
  },
  ask: {
    summary: 'answer one question from the knowledge base (--json), or one per line (--jsonl)',
    usage: 'ask "vraag" [--role ROLE] [--lang nl|en] [--json] | ask --jsonl',
    load: async () => (await import('./ask.ts')).ask,
  },
  eval: {
    summary: 'run the evaluation: facts in the shown answers, refusals by reason, per category; non-zero below the floors',
    usage: 'eval [FILE…] [--explain ID] [--misses]',
    load: async () => (await import('./eval.ts')).evaluate,
  },
  kb: {
    summary: 'knowledge base: "check" validates the cards, "gaps" lists unanswered questions, "drafts" cards from the networks',
    usage: 'kb check | kb gaps [--limit N] [--json] [--all] | kb gaps close ID CARD | kb drafts | kb draft N',
    load: async () => (await import('./kb.ts')).kb,
  },
};

/** Looks a command up by name (own properties only: `constructor` is not a command). */
export function commandNamed(name: string): CommandEntry | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  wegwijs ${c.usage.padEnd(52)} ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}
