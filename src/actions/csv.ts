/**
 * CSV for the export, made to open in Excel as people here have it: Dutch Excel reads `;` as the
 * separator (the comma is its decimal sign) and needs a UTF-8 byte-order mark to show "cliënt"
 * rather than "cliÃ«nt". Fields are quoted when needed (RFC 4180), quotes doubled, formulas defused.
 */

export const BOM = '\uFEFF';

export interface CsvOptions {
  separator?: ';' | ',';
  newline?: string;
  /** Starts the text with a UTF-8 byte-order mark. */
  bom?: boolean;
}

export function csvField(value: string | number | undefined, separator: ';' | ',' = ';'): string {
  let text = value === undefined ? '' : String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets: prefix it so it stays text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const special = new RegExp(`["\\n\\r${separator}]`);
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with LF by default: the CSV goes into a chat code block, where CRLF would show as noise. */
export function toCsv(rows: (string | number | undefined)[][], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const body = rows.map((row) => row.map((v) => csvField(v, separator)).join(separator)).join(options.newline ?? '\n');
  return options.bom ? BOM + body : body;
}
