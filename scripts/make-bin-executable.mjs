// npm links `bin` entries on install, but a freshly compiled dist/cli.js has no
// execute bit; set it so `./dist/cli.js` and `npx fix-arabic` both work.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
