/**
 * `npm run schemas`: writes every generated file from its source. The unit tests compare the
 * committed files with these renderings, so an edit to the model without regenerating fails CI.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGeneratedFiles } from './generated-files';

const root = join(__dirname, '..', '..');
for (const [path, text] of Object.entries(renderGeneratedFiles())) {
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path} (${Buffer.byteLength(text)} bytes)`);
}
