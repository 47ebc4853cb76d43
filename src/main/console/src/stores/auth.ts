import { reactive } from 'vue';

// The console's session lives in memory only (never localStorage or sessionStorage): a reload asks for a new scan.
// The access token is renewed with the refresh token before it expires; refreshes are single-flight, because the
// server retires a refresh token on use and ends the whole session when a retired one is presented again.
export interface SessionAccount { id: string; nickname: string | null; roles: string[]; staffCommunity: { id: string; name: string } | null }
export interface SessionTokens { accessToken: string; refreshToken: string; expiresIn: number; account?: SessionAccount }

type Refresher = (refreshToken: string) => Promise<SessionTokens>;

export interface AuthStore {
  readonly state: { accessToken: string | null; refreshToken: string | null; expiresAt: number; account: SessionAccount | null };
  signIn(tokens: SessionTokens): void;
  signOut(): void;
  isSignedIn(): boolean;
  /** A token fresh for at least `marginMs` (refreshing first if needed); null when signed out. */
  validToken(marginMs?: number): Promise<string | null>;
  /** Renews now (after the server said UNAUTHENTICATED); false when the session has ended. */
  renew(): Promise<boolean>;
}

export function createAuthStore(refresher: Refresher, now: () => number = Date.now): AuthStore {
  const state = reactive({ accessToken: null as string | null, refreshToken: null as string | null, expiresAt: 0,
    account: null as SessionAccount | null });
  let inFlight: Promise<boolean> | null = null;

  function signIn(tokens: SessionTokens) {
    state.accessToken = tokens.accessToken;
    state.refreshToken = tokens.refreshToken;
    state.expiresAt = now() + tokens.expiresIn * 1000;
    if (tokens.account) state.account = tokens.account;
  }
  function signOut() {
    state.accessToken = null;
    state.refreshToken = null;
    state.expiresAt = 0;
    state.account = null;
  }
  function renew(): Promise<boolean> {
    if (!state.refreshToken) return Promise.resolve(false);
    if (!inFlight) {
      const presented = state.refreshToken;
      inFlight = refresher(presented)
        .then((tokens) => { signIn(tokens); return true; })
        .catch(() => { signOut(); return false; })
        .finally(() => { inFlight = null; });
    }
    return inFlight;
  }
  async function validToken(marginMs = 30_000): Promise<string | null> {
    if (!state.accessToken) return null;
    if (state.expiresAt - now() < marginMs && !(await renew())) return null;
    return state.accessToken;
  }
  return { state, signIn, signOut, isSignedIn: () => state.accessToken !== null, validToken, renew };
}
