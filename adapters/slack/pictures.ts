/**
 * Pictures in Slack: the PNG is uploaded as a file into the same conversation and thread as the
 * message it belongs to (files.uploadV2: an upload URL, the bytes, then completion), with the alt
 * text that Slack reads out to screen-reader users. Needs the `files:write` scope; without it (an
 * older installation) the alt text is posted instead, so the content still arrives.
 */
import type { webApi } from '@slack/bolt';
import type { Logger, Picture } from '../../src/core/index.ts';
import { slackErrorCode } from './errors.ts';

export async function uploadPicture(client: webApi.WebClient, place: { channel: string; threadTs?: string }, picture: Picture, log: Logger): Promise<void> {
  try {
    const file = { file: Buffer.from(picture.png), filename: picture.filename, title: picture.title, alt_text: picture.alt };
    await (place.threadTs
      ? client.files.uploadV2({ channel_id: place.channel, thread_ts: place.threadTs, ...file })
      : client.files.uploadV2({ channel_id: place.channel, ...file }));
  } catch (err) {
    log.warn({ code: slackErrorCode(err) ?? 'upload_failed' }, 'slack picture upload failed; posting its alt text');
    await client.chat.postMessage({ channel: place.channel, ...(place.threadTs ? { thread_ts: place.threadTs } : {}), text: `🖼 ${picture.alt}` });
  }
}
