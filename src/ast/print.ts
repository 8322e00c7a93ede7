// How every transform turns its edited tree back into text: recast in the file's style, the planned imports
// added, then the app's own text put back wherever the code did not change.
import type { ImportPlanner } from './add-import.js';
import { keepOriginalText } from './keep-original-text.js';
import { printOptions, type CodeStyle } from './style.js';

export function printEdited(root: { toSource(options: object): string }, file: { path: string; source: string }, style: CodeStyle, planner: ImportPlanner, options: object = {}): string {
  const printed = planner.insertInto(root.toSource({ ...printOptions(style), ...options }), file.path, style);
  return keepOriginalText(file.path, file.source, printed);
}
