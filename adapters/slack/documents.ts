/**
 * Documents in Slack (a deliberation report as Markdown or HTML): uploaded as a file into the
 * conversation and thread of the message it belongs to (files.uploadV2), like pictures. Needs the
 * `files:write` scope; when the upload is refused the message's own text stands (it says where
 * else the document can be found), so nothing breaks.
 */
import type { webApi } from '@slack/bolt';
import type { Logger, OutgoingDocument } from '../../src/core/index.ts';
import { slackErrorCode } from './errors.ts';

export async function uploadDocument(client: webApi.WebClient, place: { channel: string; threadTs?: string }, document: OutgoingDocument, log: Logger): Promise<void> {
  try {
    const file = { file: Buffer.from(document.content, 'utf8'), filename: document.filename, title: document.title };
    await (place.threadTs ? client.files.uploadV2({ channel_id: place.channel, thread_ts: place.threadTs, ...file }) : client.files.uploadV2({ channel_id: place.channel, ...file }));
  } catch (err) {
    log.warn({ code: slackErrorCode(err) ?? 'upload_failed' }, 'slack document upload failed; the message text stands');
  }
}
