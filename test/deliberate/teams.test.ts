/**
 * The richer deliberation through the real Teams stack (Agents SDK, local mode) against the fake
 * Bot Connector: blind answers stay out of the channel until "Toon alles", dot voting through
 * card buttons, and the report documents for download through the port.
 */
import { describe, expect, it } from 'vitest';
import { channelMention, FakeConnector, type Recorded } from '../teams/fake-connector.ts';
import { cardPress, teamsButtons, type TeamsButton } from '../teams/teams-cards.ts';
import { startTeamsBot, type TeamsBot, useTeamsBot } from '../teams/server.ts';

const TENANT = 'tenant-b';
const CHANNEL = '19:beraad-rijk@thread.tacv2';
const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna de Boer' };
const bram = { id: '29:bram', aadObjectId: 'aad-bram', name: 'Bram' };
const carla = { id: '29:carla', aadObjectId: 'aad-carla', name: 'Carla' };

type Press = TeamsButton;

const inChannel = (r: Recorded) => r.conversationId?.startsWith(CHANNEL);
const textOf = (rs: Recorded[]) => JSON.stringify(rs.map((r) => r.body));

describe('the richer deliberation in Teams', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  useTeamsBot((b, t) => ([bot, teams] = [b, t]));

  it('keeps blind answers out of the channel until "Toon alles", counts dots, and offers the report as documents', async () => {
    let root = '';
    const say = (user: typeof anna, text: string, inThread = true) =>
      teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user, ...(inThread ? { root } : {}) }, '', { text, entities: [] }));
    // A press as Teams sends an Action.Execute: an `adaptiveCard/action` invoke with the button's data (and the card's inputs).
    const press = (user: typeof anna, p: Press, inputs: Record<string, string> = {}) => teams.deliver(bot.url, cardPress(user, { ...p, conversation: CHANNEL }, { tenant: TENANT, channel: CHANNEL, root }, inputs));
    const latest = (label: string, id?: string) => [...teamsButtons(teams.sent)].reverse().find((b) => b.title === label && (!id || b.data.wegwijs === id))!;
    // The steering buttons reach only the facilitator (a card refreshed for her): pressed by their data.
    const steer = (id: string, i: number): Press => ({ title: id, data: { wegwijs: `deliberate.${id}`, value: { s: root, i } }, card: '', conversation: CHANNEL });

    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: anna }, 'netwerk start "Zuid"'));
    const before = teams.sent.length;
    await teams.deliver(bot.url, channelMention({ tenant: TENANT, channel: CHANNEL, user: anna }, 'beraad kort'));
    root = teams.sent.slice(before).find((r) => r.conversationId === CHANNEL)!.responseId!;
    await press(bram, latest('Ik doe mee'));
    await press(carla, latest('Ik doe mee'));
    for (let i = 0; i < 3; i++) await press(anna, steer('next', i));
    await say(bram, 'Thuis blijven met extra zorg\nVerhuizen naar een instelling');
    await press(anna, steer('next', 3));
    const docs = await bot.app.store.docs.query<{ step: number; participants: unknown[] }>('deliberation', { pk: `teams:${TENANT}:${CHANNEL}` });
    expect(docs.map((d) => d.data.step)).toEqual([4]);

    // Step 5 (blind, three dots): the card offers the private form and "Toon alles".
    expect(latest('Mijn antwoord')).toBeDefined();
    const since = teams.sent.length;
    await press(bram, latest('Mijn antwoord'));
    const formSent = teams.sent.slice(since);
    // Teams opens the form as a dialog for bram alone: what the channel gets holds no form fields.
    expect(formSent.length).toBeGreaterThan(0);
    expect(textOf(formSent.filter(inChannel))).not.toContain('Input.Text');
    // The dialog as Teams opens it: bram's refresh of the opener card, task/fetch, then task/submit with the form's fields.
    const invoke = (user: typeof anna, name: string, value: unknown, replyToId?: string) =>
      teams.deliver(bot.url, {
        type: 'invoke',
        name,
        id: `inv-${Math.random().toString(36).slice(2)}`,
        channelId: 'msteams',
        from: user,
        recipient: { id: '28:wegwijs-bot', name: 'Wegwijs' },
        conversation: { id: `${CHANNEL};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL } },
        ...(replyToId ? { replyToId } : {}),
        value,
      });
    const opener = formSent.find((r) => (r.body.attachments as { content: { refresh?: { userIds: string[] } } }[] | undefined)?.[0]?.content.refresh?.userIds.includes(bram.id))!;
    const refresh = (opener.body.attachments as { content: { refresh: { action: { data: unknown } } } }[])[0].content.refresh.action;
    const mine = (await invoke(bram, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'wegwijs.refresh', data: refresh.data }, trigger: 'automatic' }, opener.responseId)).body as { value: unknown };
    const fetchData = JSON.stringify(mine.value).match(/"data":(\{[^{}]*"msteams":\{"type":"task\/fetch"\}[^{}]*\})/);
    expect(fetchData).not.toBeNull();
    const fetched = (await invoke(bram, 'task/fetch', { data: JSON.parse(fetchData![1]) })).body as { task: { type: string; value: { card: { content: { body: unknown; actions: { data: Record<string, unknown> }[] } } } } };
    expect(fetched.task.type).toBe('continue');
    const form = fetched.task.value.card.content;
    expect(JSON.stringify(form.body)).toMatch(/"id":"answer"/);
    expect(JSON.stringify(form.body)).toMatch(/"type":"Input.ChoiceSet"/);
    await invoke(bram, 'task/submit', { data: { ...form.actions[0].data, answer: 'Ik kies thuis: zelfbeschikking weegt zwaarst.', as: 'named' } });
    // Carla's form is the card fallback: its Action.Execute carries the inputs.
    const submit = { title: 'Versturen', data: { wegwijs: 'deliberate.submit', value: latest('Mijn antwoord').data.value }, card: '', conversation: CHANNEL };
    await press(carla, submit, { answer: 'Ik kies verhuizen: veiligheid eerst.', as: 'anonymous' });
    const hidden = teams.sent.slice(since);
    expect(textOf(hidden.filter(inChannel))).not.toMatch(/zelfbeschikking weegt zwaarst|veiligheid eerst/);
    expect(textOf(hidden.filter(inChannel))).toMatch(/2 binnen/);

    // Dots: bram gives all three, the fourth is refused.
    const dot1 = latest('● 1. Thuis blijven met extra zorg');
    for (let i = 0; i < 3; i++) await press(bram, dot1);
    const refused = teams.sent.length;
    await press(bram, latest('● 2. Verhuizen naar een instelling'));
    expect(textOf(teams.sent.slice(refused))).toMatch(/al je 3 stippen/);
    await press(carla, latest('● 2. Verhuizen naar een instelling'));

    // Only the facilitator reveals; then everything appears at once in the reply chain.
    const reveal = steer('reveal', 4);
    const byBram = teams.sent.length;
    await press(bram, reveal);
    expect(textOf(teams.sent.slice(byBram).filter(inChannel))).not.toMatch(/zelfbeschikking weegt zwaarst/);
    const shown = teams.sent.length;
    await press(anna, reveal);
    const all = textOf(teams.sent.slice(shown).filter(inChannel));
    expect(all).toMatch(/Alle antwoorden van stap 5/);
    expect(all).toContain('Bram: Ik kies thuis: zelfbeschikking weegt zwaarst.');
    expect(all).toContain('anoniem: Ik kies verhuizen: veiligheid eerst.');
    expect(all).toMatch(/Thuis blijven met extra zorg ●●● \(3\)/);

    // To the end: the report in the reply chain, and the documents through the port.
    await press(anna, steer('next', 4));
    await press(anna, steer('next', 5));
    await press(anna, steer('end', 6));
    // Teams sends no files from a bot into a channel: "Als document" answers by direct message, pointing to the console.
    const download = teams.sent.length;
    await press(carla, latest('Als document'));
    const dms = teams.sent.slice(download).filter((r) => !inChannel(r));
    expect(textOf(dms)).toMatch(/beraad-1-kort\.md\). Zie je hier geen bestand, dan vind je het in de netwerkconsole/);
    const port = bot.app.services.ports.deliberationReports!;
    const pk = `teams:${TENANT}:${CHANNEL}`;
    const [listed] = await port.list(pk);
    expect(listed).toMatchObject({ number: 1, method: 'kort', participants: 3 });
    const md = (await port.report(pk, listed.id, 'md'))!;
    expect(md).toMatch(/## Stippen \(Ieders keuze\)/);
    expect(md).toMatch(/- Thuis blijven met extra zorg: ●●● 3/);
    expect(md).toContain('Bram: Ik kies thuis: zelfbeschikking weegt zwaarst.');
    const html = (await port.report(pk, listed.id, 'html'))!;
    expect(html).toMatch(/<h2>Stippen \(Ieders keuze\)<\/h2>/);
    expect(html).not.toMatch(/<script|src=|href=/);
  });
});
