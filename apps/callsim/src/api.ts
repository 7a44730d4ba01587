/** The hotline's HTTP API as the simulator uses it: JSON in and out, signed in or not. */
export class HotlineApi {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<HotlineApi> {
    const response = await new HotlineApi(baseUrl).request('POST', '/api/auth/login', {
      email,
      password,
    });
    if (response.status !== 200)
      throw new Error(`could not sign in as ${email}: ${response.status} ${response.text}`);
    return new HotlineApi(baseUrl, (response.body as { accessToken: string }).accessToken);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text };
  }

  /** The JSON answer, or an error naming the route and what the server said. */
  async json<T>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const response = await this.request(method, path, body);
    if (!expected.includes(response.status))
      throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
    return response.body as T;
  }
}

/** The person with this e-mail address on the hotlines the signed-in person can see. */
export async function findByEmail(
  api: HotlineApi,
  email: string,
): Promise<{ id: string; email: string } | undefined> {
  const page = await api.json<{ items: { id: string; email: string }[] }>(
    'GET',
    `/api/volunteers?q=${encodeURIComponent(email)}&limit=200`,
  );
  return page.items.find((person) => person.email === email.toLowerCase());
}
