#!/usr/bin/env node
// What a first visit downloads before the app can start: the JS and CSS index.html loads (entry script,
// its modulepreloads, stylesheets), gzipped. Lazy routes and locale files are left out: they load on use.
// Run after `npm run build`: `node scripts/web-bundle-size.mjs`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '../dist/web');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
const total = { js: 0, css: 0 };
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total[file.endsWith('.js') ? 'js' : 'css'] += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(`initial JS ${(total.js / 1024).toFixed(1)} KB gzipped, CSS ${(total.css / 1024).toFixed(1)} KB gzipped`);
