// Compiles the bot into dist/ with esbuild (a fraction of a second), so
// `npm start` runs plain JavaScript: faster start-up and a smaller process
// than a TypeScript loader. Packages stay external; adapters that load only
// when configured (MongoDB, Inngest, AI SDKs) stay separate chunks.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import process from 'node:process';

/** Bundles one entry point into `outdir` (emptied first), with the files read at run time beside it. */
export async function buildBundle(entry, outdir) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [entry],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // The local skill model is read next to the module that loads it.
  cpSync('adapters/local-ai/model', join(outdir, 'model'), { recursive: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildBundle('bot/main.ts', 'dist');
}
