/**
 * Files in Slack: a picture (PNG) or a document (a deliberation report as Markdown or HTML) is
 * uploaded into the conversation and thread of the message it belongs to (files.uploadV2: an
 * upload URL, the bytes, then completion). Needs the `files:write` scope. When Slack refuses the
 * upload (an older installation without the scope), `fallback` says what stands in for it: a
 * picture's alt text is posted; a document's message already says where else to find it.
 */
import type { webApi } from '@slack/bolt';
import type { Logger, OutgoingDocument, Picture } from '../../src/core/index.ts';
import { slackErrorCode } from './errors.ts';

export interface SlackFile {
  bytes: Buffer;
  filename: string;
  title: string;
  /** Read out by screen readers (pictures). */
  alt?: string;
  /** Posted in the file's place when the upload is refused. */
  fallback?: string;
}

export const pictureFile = (picture: Picture): SlackFile => ({ bytes: Buffer.from(picture.png), filename: picture.filename, title: picture.title, alt: picture.alt, fallback: `🖼 ${picture.alt}` });
export const documentFile = (document: OutgoingDocument): SlackFile => ({ bytes: Buffer.from(document.content, 'utf8'), filename: document.filename, title: document.title });

export async function uploadFile(client: webApi.WebClient, place: { channel: string; threadTs?: string }, file: SlackFile, log: Logger): Promise<void> {
  try {
    const args = { file: file.bytes, filename: file.filename, title: file.title, ...(file.alt ? { alt_text: file.alt } : {}) };
    await (place.threadTs ? client.files.uploadV2({ channel_id: place.channel, thread_ts: place.threadTs, ...args }) : client.files.uploadV2({ channel_id: place.channel, ...args }));
  } catch (err) {
    log.warn({ code: slackErrorCode(err) ?? 'upload_failed', fallback: Boolean(file.fallback) }, 'slack file upload failed');
    if (file.fallback) await client.chat.postMessage({ channel: place.channel, ...(place.threadTs ? { thread_ts: place.threadTs } : {}), text: file.fallback });
  }
}
