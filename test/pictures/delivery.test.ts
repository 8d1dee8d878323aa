/**
 * A picture reaches each platform its own way, through the real stacks: Slack uploads the PNG as
 * a file in the message's thread with its alt text (files.uploadV2 against the fake Web API, bytes
 * included), Teams sends it as an inline image attachment, and the console prints the alt text and
 * keeps the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/index.ts';
import { winsChartPicture } from '../../src/pictures/index.ts';
import { createHarness } from '../helpers/harness.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { sendEvent, startSlackServer, type SlackServer } from '../slack/slack-helpers.ts';
import { channelMention, FakeConnector } from '../teams/fake-connector.ts';
import { startTeamsBot, type TeamsBot } from '../teams/server.ts';

const weeks = [1, 3, 2].map((wins, i) => ({ label: `wk ${10 + i}`, wins }));

function pictureFeature(): Feature {
  return {
    name: 'pictureprobe',
    commands: [
      {
        names: ['sonde plaatje', 'probe picture'],
        summaryKey: 'core.help.summary',
        handler: async (turn) => {
          const picture = await winsChartPicture(weeks, 'Gelukt per week', 'gelukt.png');
          await turn.reply({ text: 'Zo ging het de laatste weken.', picture }, { inThread: true });
        },
      },
    ],
  };
}

describe('pictures in Slack', () => {
  let fake: FakeSlack;
  let slack: SlackServer;
  beforeAll(async () => {
    fake = await startFakeSlack();
    slack = await startSlackServer(fake, { features: [pictureFeature()] });
  });
  afterAll(async () => {
    await slack.close();
    await fake.close();
  });

  it('uploads the PNG into the thread with its alt text, after the message', async () => {
    await sendEvent(slack.server.url, { type: 'app_mention', user: 'U1', text: '<@UBOTT1> sonde plaatje', channel: 'C1', ts: '1700000000.000001' });
    const complete = await fake.waitFor((c) => c.method === 'files.completeUploadExternal', 'the upload to complete');
    const urlCall = fake.of('files.getUploadURLExternal')[0];
    expect(urlCall.args).toMatchObject({ filename: 'gelukt.png', alt_text: 'Gelukt per week: wk 10 1, wk 11 3, wk 12 2.' });
    const upload = fake.of('upload')[0];
    // The WebClient posts the bytes as multipart form data: the whole PNG is in it.
    const body = upload.args.bytes as Buffer;
    const start = body.indexOf(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const end = body.indexOf(Buffer.from('IEND')) + 8;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end - start).toBe(Number(urlCall.args.length));
    expect(complete.args).toMatchObject({ channel_id: 'C1', thread_ts: '1700000000.000001' });
    const message = fake.of('chat.postMessage').find((c) => String(c.args.text).includes('laatste weken'));
    expect(message).toBeDefined();
  });

  it('posts the alt text when the upload is refused (no files:write scope)', async () => {
    fake.queue('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } });
    const since = fake.calls.length;
    await sendEvent(slack.server.url, { type: 'app_mention', user: 'U1', text: '<@UBOTT1> sonde plaatje', channel: 'C1', ts: '1700000000.000002' });
    const alt = await fake.waitFor((c) => c.method === 'chat.postMessage' && String(c.args.text).startsWith('🖼 Gelukt per week'), 'the alt text');
    expect(alt.args.thread_ts).toBe('1700000000.000002');
    expect(fake.of('files.completeUploadExternal', since)).toHaveLength(0);
  });
});

describe('pictures in Teams', () => {
  let bot: TeamsBot;
  let teams: FakeConnector;
  beforeAll(async () => {
    teams = await new FakeConnector().start();
    bot = await startTeamsBot({ localMode: true, features: [pictureFeature()] });
  });
  afterAll(async () => {
    await bot.close();
    await teams.close();
  });

  it('sends the PNG as an inline image attachment named by its alt text', async () => {
    await teams.deliver(bot.url, channelMention({ tenant: 'tenant-a', channel: '19:beeld@thread.tacv2' }, 'sonde plaatje'));
    const sent = teams.sent.find((r) => JSON.stringify(r.body).includes('image/png'));
    expect(sent).toBeDefined();
    const attachment = (sent!.body.attachments as { contentType: string; contentUrl: string; name: string }[]).find((a) => a.contentType === 'image/png')!;
    expect(attachment.name).toBe('Gelukt per week: wk 10 1, wk 11 3, wk 12 2.');
    const png = Buffer.from(attachment.contentUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect([...png.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    expect(String(sent!.body.text)).toContain('laatste weken');
  });
});

describe('pictures in the console', () => {
  it('prints the alt text and keeps the PNG as a file', async () => {
    const h = await createHarness({ features: () => [pictureFeature()] });
    try {
      await h.say('anna', 'netwerk', 'wegwijs sonde plaatje');
      const out = h.outputs.find((o) => o.picture);
      expect(out?.picture?.alt).toBe('Gelukt per week: wk 10 1, wk 11 3, wk 12 2.');
      expect(out?.picture?.file && existsSync(out.picture.file)).toBe(true);
      expect([...readFileSync(out!.picture!.file!).subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    } finally {
      await h.close();
    }
  });
});
