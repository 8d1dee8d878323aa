/**
 * Invoke responses for Teams invokes Wegwijs does not handle (dialogs, tabs, message extensions,
 * sign-in, file consent, cards of other apps): Teams waits for an answer to every invoke and shows
 * an error without one (the SDK's default is a 501). Each kind gets the shape its surface can show:
 * a dialog message, a compose-extension message, a tab card, or a card-action message.
 */

/** The body Teams shows for an invoke of this name, with `text` (empty: a silent success). */
export function invokeResponseBody(name: string | undefined, text: string): unknown {
  const kind = name ?? '';
  if (kind.startsWith('task/') || kind === 'composeExtension/fetchTask' || kind === 'composeExtension/submitAction') {
    return { task: { type: 'message', value: text } };
  }
  if (kind.startsWith('composeExtension/')) return { composeExtension: { type: 'message', text } };
  if (kind.startsWith('tab/')) {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] };
    return { tab: { type: 'continue', value: { cards: [{ card }] } } };
  }
  if (kind.startsWith('config/')) return { config: { type: 'message', value: text } };
  // adaptiveCard/action and everything else: a message the client shows under the card.
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
