// GraphiQL served from Linli itself (Spring's own page loads it from esm.sh, which shows only "Loading…" offline):
// the same page, bundled by Vite into the console build; scripts/place-graphiql.mjs puts its HTML where Spring for
// GraphQL's GraphiQlHandler looks for it (classpath:graphiql/index.html), ahead of the one in the spring-graphql jar.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './graphiql.css';

const params = new URLSearchParams(window.location.search);
const path = params.get('path') || '/graphql';
const wsPath = params.get('wsPath') || '/graphql';
const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
const fetcher = createGraphiQLFetcher({
  url: `${location.protocol}//${location.host}${path}`,
  subscriptionUrl: `${wsProtocol}//${location.host}${wsPath}`,
});

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }),
);
