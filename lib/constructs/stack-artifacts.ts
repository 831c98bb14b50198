import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnnotationMetadataEntryType, type TerraformStack } from 'cdktf';
import type { IStackSynthesizer, ISynthesisSession } from 'cdktf';
import { textOrder } from '../rules/order';

/** A file written beside a stack's `cdk.tf.json` at synth time. */
export interface StackArtifact {
  /** Path below `cdktf.out/stacks/<stack>/`. */
  readonly relativePath: string;
  /** The file's content; called once per synth. */
  readonly render: () => string;
}

/** A JSON file as the library writes it: two-space indents and a final newline. */
export const jsonFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const artifacts = new WeakMap<TerraformStack, StackArtifact[]>();

/** Adds a file to write beside the stack's `cdk.tf.json`. */
export function addArtifact(stack: TerraformStack, artifact: StackArtifact): void {
  const list = artifacts.get(stack) ?? [];
  if (list.some((a) => a.relativePath === artifact.relativePath)) {
    throw new Error(`Two artifacts of stack '${stack.node.id}' would be written to ${artifact.relativePath}.`);
  }
  artifacts.set(stack, [...list, artifact]);
}

/** The files a stack writes beside `cdk.tf.json`, rendered, by path below the stack directory. */
export function renderArtifacts(stack: TerraformStack): Record<string, string> {
  const list = [...(artifacts.get(stack) ?? [])].sort((a, b) => textOrder(a.relativePath, b.relativePath));
  return Object.fromEntries(list.map((a) => [a.relativePath, a.render()]));
}

/**
 * The API models and READMEs an earlier synth wrote. What `aks-engine-azurestack deploy` wrote
 * beside them (`_output`: the cluster's keys, needed for scale and upgrade) is kept.
 */
function removeApiModels(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '_output') removeApiModels(p);
    else if (e.isFile() && (e.name === 'apimodel.json' || e.name === 'README.md')) fs.rmSync(p);
  }
}

/**
 * Wraps a stack's synthesizer so that it also writes the stack's artifacts, and nothing of an
 * earlier synth survives a failed one.
 */
export function writeArtifactsOnSynth(stack: TerraformStack): void {
  const inner: IStackSynthesizer = stack.synthesizer;
  stack.synthesizer = {
    synthesize: (session: ISynthesisSession) => {
      const stackManifest = session.manifest.forStack(stack);
      // Only a folder an earlier synth wrote has anything to clear.
      if (fs.existsSync(path.join(session.outdir, stackManifest.workingDirectory))) {
        fs.rmSync(path.join(session.outdir, stackManifest.synthesizedStackPath), { force: true });
        fs.rmSync(path.join(session.outdir, stackManifest.workingDirectory, 'arm'), { recursive: true, force: true });
        removeApiModels(path.join(session.outdir, stackManifest.workingDirectory, 'aks-engine'));
      }
      inner.synthesize(session);
      // A stack with errors writes no templates: nothing half-valid is left in cdktf.out/.
      if (stackManifest.annotations.some((a) => a.level === AnnotationMetadataEntryType.ERROR)) return;
      const dir = path.join(session.outdir, stackManifest.workingDirectory);
      const made = new Set<string>();
      for (const [relativePath, content] of Object.entries(renderArtifacts(stack))) {
        const file = path.resolve(dir, relativePath);
        // Ids are checked (HUB121); this keeps any other path from leaving the stack's folder.
        if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error(`Refusing to write ${relativePath} outside ${dir}.`);
        const folder = path.dirname(file);
        if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true }), made.add(folder);
        fs.writeFileSync(file, content);
      }
    },
  };
}
