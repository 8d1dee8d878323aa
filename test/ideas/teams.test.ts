/**
 * A crazy eight with four participants through the real Agents SDK stack (local mode) against
 * the fake Bot Connector: presses as Action.Execute invokes, writing and scoring cards in 1:1
 * chats, the reveal in the channel's reply chain, and the impact matrix as an inline PNG.
 */
import { describe, expect, it } from 'vitest';
import { channelMention, FakeConnector } from '../teams/fake-connector.ts';
import { cardPress, teamsButtons, type TeamsButton } from '../teams/teams-cards.ts';
import { startTeamsBot, type TeamsBot, useTeamsBot } from '../teams/server.ts';

const TENANT = 'tenant-ideas';
const CHANNEL = '19:ideas@thread.tacv2';
const people = ['anna', 'bram', 'carla', 'dirk'].map((n) => ({ id: `29:${n}`, aadObjectId: `aad-${n}`, name: n[0].toUpperCase() + n.slice(1) }));
type Person = (typeof people)[number];

describe('crazy eight in Teams', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  useTeamsBot((b, t) => ([bot, teams] = [b, t]));

  it('runs from the case to the matrix, with private cards in 1:1 chats', async () => {
    let root = '';
    /** The 1:1 conversation the bot opened with a person (POST /v3/conversations with them as member). */
    const dmOf = (p: Person) => teams.requests.find((r) => r.method === 'POST' && r.path === '/v3/conversations' && JSON.stringify(r.body.members).includes(p.id))?.responseId ?? '';
    const press = (user: Person, p: TeamsButton, inputs: Record<string, string> = {}) => teams.deliver(bot.url, cardPress(user, p, { tenant: TENANT, channel: CHANNEL, root }, inputs));
    const latest = (label: string, where = CHANNEL) => {
      const found = [...teamsButtons(teams.sent)].reverse().find((b) => b.title === label && b.conversation === where);
      if (!found) throw new Error(`no "${label}" in ${where}: ${[...new Set(teamsButtons(teams.sent).map((b) => `${b.conversation}:${b.title}`))].join(', ')}`);
      return found;
    };
    // Steering buttons are refreshed for the facilitator only: pressed by their data, as her client would.
    const steer = (id: string): TeamsButton => ({ title: id, data: { wegwijs: `ideas.${id}`, value: { s: root, n: `teams:${TENANT}:${CHANNEL}` } }, card: root, conversation: CHANNEL });

    const [anna, ...others] = people;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: anna }, 'netwerk start "Oost"'));
    const before = teams.sent.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: anna }, 'crazy eight start Wonen lukt niet meer thuis en niemand neemt hem op.'));
    root = teams.sent.slice(before).find((r) => r.conversationId === CHANNEL)!.responseId!;
    for (const p of others) await press(p, latest('Doe mee'));
    await press(anna, steer('write'));
    const ideas = ['Taskforce inschakelen\nZorgkantoor bellen', 'taskforce inschakelen', 'Familie erbij halen', 'Logeeropvang zoeken'];
    for (const [i, p] of people.entries()) await press(p, latest('Insturen', dmOf(p)), { ideas: ideas[i] });
    const channelText = JSON.stringify(teams.sent.filter((r) => r.conversationId?.startsWith(CHANNEL)).map((r) => r.body));
    expect(channelText).not.toContain('Logeeropvang');

    await press(anna, steer('reveal'));
    const reveal = teams.sent.find((r) => r.conversationId === `${CHANNEL};messageid=${root}` && String(r.body.text).includes('Alle ideeën'));
    expect(String(reveal?.body.text)).toContain('1. Taskforce inschakelen (2×)');

    await press(anna, steer('score'));
    const scores = [[2, 5], [4, 4], [1, 2], [5, 1]];
    for (const p of people) {
      for (let n = 1; n <= 4; n++) {
        for (const [d, v] of [['e', scores[n - 1][0]], ['i', scores[n - 1][1]]] as const) {
          const b = [...teamsButtons(teams.sent)].reverse().find((x) => x.conversation === dmOf(p) && x.data.value?.g === n && x.data.value?.d === d && x.data.value?.v === v);
          if (!b) throw new Error(`no score button ${d}=${v} for ${n} in ${dmOf(p)}`);
          await press(p, b);
        }
      }
    }
    await press(anna, steer('matrix'));
    const withPicture = teams.sent.find((r) => JSON.stringify(r.body.attachments ?? []).includes('image/png'))!;
    expect(withPicture.conversationId).toBe(`${CHANNEL};messageid=${root}`);
    const image = (withPicture.body.attachments as { contentType: string; contentUrl: string; name: string }[]).find((a) => a.contentType === 'image/png')!;
    expect(image.name).toBe('Impactmatrix crazy eight #1. Snelle winst: 1. Grote klap: 2. Opvullers: 3. Niet doen: 4.');
    expect(Buffer.from(image.contentUrl.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
  });
});
