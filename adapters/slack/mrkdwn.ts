/**
 * Text both ways between the core's markdown subset and Slack: outgoing `**bold**`, `_italic_`,
 * `` `code` ``, `[label](url)` and "- " bullets become mrkdwn; incoming Slack markup (user, channel
 * and link tokens, HTML entities) becomes plain text the core can route.
 */

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The core's markdown subset as Slack mrkdwn. */
export function toMrkdwn(markdown: string): string {
  // Code spans are kept verbatim: nothing inside them is formatting.
  const parts = markdown.split(/(`[^`\n]+`)/g);
  return parts
    .map((part, i) => (i % 2 === 1 ? escapeSlack(part) : formatPart(part)))
    .join('');
}

function formatPart(part: string): string {
  return escapeSlack(part)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+)\)/g, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`)
    .replace(/\*\*([^*\n]+?)\*\*/g, '*$1*')
    .replace(/^(\s*)- /gm, '$1• ')
    // A Slack user id written as "@U123ABC" by a feature becomes a real mention.
    .replace(/(^|[\s(])@([UW][A-Z0-9]{6,})\b/g, '$1<@$2>');
}

/** The core's markdown subset as plain text (headers, button labels, modal titles). */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\((\S+?)\)/g, '$1')
    .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
    .replace(/(^|\W)_([^_\n]+)_(?=\W|$)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

/**
 * Slack message text as plain text for the core: `<@U1>` becomes `@U1` (listed as a mention),
 * `<#C1|name>` becomes `#name`, `<url|label>` becomes `label (url)`, entities are decoded.
 */
export function fromSlackText(text: string, botUserId?: string): { text: string; mentions: string[] } {
  const mentions: string[] = [];
  const plain = text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => {
      if (id === botUserId) return '';
      if (!mentions.includes(id)) mentions.push(id);
      return `@${id}`;
    })
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { text: plain.replace(/[ \t]{2,}/g, ' ').trim(), mentions };
}
