import './instrumentation';
import { exitOnStartupFailure, loadEnv } from '@invigil/server-platform';
import { startGateway } from './bootstrap';
import { GatewayEnv } from './config/env';

startGateway(loadEnv(GatewayEnv)).catch(exitOnStartupFailure('gateway'));
