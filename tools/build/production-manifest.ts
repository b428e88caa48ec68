interface RootManifest {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

/** Packages code needs at run time that no `require` names (loaded by another package by name). */
const IMPLIED: Record<string, string[]> = {
  '@mikro-orm/postgresql': ['pg'],
  '@nestjs/core': ['@nestjs/platform-express', 'reflect-metadata'],
  'nestjs-pino': ['pino-http'],
};

/**
 * The app's own package.json: only the packages its compiled code requires, at the exact versions
 * the root locks. A package required at run time but listed only as a dev dependency is an error,
 * because the image would start without it.
 */
export function productionManifest(app: string, root: RootManifest, required: Set<string>): object {
  const needed = new Set(required);
  for (const name of required) for (const implied of IMPLIED[name] ?? []) needed.add(implied);
  const dependencies: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of [...needed].sort()) {
    const version = root.dependencies?.[name];
    if (version) dependencies[name] = version;
    else missing.push(root.devDependencies?.[name] ? `${name} (only a devDependency)` : name);
  }
  if (missing.length > 0)
    throw new Error(`${app} requires packages that are not production dependencies: ${missing.join(', ')}`);
  return {
    name: `@invigil/${app}`,
    version: root.version,
    private: true,
    main: 'main.js',
    engines: root.engines,
    dependencies,
  };
}
