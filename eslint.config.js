import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The engine and the simulator must be deterministic: time and randomness come only from the simulator's
// virtual clock and seeded PRNG, never from the host.
const nondeterminism = [
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Use the seeded PRNG of src/sim.',
  },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Use the virtual clock.' },
  { selector: "NewExpression[callee.name='Date']", message: 'Use the virtual clock.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'Use the virtual clock.' },
  { selector: "CallExpression[callee.name='setTimeout']", message: 'Schedule an event on the virtual clock.' },
  { selector: "CallExpression[callee.name='setInterval']", message: 'Schedule an event on the virtual clock.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/raft/**/*.ts', 'src/sim/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...nondeterminism] },
  },
  {
    // A node of src/raft must be readable beside the paper on its own: nothing from outside src/raft.
    files: ['src/raft/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../*', '!./*'] }] },
  },
  {
    // Layers one way: the simulator knows nothing of the layers above it (scenario files and links,
    // the worker, the store, the UI). Its tests and their helpers may build scenarios through the
    // edge's validator.
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts', 'src/sim/test-helpers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/scenario',
                '**/scenario/**',
                '**/worker',
                '**/worker/**',
                '**/store',
                '**/store/**',
                '**/ui',
                '**/ui/**',
              ],
              message: 'src/sim imports nothing from src/scenario, src/worker, src/store or src/ui.',
            },
          ],
        },
      ],
    },
  },
  {
    // The view draws what the engine says and never computes Raft: from src/raft and src/sim it takes
    // types only, plus a few named facts (wire constants, the command grammar, the size of a majority
    // for a cluster not yet built, the kinds of milestone the timeline offers), and the decoder of the packed
    // trace records a frame carries (it builds the records the engine wrote, and decides nothing).
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'src/ui/test/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/raft/*',
                '**/sim/*',
                '!**/sim/types',
                '!**/sim/event-kinds',
                '!**/sim/trace-pack',
                '!**/raft/kv',
                '!**/raft/quorum',
              ],
              allowTypeImports: true,
              message: 'The view reads what the engine emits: import types only (or add the fact to a frame).',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
