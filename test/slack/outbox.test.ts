/**
 * "Nothing twice" for a Slack turn that runs again after a crash: what the first run had posted
 * (and written down in the outbox) is not posted again; the first run posts as usual.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxTurnOf, INBOX_TURN, outboxForTurn } from '../../adapters/slack/outbox.ts';
import { TurnAdapter } from '../../adapters/slack/turn-adapter.ts';
import type { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { ManualClock, silentLogger, type ConversationRef } from '../../src/core/index.ts';
import { SqliteStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/temp.ts';

const temp = tempDir();
let store: SqliteStore | undefined;
afterEach(async () => {
  await store?.close();
});

const conversation: ConversationRef = { platform: 'slack', tenantId: 'T1', channelId: 'C1', isDirect: false };

function fakeSlack() {
  const posted: string[] = [];
  const slack = {
    post: async (_c: ConversationRef, m: { text?: string }) => (posted.push(m.text ?? ''), { id: `ts-${posted.length}` }),
    postToThread: async (_c: ConversationRef, _t: string, m: { text?: string }) => (posted.push(m.text ?? ''), { id: `ts-${posted.length}` }),
    // Slack has nothing with the key (the killed run wrote down everything it sent).
    findPosted: async () => undefined,
  } as unknown as SlackAdapter;
  return { slack, posted };
}

async function turn(attempts: number, slack: SlackAdapter, texts: string[]) {
  const adapter = new TurnAdapter(slack, silentLogger, { outbox: outboxForTurn(store!, { id: 'request:1', attempts }) });
  for (const text of texts) await adapter.postToThread(conversation, 'thread-1', { text });
  await adapter.finish();
}

describe('Slack outbox', () => {
  it('does not post again what a killed run had already posted, and posts what it had not', async () => {
    store = new SqliteStore(join(temp.dir, 'outbox.db'), new ManualClock('2026-11-30T09:00:00Z'));
    const first = fakeSlack();
    // The first run posted its first message, then the process died.
    await turn(1, first.slack, ['antwoord']);
    expect(first.posted).toEqual(['antwoord']);
    const again = fakeSlack();
    await turn(2, again.slack, ['antwoord', 'tweede bericht']);
    expect(again.posted).toEqual(['tweede bericht']);
  });

  it('finds a message that reached Slack just before the kill, before it was written down', async () => {
    store = new SqliteStore(join(temp.dir, 'found.db'), new ManualClock('2026-11-30T09:00:00Z'));
    const again = fakeSlack();
    let asked = '';
    (again.slack as unknown as { findPosted: (c: ConversationRef, t: string | undefined, key: string) => Promise<{ id: string } | undefined> }).findPosted = async (_c, _t, key) => {
      asked = key;
      return key === 'request:2|0' ? { id: 'ts-earlier' } : undefined;
    };
    const adapter = new TurnAdapter(again.slack, silentLogger, { outbox: outboxForTurn(store!, inboxTurnOf({ [INBOX_TURN]: { id: 'request:2', attempts: 2 } })) });
    expect(await adapter.postToThread(conversation, 'thread-1', { text: 'antwoord' })).toEqual({ id: 'ts-earlier' });
    expect(asked).toBe('request:2|0');
    expect(again.posted).toEqual([]);
  });

  it('changes nothing outside a kept request', async () => {
    store = new SqliteStore(join(temp.dir, 'plain.db'), new ManualClock('2026-11-30T09:00:00Z'));
    expect(outboxForTurn(store, inboxTurnOf({}))).toBeUndefined();
  });
});
