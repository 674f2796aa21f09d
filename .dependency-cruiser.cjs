/**
 * Architecture rules, checked by `npm test`:
 * core is the hexagon's inside and imports nothing outside itself (zod aside);
 * adapters never import each other; only bot/ wires things together.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'core/ may import only core/ and zod.',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.(test|contract)\\.ts$' },
      to: { pathNot: ['^core/', '^node_modules/zod/', '^node_modules/@types/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-types-only-core',
      comment: 'Not even types from adapters, SDKs or the bot reach core/.',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.(test|contract)\\.ts$' },
      to: { path: ['^adapters/', '^bot/', '^inngest/', '^node_modules/(?!zod/)'] },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'core/ does not touch the process, files or network.',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.(test|contract)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'adapters-do-not-import-each-other',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/([^/]+)/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'adapters-do-not-import-bot',
      severity: 'error',
      from: { path: '^(adapters|inngest)/' },
      to: { path: '^bot/' },
    },
    {
      name: 'no-circular-core',
      severity: 'error',
      from: { path: '^core/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
