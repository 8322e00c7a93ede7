// A file's own code style (quotes, semicolons, indentation), so inserted lines read like their neighbours
// even in projects without a formatter.

export interface CodeStyle {
  quote: "'" | '"';
  semi: boolean;
  /** One indentation step: two or four spaces, or a tab. */
  indent: string;
  /** How long the file lets a line grow before recast breaks what it reprints (its own longest lines). */
  width?: number;
}

export const DEFAULT_STYLE: CodeStyle = { quote: "'", semi: true, indent: '  ' };

export function detectStyle(text: string): CodeStyle {
  return { quote: detectQuote(text), semi: detectSemicolons(text), indent: detectIndent(text), width: detectWidth(text) };
}

/** The width the file's code already uses (its longest code lines, not a stray long string), at least 80. */
function detectWidth(text: string): number {
  const lengths = text.split('\n').filter((l) => l.trim() && !/^\s*(\/\/|\*|\/\*)/.test(l)).map((l) => l.length).sort((a, b) => b - a);
  const typical = lengths[Math.min(2, lengths.length - 1)] ?? 80;
  return Math.min(Math.max(typical, 80), 160);
}

function detectQuote(text: string): "'" | '"' {
  // Module specifiers are the most reliable signal; fall back to every string literal.
  const fromImports = [...text.matchAll(/(?:from\s+|require\(\s*|import\s+)(['"])/g)].map((m) => m[1]);
  const sample = fromImports.length ? fromImports : [...text.matchAll(/(?<![\w\\])(['"])(?:(?!\1)[^\\\n])*\1/g)].map((m) => m[1]);
  const single = sample.filter((q) => q === "'").length;
  return sample.length > 0 && single * 2 < sample.length ? '"' : "'";
}

function detectSemicolons(text: string): boolean {
  let withSemi = 0;
  let without = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('//') || line.startsWith('*') || line.startsWith('/*')) continue;
    if (/[\w)\]'"`]\s*;$/.test(line)) withSemi++;
    else if (/^(const|let|var|return|import|export\s+(const|default)|await)\b.*[\w)\]'"`]$/.test(line)) without++;
  }
  return withSemi >= without;
}

function detectIndent(text: string): string {
  const lines = text.split('\n').filter((l) => /^\s+\S/.test(l));
  const tabs = lines.filter((l) => l.startsWith('\t')).length;
  if (tabs > lines.length / 2) return '\t';
  const counts = new Map<number, number>();
  let previous = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const width = /^ */.exec(line)?.[0].length ?? 0;
    const step = width - previous;
    if (step > 0 && step <= 8) counts.set(step, (counts.get(step) ?? 0) + 1);
    previous = width;
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return ' '.repeat(best ? best[0] : 2);
}

/**
 * Adapts code written in the house style (two-space indent, single quotes, semicolons) to `style`.
 * Only for code this tool writes: its strings hold no quotes of the other kind.
 */
export function applyStyle(code: string, style: CodeStyle): string {
  return code
    .split('\n')
    .map((line) => {
      let out = line.replace(/^((?: {2})+)/, (lead) => style.indent.repeat(lead.length / 2));
      if (style.quote === '"') out = out.replace(/'((?:[^'\\\n]|\\.)*)'/g, (_, body: string) => `"${body.replace(/"/g, '\\"')}"`);
      if (!style.semi) out = out.replace(/;(\s*(\/\/.*)?)$/, '$1');
      return out;
    })
    .join('\n');
}

/** Recast print options that match the style. */
export function printOptions(style: CodeStyle): { quote: 'single' | 'double'; tabWidth: number; useTabs: boolean; wrapColumn: number } {
  return {
    quote: style.quote === "'" ? 'single' : 'double',
    tabWidth: style.indent === '\t' ? 2 : style.indent.length,
    useTabs: style.indent === '\t',
    wrapColumn: style.width ?? 80,
  };
}

/** Code indented one step in the house style (two spaces; applyStyle adapts it), blank lines left blank. */
export function indentLines(code: string): string {
  return code
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}
