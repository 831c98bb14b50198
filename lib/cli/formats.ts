import { RULES } from '../rules/registry';
import { type Finding, findingWhere as where, inWordsOf } from '../rules/finding';
import { propName } from '../import/from-props';

/** Output formats of `aks-hub check`. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

function summary(findings: readonly Finding[], files: number): { errors: number; warnings: number; files: number } {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length, files };
}

export function formatText(findings: readonly Finding[], files: number): string {
  const s = summary(findings, files);
  const lines = findings.map((f) => `${f.location?.file}${f.location?.line ? `:${f.location.line}` : ''}: ${f.ruleId} ${f.severity} ${where(f)}: ${f.message} Got ${f.value}; allowed: ${f.allowed}.\n    fix: ${f.fix}`);
  lines.push(`${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(findings: readonly Finding[], files: number, notes: readonly string[] = []): string {
  return `${JSON.stringify({ findings, summary: summary(findings, files), notes }, null, 2)}\n`;
}

/**
 * What `check` prints when it cannot run (exit 2) in a machine-read format: still one document,
 * with the error in it, so a pipeline that parses the output gets a reason rather than nothing.
 */
export function formatFailure(format: Format, message: string, version: string): string {
  if (format === 'json') return `${JSON.stringify({ findings: [], summary: { errors: 0, warnings: 0, files: 0 }, notes: [], error: { message, exitCode: 2 } }, null, 2)}\n`;
  const sarif = JSON.parse(formatSarif([], 0, version));
  sarif.runs[0].invocations = [{ executionSuccessful: false, exitCode: 2, toolExecutionNotifications: [{ level: 'error', message: { text: message } }] }];
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A file path as a SARIF URI reference: forward slashes, every other reserved or non-ASCII character percent-encoded (RFC 3986). */
export function fileUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** SARIF 2.1.0, for CI code scanning: each result at its file and line; files skipped as notifications. */
export function formatSarif(findings: readonly Finding[], _files: number, version: string, notes: readonly string[] = []): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aks-hub',
            informationUri: 'https://www.npmjs.com/package/cdktf-aks-hub',
            version,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.title.replace(/[^A-Za-z0-9]+/g, ' ').trim().replace(/ (.)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.why },
              // Field placeholders in the words of props, as `aks-hub explain` writes them.
              help: { text: `${inWordsOf(r.fix, propName)} (source: ${r.source})` },
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: RULES.findIndex((r) => r.id === f.ruleId),
          level: f.severity === 'error' ? 'error' : 'warning',
          message: { text: `${f.message} Got ${f.value}; allowed: ${f.allowed}. Fix: ${f.fix}` },
          locations: [
            {
              // A finding without a line of its own (over several clusters) is placed at the file's top.
              physicalLocation: { artifactLocation: { uri: fileUri(f.location?.file ?? '') }, region: { startLine: f.location?.line ?? 1 } },
              logicalLocations: [{ fullyQualifiedName: where(f), kind: 'resource' }],
            },
          ],
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notes.map((text) => ({ level: 'note', message: { text } })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
