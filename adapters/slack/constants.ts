/** Slack paths, scopes and timings shared by the app, the manifest test and the README. */

/** Where Slack sends events, slash commands and interactivity (the manifest's request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';
/** Bot token scopes requested on installation (keep in step with infra/slack/manifest.yaml). */
export const SLACK_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:read',
  'chat:write',
  'commands',
  // Pictures and report documents are uploaded as files (files.uploadV2).
  'files:write',
  'groups:history',
  'groups:read',
  'im:history',
  'im:write',
  'users:read',
];
/** How long an event id is remembered: Slack retries for about an hour at most. */
export const EVENT_DEDUP_TTL_SECONDS = 2 * 60 * 60;
/** After this long without an answer, the user sees a placeholder that the answer replaces. */
export const PLACEHOLDER_AFTER_MS = 1000;

/**
 * Timing read at every turn. Tests that do not test the placeholder lengthen it, so a slow test
 * machine does not turn their answers into placeholder updates.
 */
export const slackTiming = { placeholderAfterMs: PLACEHOLDER_AFTER_MS };
