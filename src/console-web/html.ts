/**
 * HTML by tagged templates: every interpolated value is escaped unless it is already `Html`
 * (made by this tag). No template language to learn, and the type checker sees every page.
 */
import { escapeHtml } from '../core/index.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export { escapeHtml };

type Value = Html | string | number | boolean | null | undefined | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Html) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup made here (an SVG built from numbers): never user text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
