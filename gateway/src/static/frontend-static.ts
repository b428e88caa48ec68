import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/**
 * In the all-in-one start the gateway also serves the built Angular app; any GET that is not the
 * API, the socket or a file gets index.html so deep links work.
 */
export function serveFrontend(app: NestExpressApplication, distFolder: string | undefined): boolean {
  if (!distFolder || !existsSync(join(distFolder, 'index.html'))) return false;
  app.useStaticAssets(distFolder, { index: false, maxAge: '1h' });
  const indexHtml = join(distFolder, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isAppRoute = request.method === 'GET' && !/^\/(api|socket\.io|health|metrics)(\/|$)/.test(request.path);
    if (!isAppRoute) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
  return true;
}
