// Guard rails, not style: a provider package imported from its root loads ~1,500 modules
// (about 2 s and 400 MiB per synth). Import `@cdktf/provider-*/lib/<resource>` instead.
import tseslint from 'typescript-eslint';

const ROOT_IMPORT = '^@cdktf/provider-[a-z0-9-]+$';
// The same pattern inside an esquery selector, where '/' must be escaped.
const ROOT_IMPORT_SELECTOR = ROOT_IMPORT.replace('/', '\\/');
const MESSAGE = 'Import a provider from lib/<resource> (e.g. @cdktf/provider-azurestack/lib/subnet), never from its package root: the root loads ~1,500 modules.';

export default [
  { ignores: ['node_modules/**', 'dist/**', 'cdktf.out/**', 'docs/**', '**/__snapshots__/**'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: ROOT_IMPORT, message: MESSAGE }] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.name='require'] > Literal[value=/${ROOT_IMPORT_SELECTOR}/]`,
          message: MESSAGE,
        },
        {
          selector: `ImportExpression > Literal[value=/${ROOT_IMPORT_SELECTOR}/]`,
          message: MESSAGE,
        },
        {
          selector: `TSImportType Literal[value=/${ROOT_IMPORT_SELECTOR}/]`,
          message: MESSAGE,
        },
      ],
    },
  },
];
