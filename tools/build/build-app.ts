import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileApp } from './compile-app';
import { productionManifest } from './production-manifest';

/** The deployables with a Node entry point, and where it is. */
export const NODE_APPS: Record<string, string> = {
  sessions: 'services/sessions/src/main.ts',
  enrollment: 'services/enrollment/src/main.ts',
  monitoring: 'services/monitoring/src/main.ts',
  messaging: 'services/messaging/src/main.ts',
  scoring: 'services/scoring/src/main.ts',
  gateway: 'gateway/src/main.ts',
};

/**
 * `node tools/run-ts.js tools/build/build-app.ts <app>` → dist/apps/<app>/ with main.js, the
 * compiled sources, a package.json listing only the packages that app requires (versions exactly
 * as locked at the root) and a package-lock.json, ready for `npm ci --omit=dev` in an image.
 */
export async function buildApp(root: string, app: string): Promise<string> {
  const entry = NODE_APPS[app];
  if (!entry) throw new Error(`Unknown app "${app}"; one of: ${Object.keys(NODE_APPS).join(', ')}`);
  const outDir = join(root, 'dist/apps', app);
  await rm(outDir, { recursive: true, force: true });
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const compiled = await compileApp(root, entry, outDir, tsconfig.compilerOptions.paths);
  // Decorator metadata must be readable before any decorated class loads.
  await writeFile(
    join(outDir, 'main.js'),
    `require('reflect-metadata');\nrequire('./${entry.replace(/\.ts$/, '.js')}');\n`,
  );
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifest = productionManifest(app, rootManifest, compiled.packages);
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The lock is resolved against the npm cache the root install filled; versions are exact already.
  execFileSync(
    'npm',
    ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: outDir, stdio: 'pipe' },
  );
  return outDir;
}

// run-ts.js loads this file through require(), so compare the entry path rather than require.main.
if (process.argv[1] === __filename) {
  const root = join(__dirname, '../..');
  const apps = process.argv.slice(2);
  (async () => {
    for (const app of apps.length > 0 ? apps : Object.keys(NODE_APPS)) {
      const outDir = await buildApp(root, app);
      process.stdout.write(`built ${app} → ${outDir}\n`);
    }
  })().catch((error: unknown) => {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
