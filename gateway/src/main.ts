import './instrumentation';
import { loadEnv, runCli } from '@invigil/server-platform';
import { startGateway } from './bootstrap';
import { GatewayEnv } from './config/env';

/** The gateway only serves (it owns no tables); any other command stops with the list of commands. */
void runCli('gateway', {
  serve: async () => {
    await startGateway(loadEnv(GatewayEnv));
  },
});
