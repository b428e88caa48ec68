// Loaded before anything else so that HTTP and PostgreSQL calls are traced.
import { startTracing } from '@invigil/server-tracing';

startTracing('messaging');
