/** CSV (RFC 4180) for the export: fields quoted when needed, quotes doubled, formulas defused. */

export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets: prefix it so it stays text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with LF: the CSV goes into a chat code block, where CRLF would show as noise. */
export function toCsv(rows: (string | number | undefined)[][], newline = '\n'): string {
  return rows.map((row) => row.map(csvField).join(',')).join(newline);
}
