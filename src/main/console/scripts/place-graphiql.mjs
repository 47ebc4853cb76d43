// After `vite build`: the GraphiQL page goes to target/classes/graphiql/index.html, where Spring for GraphQL's
// GraphiQlHandler reads it (the application's classes come before the spring-graphql jar on the class path), and
// leaves the console's folder. Its scripts and styles stay in /console/assets/ (hashed, served by Linli).
import { mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const classes = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'target', 'classes');
const built = join(classes, 'static', 'console', 'graphiql', 'index.html');
if (!existsSync(built)) throw new Error('vite build did not write ' + built);
mkdirSync(join(classes, 'graphiql'), { recursive: true });
renameSync(built, join(classes, 'graphiql', 'index.html'));
rmSync(join(classes, 'static', 'console', 'graphiql'), { recursive: true, force: true });
console.log('GraphiQL page → target/classes/graphiql/index.html');
