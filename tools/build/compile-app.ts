import { transformFile } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

export interface CompiledApp {
  /** Files written, relative to the output folder. */
  files: string[];
  /** Bare package names the compiled code requires (its production dependencies). */
  packages: Set<string>;
}

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Compiles an app's entry and every source file it reaches (its libs included) with SWC, keeping
 * decorator metadata for Nest, and rewrites the @invigil/* aliases to relative paths, so the output
 * runs with plain `node` and needs nothing from the monorepo.
 */
export async function compileApp(
  root: string,
  entry: string,
  outDir: string,
  paths: Record<string, string[]>,
): Promise<CompiledApp> {
  const queue = [resolve(root, entry)];
  const seen = new Set<string>();
  const packages = new Set<string>();
  const files: string[] = [];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const output = await transformFile(file, {
      sourceMaps: false,
      jsc: {
        target: 'es2022',
        baseUrl: root,
        paths,
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    });
    const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, output.code);
    files.push(relative(outDir, target));
    for (const specifier of requiredSpecifiers(output.code)) {
      if (specifier.startsWith('.')) queue.push(resolveSource(dirname(file), specifier));
      else if (!BUILTINS.has(specifier)) packages.add(packageName(specifier));
    }
  }
  return { files, packages };
}

function requiredSpecifiers(code: string): string[] {
  return [...code.matchAll(/require\((["'])([^"']+)\1\)/g)].flatMap((match) => (match[2] ? [match[2]] : []));
}

function resolveSource(fromDir: string, specifier: string): string {
  const base = resolve(fromDir, specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  throw new Error(`Cannot resolve ${specifier} from ${fromDir}`);
}

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
