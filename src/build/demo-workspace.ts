/**
 * Writes the sample workspace that `npm start` opens: one request file per snippet template (so the
 * samples can never drift from the catalog) and one file with mistakes to show the squiggles; the
 * same for result-webhook fixtures (webhooks/).
 * Usage: tsx src/build/demo-workspace.ts <folder>
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES, WEBHOOK_TEMPLATES } from '../snippets/catalog';
import { plainBody } from '../snippets/render';

const folder = process.argv[2];
if (!folder) throw new Error('usage: demo-workspace.ts <folder>');
mkdirSync(folder, { recursive: true });

for (const t of TEMPLATES) {
  const name = `${t.prefix.replace(/^idenfy-/, '')}.idenfy.json`;
  const text = `// ${t.label}: ${t.description}\n// Run "iDenfy: Create Session" (the cloud button above) to send it.\n${JSON.stringify(plainBody(t.body), null, 2)}\n`;
  writeFileSync(join(folder, name), text);
}
const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'workspace');
copyFileSync(join(fixtures, 'bad.idenfy.json'), join(folder, 'mistakes.idenfy.json'));

const webhooks = join(folder, 'webhooks');
mkdirSync(webhooks, { recursive: true });
for (const t of WEBHOOK_TEMPLATES) {
  const name = `${t.prefix.replace(/^idenfy-webhook-/, '')}.idenfy-webhook.json`;
  const text = `// ${t.label}: ${t.description}\n${JSON.stringify(plainBody(t.body), null, 2)}\n`;
  writeFileSync(join(webhooks, name), text);
}
copyFileSync(join(fixtures, 'mistakes.idenfy-webhook.json'), join(webhooks, 'mistakes.idenfy-webhook.json'));
writeFileSync(
  join(folder, 'README.md'),
  `# iDenfy Session Tools: sample requests

Each \`*.idenfy.json\` file here is the body of iDenfy's "Create verification session" request.

1. Open \`mistakes.idenfy.json\`: every broken rule is underlined; hover for the reason, or open the Problems panel.
2. In any request file, type \`"\` inside the object (or press Ctrl+Space) for property completion with documentation.
3. Open \`recommended.idenfy.json\` and run **iDenfy: Create Session** from the Command Palette (F1) or the cloud
   button in the editor title. This window talks to the built-in offline emulator (see the status bar), so no
   iDenfy account is needed. The response opens beside the request and the session appears under
   **iDenfy Sessions** in the Explorer.
4. In a new file named \`something.idenfy.json\`, type \`idenfy\` for the request snippets.
5. \`webhooks/\` holds result-webhook fixtures (\`*.idenfy-webhook.json\`), the bodies iDenfy POSTs to your callback URL:
   open \`webhooks/mistakes.idenfy-webhook.json\` for the squiggles, or type \`idenfy-webhook\` in a new one for the templates.
`,
);
console.log(`sample workspace written to ${folder}`);
