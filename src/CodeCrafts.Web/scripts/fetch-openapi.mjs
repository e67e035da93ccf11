// Copies the running Api's OpenAPI document into openapi/v1.json, the snapshot the typed client is generated
// from (npm run openapi:generate) and that the Api's test suite compares with the live document.
import { writeFile } from 'node:fs/promises';

const base = process.env.services__api__http__0 ?? process.env.API_HTTP ?? 'http://localhost:5080';
const url = new URL('/openapi/v1.json', base);

let response;
try {
  response = await fetch(url);
} catch (error) {
  console.error(`Cannot reach the Api at ${url}: ${error.message}. Start it first (see README.md).`);
  process.exit(1);
}
if (!response.ok) {
  console.error(`GET ${url} answered ${response.status}.`);
  process.exit(1);
}
const document = await response.json();
// The server address depends on where the Api ran, not on the contract.
delete document.servers;
await writeFile(new URL('../openapi/v1.json', import.meta.url), JSON.stringify(document, null, 2) + '\n');
console.log(`openapi/v1.json updated from ${url}`);
