import { describe, expect, it, vi } from 'vitest';
import { createAuthStore } from '../src/stores/auth';
import { createClient } from '../src/api/client';
import { Me } from '../src/generated/operations';

describe('auth store (tokens in memory only)', () => {
  it('renews shortly before expiry, once for many callers, and never touches web storage', async () => {
    let now = 0;
    const refresher = vi.fn(async (token: string) => ({ accessToken: 'a2', refreshToken: token + '+', expiresIn: 600 }));
    const auth = createAuthStore(refresher, () => now);
    auth.signIn({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 600 });
    expect(await auth.validToken()).toBe('a1');
    now = 590_000;
    const tokens = await Promise.all([auth.validToken(), auth.validToken(), auth.validToken()]);
    expect(tokens).toEqual(['a2', 'a2', 'a2']);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(auth.state.refreshToken).toBe('r1+');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('a refused refresh signs out', async () => {
    const auth = createAuthStore(async () => { throw new Error('ended'); });
    auth.signIn({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 0 });
    expect(await auth.validToken()).toBeNull();
    expect(auth.isSignedIn()).toBe(false);
  });
});

describe('GraphQL client', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  it('sends the generated document with the bearer token, renews once on UNAUTHENTICATED and retries', async () => {
    const sent: Array<{ auth?: string; operation: string }> = [];
    const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      const auth = (init.headers as Record<string, string>).Authorization;
      sent.push({ auth, operation: body.operationName });
      if (body.operationName === 'RefreshSession') {
        return json(200, { data: { refreshSession: { accessToken: 'fresh', refreshToken: 'r2', expiresIn: 600 } } });
      }
      if (auth === 'Bearer stale') return json(401, { errors: [{ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] });
      return json(200, { data: { me: { id: '1' } } });
    });
    const client = createClient(fetchImpl);
    client.auth.signIn({ accessToken: 'stale', refreshToken: 'r1', expiresIn: 600 });
    const data = await client.request(Me, {});
    expect(data.me.id).toBe('1');
    expect(sent).toEqual([
      { auth: 'Bearer stale', operation: 'Me' },
      { auth: undefined, operation: 'RefreshSession' },
      { auth: 'Bearer fresh', operation: 'Me' },
    ]);
  });

  it('an error carries the server\'s Chinese message and code', async () => {
    const client = createClient(async () => json(200, { data: null, errors: [{ message: '只有社区工作人员可以登录社区工作台', extensions: { code: 'CONSOLE_STAFF_ONLY' } }] }));
    await expect(client.request(Me, {})).rejects.toMatchObject({ message: '只有社区工作人员可以登录社区工作台', code: 'CONSOLE_STAFF_ONLY' });
  });
});
