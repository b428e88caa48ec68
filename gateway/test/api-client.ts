// The suites' HTTP client lives with the other testing helpers, where the benchmarks can use it too.
export { ApiClient, sessionBody } from '@invigil/server-testing';
export type { ApiResponse } from '@invigil/server-testing';
