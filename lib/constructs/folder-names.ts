import type { IConstruct } from 'constructs';
import { type Finding, findingOf } from '../rules/finding';
import { INPUT_RULES } from '../rules/input-rules';

/**
 * Whether a construct id can name a folder of its own: not `.` or `..`, no path separator or
 * control character. Stack and cluster files are written to folders named by these ids.
 */
export function isFolderName(id: string): boolean {
  return id !== '' && id !== '.' && id !== '..' && !/[/\\\u0000-\u001f]/.test(id);
}

/** HUB121 for each id on the way from `top` down to `node` (both included) that cannot be a folder. */
export function folderNameFindings(node: IConstruct, top: IConstruct): Finding[] {
  const scopes = node.node.scopes;
  return scopes.slice(scopes.indexOf(top)).flatMap((c) =>
    isFolderName(c.node.id)
      ? []
      : [findingOf(INPUT_RULES.constructId, { path: c.node.path || '(app)', value: c.node.id, allowed: 'a plain name: not . or .., no / or \\', message: 'This id names a folder of cdktf.out, and would write outside it.' })],
  );
}
