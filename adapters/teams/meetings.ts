/**
 * In-meeting notifications: a message with an `announce` line posted in a meeting chat also
 * alerts the people it concerns in the meeting, through the targeted meeting notification API
 * (`POST /v1/meetings/{meetingId}/notification` on the connector). It needs the app's
 * `OnlineMeetingNotification.Send.Chat` permission (manifest); without it, or outside a meeting,
 * nothing more happens: the message in the chat works as in a channel.
 */
import { z } from 'zod';
import type { ConnectorClient } from '@microsoft/agents-hosting';
import type { OutgoingMessage } from '../../src/core/index.ts';
import type { TeamsReference } from './references.ts';

/** Teams shows a targeted notification to at most the first 50 recipients. */
export const MAX_MEETING_RECIPIENTS = 50;

const Meeting = z.object({ meeting: z.object({ id: z.string().min(1) }) });

/** The meeting of a stored conversation reference, if it is a meeting chat. */
export function meetingOf(ref: TeamsReference): string | undefined {
  return Meeting.safeParse(ref).data?.meeting.id;
}

/**
 * The notification body: on the meeting stage (a small window with the console's meeting page)
 * when the console's address is known, else a badge on the app's icon in the meeting.
 */
export function meetingNotification(announce: NonNullable<OutgoingMessage['announce']>, consoleUrl?: string): Record<string, unknown> {
  const recipients = [...new Set(announce.to)].slice(0, MAX_MEETING_RECIPIENTS);
  const surfaces = consoleUrl
    ? [{ surface: 'meetingStage', contentType: 'task', content: { value: { height: '300', width: '400', title: announce.text.slice(0, 100), url: `${consoleUrl}/tab?context=meeting` } } }]
    : [{ surface: 'meetingTabIcon' }];
  return { type: 'targetedMeetingNotification', value: { recipients, surfaces } };
}

/** Sends the notification through the connector client (its base URL is the service URL). */
export async function notifyMeeting(client: ConnectorClient, meetingId: string, body: Record<string, unknown>): Promise<void> {
  await client.httpClient.request({ method: 'POST', url: `/v1/meetings/${encodeURIComponent(meetingId)}/notification`, data: body, headers: { 'content-type': 'application/json' } });
}

/** The web console's address, when the server knows its public https URL (Teams opens only https). */
export function consoleUrl(publicUrl: string | undefined): string | undefined {
  return publicUrl?.startsWith('https://') ? `${publicUrl}/console` : undefined;
}
