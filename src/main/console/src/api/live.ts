import { createClient as createWsClient, type Client } from 'graphql-ws';
import type { TypedDocument } from '../generated/operations';
import type { AuthStore } from '../stores/auth';
import { fromGraphQlErrors } from './errors';

// Subscriptions over graphql-ws on /graphql. The token goes in connection_init; the server closes the socket when the
// token expires or the session ends, and graphql-ws reconnects with a fresh one from the auth store.
export function liveClient(auth: AuthStore, url = defaultUrl()): Client {
  return createWsClient({
    url,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => auth.isSignedIn(),
    connectionParams: async () => ({ Authorization: `Bearer ${await auth.validToken()}` }),
  });
}

function defaultUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/graphql`;
}

export function subscribe<R, V>(client: Client, document: TypedDocument<R, V>, variables: V,
                                onData: (data: R) => void, onError: (message: string) => void): () => void {
  return client.subscribe<R>(
    { query: document.text, operationName: document.name, variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        if (value.errors?.length) onError(fromGraphQlErrors(value.errors as any).message);
        else if (value.data) onData(value.data as R);
      },
      error: () => onError('实时更新已断开，正在重新连接…'),
      complete: () => {},
    });
}
