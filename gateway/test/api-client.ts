import { LoginResponse } from '@invigil/contracts';
import { DEMO_PASSWORD } from '@invigil/server-seed';

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** A thin HTTP client for suites: what a browser or a script would send. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  static async signIn(
    baseUrl: string,
    email: string,
    password = DEMO_PASSWORD,
  ): Promise<ApiClient & { login: LoginResponse }> {
    const anonymous = new ApiClient(baseUrl);
    const response = await anonymous.call<LoginResponse>('POST', '/api/auth/login', { email, password });
    if (response.status !== 200)
      throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return Object.assign(new ApiClient(baseUrl, response.body.accessToken), { login: response.body });
  }

  get accessToken(): string | undefined {
    return this.token;
  }

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}

/** A New Session body with the form's defaults: flexible start, auto enrollment, session-wide limit, security off. */
export function sessionBody(
  name: string,
  assessmentId: string | undefined,
  durationMinutes: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    assessmentId,
    durationMinutes,
    startMode: 'flexible',
    timeZone: 'UTC',
    enrollmentMode: 'auto',
    lateEntry: false,
    timeLimitMode: 'session_wide',
    security: { browserLockdown: false, screenMonitoring: false, identityVerification: false },
    ...extra,
  };
}
