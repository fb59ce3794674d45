import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers stay honest: the core runs in plain Node and the renderer in a sandboxed page, so neither may
// reach for Electron. Electron lives only in src/main/*.ts and the preload.
const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'Keep Electron out of this layer: pass what you need in from src/main.',
        },
      ],
      patterns: [{ group: ['electron/*'], message: 'Keep Electron out of this layer.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'docs/**', 'bench/.work/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/main/core/**', 'src/cli/**'], rules: noElectron },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: noElectron,
  },
);
