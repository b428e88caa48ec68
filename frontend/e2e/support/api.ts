import { DEMO_PASSWORD } from '@invigil/server-seed';

/** Calls the gateway's HTTP API as one signed-in user, for setup steps and for checking what the server stored. */
export class ApiClient {
  private constructor(
    private readonly baseUrl: () => string,
    private readonly token: string,
  ) {}

  /** `baseUrl` is read on every call: a restarted gateway keeps its port, but tests may move between gateways. */
  static async signIn(baseUrl: () => string, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const response = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
    return new ApiClient(baseUrl, ((await response.json()) as { accessToken: string }).accessToken);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl()}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
