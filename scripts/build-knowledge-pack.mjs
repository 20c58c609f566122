// Writes dist/knowledge.pack (src/knowledge/knowledge-pack.ts says what it is and why),
// through a temp file and a rename so that a reader never sees half of one.
import { renameSync, writeFileSync } from 'node:fs';
import { buildKnowledgePack } from '../dist/knowledge/build-knowledge-pack.js';
import { packPath } from '../dist/knowledge/knowledge-pack.js';

const target = packPath();
const tmp = `${target}.${process.pid}.tmp`;
writeFileSync(tmp, buildKnowledgePack());
renameSync(tmp, target);
