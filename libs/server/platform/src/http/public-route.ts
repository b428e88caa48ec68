import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'invigil:public';

/** Marks an HTTP route anyone may call (login, health probes): the gateway's auth guard lets it pass. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
