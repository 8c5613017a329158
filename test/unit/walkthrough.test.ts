/**
 * The Getting Started walkthrough as package.json declares it: every step's media exists, every
 * command link and onCommand event names a command the extension contributes (or the focus command
 * of a view it contributes), and every onContext event is a context key the extension sets.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}
const walkthroughs: { id: string; steps: Step[] }[] = manifest.contributes.walkthroughs;
const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const viewFocus = new Set<string>(
  Object.values(manifest.contributes.views as Record<string, { id: string }[]>)
    .flat()
    .map((v) => `${v.id}.focus`),
);
/** VS Code's own commands a step may link to. */
const BUILT_IN = new Set(['workbench.action.openSettings']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const source = sourceFiles(join(root, 'src'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('Getting started walkthrough (package.json)', () => {
  const steps = walkthroughs.flatMap((w) => w.steps);

  it('is contributed with six steps, in the order of the flow', () => {
    assert.equal(walkthroughs.length, 1);
    assert.equal(walkthroughs[0]?.id, 'idenfy.gettingStarted');
    assert.deepEqual(
      steps.map((s) => s.id),
      ['requestFile', 'startEmulator', 'createSession', 'finishVerification', 'webhook', 'checkStatus'],
    );
  });

  it('the first-run offer opens this walkthrough (publisher.name#id)', () => {
    const id = `${manifest.publisher}.${manifest.name}#${walkthroughs[0]?.id}`;
    assert.ok(source.includes(`'${id}'`), `src/ does not name ${id}`);
  });

  it('every step has media that exists under images/walkthrough/ and is packaged', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!images\/walkthrough\/\*\*$/m);
    for (const step of steps) {
      const files = [step.media.markdown, step.media.image].filter((f): f is string => f !== undefined);
      assert.ok(files.length > 0, `${step.id} has no media`);
      for (const file of files) {
        assert.ok(file.startsWith('images/walkthrough/'), `${step.id}: ${file}`);
        assert.ok(existsSync(join(root, file)), `${step.id}: ${file} does not exist`);
        if (file.endsWith('.md')) assert.match(readFileSync(join(root, file), 'utf8'), /^# \S/, file);
      }
    }
  });

  it('every command link and onCommand event names a contributed command', () => {
    let links = 0;
    for (const step of steps) {
      const named = [...step.description.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1] as string);
      assert.ok(named.length > 0, `${step.id} has no button`);
      links += named.length;
      const onCommand = (step.completionEvents ?? [])
        .filter((e) => e.startsWith('onCommand:'))
        .map((e) => e.slice('onCommand:'.length));
      for (const command of [...named, ...onCommand]) {
        assert.ok(
          commands.has(command) || viewFocus.has(command) || BUILT_IN.has(command),
          `${step.id}: ${command} is not a contributed command`,
        );
      }
    }
    assert.ok(links >= steps.length);
  });

  it('every step completes on an event, and each onContext key is set by the extension', () => {
    for (const step of steps) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `${step.id} never completes`);
      for (const event of events.filter((e) => e.startsWith('onContext:'))) {
        const key = event.slice('onContext:'.length);
        assert.ok(source.includes(`'setContext', '${key}'`), `${step.id}: nothing sets ${key}`);
      }
    }
  });
});
