import type { TypedDocument } from '../generated/operations';
import { RefreshSession } from '../generated/operations';
import { ApiError, fromGraphQlErrors } from './errors';
import { createAuthStore, type AuthStore } from '../stores/auth';

// The console's GraphQL client over HTTP: typed by the generated documents, bearer token from the in-memory session,
// one renewal and retry when the server answers UNAUTHENTICATED.
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface GraphQlClient {
  request<R, V>(document: TypedDocument<R, V>, variables?: V): Promise<R>;
  readonly auth: AuthStore;
}

export function createClient(fetchImpl: Fetch = (i, init) => fetch(i, init), url = '/graphql'): GraphQlClient {
  async function send<R, V>(document: TypedDocument<R, V>, variables: V | undefined, token: string | null): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetchImpl(url, {
      method: 'POST', headers,
      body: JSON.stringify({ query: document.text, operationName: document.name, variables: variables ?? {} }),
    });
    let body: any = null;
    try { body = await response.json(); } catch { body = null; }
    return { status: response.status, body };
  }

  const auth = createAuthStore(async (refreshToken) => {
    const { body } = await send(RefreshSession, { input: { refreshToken } }, null);
    if (body?.errors?.length) throw fromGraphQlErrors(body.errors);
    return body.data.refreshSession;
  });

  async function request<R, V>(document: TypedDocument<R, V>, variables?: V): Promise<R> {
    let result = await send(document, variables, await auth.validToken());
    if (isUnauthenticated(result) && auth.isSignedIn() && (await auth.renew())) {
      result = await send(document, variables, await auth.validToken());
    }
    if (result.body?.errors?.length) throw fromGraphQlErrors(result.body.errors);
    if (!result.body?.data) throw new ApiError('系统繁忙，请稍后再试', 'INTERNAL');
    return result.body.data as R;
  }
  return { request, auth };
}

function isUnauthenticated(result: { status: number; body: any }): boolean {
  return result.status === 401 || result.body?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
}

export const api = createClient();
