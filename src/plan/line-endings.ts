// Line endings and the byte-order mark: what analysis reads (LF, no BOM) and which ending a file mostly has
// (modifyFile puts both back). Apart from file-change.ts so that detection, which only reads, does not load
// the diff library.

export function eolOf(text: string): '\r\n' | '\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * The text analysis and edits read: LF line endings, and no byte-order mark (recast drops a BOM before it
 * parses, so offsets agree only without it). modifyFile puts both back.
 */
export function toAnalysisText(text: string): string {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return bare.includes('\r') ? bare.replace(/\r\n/g, '\n') : bare;
}
