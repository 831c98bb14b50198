/**
 * Stryker 9.6's vitest runner, with two changes for vitest 4.1:
 * - Its setup file reads the file's `meta` in `afterAll(({ meta }) => …)`. Since vitest 4.1 the first
 *   argument of a suite hook is the fixtures' context and the suite is the second, so the hook throws:
 *   Stryker then gets no coverage (every mutant runs every test, and mutants in code that runs while
 *   a module loads are never switched on) and no hit counts. The copy in the sandbox is corrected.
 * - A test file that fails under a mutant without a failed test kills the mutant. The runner counts
 *   only tests, so a mutant that makes a module throw while it loads (a rule table with no id, say)
 *   leaves the file with no tests, and was reported as survived although `vitest run` fails.
 * Plain JavaScript: Stryker loads plugins in its own worker processes, without a TypeScript loader.
 */
import * as fs from 'node:fs';
import { commonTokens, declareFactoryPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { MutantRunStatus } from '@stryker-mutator/api/test-runner';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

const vitest = vitestPlugins.find((p) => p.kind === PluginKind.TestRunner && p.name === 'vitest');
if (!vitest || !('factory' in vitest)) throw new Error('@stryker-mutator/vitest-runner no longer declares its "vitest" test runner.');

/** @param {import('@stryker-mutator/api/plugin').Injector<import('@stryker-mutator/api/plugin').PluginContext>} injector */
function createRunner(injector) {
  const runner = injector.injectFunction(vitest.factory);
  const init = runner.init.bind(runner);
  runner.init = async () => {
    await init();
    const setup = fs.readFileSync(runner.localSetupFile, 'utf8');
    const hooks = setup.split('afterAll(({ meta }) =>');
    if (hooks.length !== 3) throw new Error(`Stryker's vitest setup file changed: ${runner.localSetupFile} no longer has the two afterAll hooks this plugin corrects.`);
    fs.writeFileSync(runner.localSetupFile, hooks.join('afterAll(({}, { meta }) =>'));
  };
  const mutantRun = runner.mutantRun.bind(runner);
  /** @param {import('@stryker-mutator/api/test-runner').MutantRunOptions} options */
  runner.mutantRun = async (options) => {
    const result = await mutantRun(options);
    if (result.status !== MutantRunStatus.Survived) return result;
    // The files of this run, as vitest reports them: a file fails when it cannot load or a hook throws.
    const failed = runner.ctx.state.getFiles().filter((f) => f.result?.state === 'fail');
    if (failed.length === 0) return result;
    return {
      status: MutantRunStatus.Killed,
      killedBy: failed.map((f) => f.filepath),
      failureMessage: failed.flatMap((f) => f.result?.errors ?? []).map((e) => e.message ?? '')[0] ?? 'a test file failed',
      nrOfTests: result.nrOfTests,
    };
  };
  return runner;
}
createRunner.inject = [commonTokens.injector];

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-files', createRunner)];
