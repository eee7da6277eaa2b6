// jscodeshift 17's closing summary, as its Runner prints it:
//
//   Processing 691 files...
//   ...
//   Results:
//   0 errors
//   0 unmodified
//   571 skipped
//   120 ok
//
// Each count line is coloured by picocolors when colours are on, the escape codes straddling the line breaks
// (`\x1b[31m0 errors\n\x1b[39m\x1b[33m0 unmodified\n…`): they are stripped before reading. A transform that returns
// null or undefined for a file it leaves alone (ours do) makes that file "skipped", not "unmodified" (which means the
// transform returned the source unchanged), so unchanged files are skipped + unmodified.

const ESCAPE = /\u001b\[[0-9;]*m/g;

/** `{ files, errors, unmodified, skipped, ok }` (numbers), or undefined when the output holds no summary. */
export function jscodeshiftSummary(stdout) {
  const text = stdout.replace(ESCAPE, '');
  const start = text.lastIndexOf('Results:');
  if (start < 0) return undefined;
  const results = text.slice(start);
  const count = (label) => {
    const m = new RegExp(`^\\s*(\\d+) ${label}\\s*$`, 'm').exec(results);
    return m ? Number(m[1]) : undefined;
  };
  const summary = { errors: count('errors'), unmodified: count('unmodified'), skipped: count('skipped'), ok: count('ok') };
  if (Object.values(summary).some((n) => n === undefined)) return undefined;
  const files = /Processing (\d+) files/.exec(text);
  return { files: files ? Number(files[1]) : summary.errors + summary.unmodified + summary.skipped + summary.ok, ...summary };
}

/** One line for a table: `691 files: 120 changed, 571 unchanged, 0 errors`. */
export function describeSummary(summary) {
  if (!summary) return 'no summary in its output';
  const { files, errors, unmodified, skipped, ok } = summary;
  return `${files} files: ${ok} changed, ${unmodified + skipped} unchanged, ${errors} errors`;
}
