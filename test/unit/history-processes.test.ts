/**
 * Two to four VS Code windows share one history: each is a real process (history-child.ts) with its
 * own HistoryStore on the same folder, recording, removing and clearing at the same time. Nothing
 * may be lost, come back after removal, or show twice, in any window or after a restart.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { JsonFileStorage } from '../../src/history/file-storage';
import { HISTORY_KEY, HistoryStore } from '../../src/history/store';
import { type ChildOp, childEntry } from '../support/history-child';
import { Window } from '../support/history-processes';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'idenfy-history-processes-'));
  folders.push(dir);
  return dir;
};
/** What a window that starts now (after a restart) shows. */
const restart = (dir: string) => new HistoryStore(new JsonFileStorage(dir)).list().map((e) => e.id);
const sorted = (ids: string[]) => [...ids].sort();

let windows: Window[] = [];

before(async () => {
  windows = await Promise.all([0, 1, 2, 3].map(() => Window.start()));
});
after(() => {
  for (const w of windows) w.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const [a, b] = [0, 1].map((i) => ({ send: (c: Parameters<Window['send']>[0]) => windows[i]?.send(c) ?? [] }));

describe('history shared by windows (separate processes)', { timeout: 600_000 }, () => {
  test('both windows record one session: both survive', async () => {
    const dir = folder();
    await a?.send({ cmd: 'open', dir });
    await b?.send({ cmd: 'open', dir });
    await a?.send({ cmd: 'run', ops: [{ op: 'record', id: 'from-a' }] });
    await b?.send({ cmd: 'run', ops: [{ op: 'record', id: 'from-b' }] });
    assert.deepEqual(restart(dir), ['from-b', 'from-a']);
    assert.deepEqual(await a?.send({ cmd: 'list' }), ['from-b', 'from-a'], "window A sees B's session");
  });

  test('window A removes an entry while B sends: exactly the right entries are left', async () => {
    const dir = folder();
    await b?.send({ cmd: 'open', dir });
    await b?.send({
      cmd: 'run',
      ops: [
        { op: 'record', id: 'x' },
        { op: 'record', id: 'y' },
      ],
    });
    await a?.send({ cmd: 'open', dir });
    await a?.send({ cmd: 'run', ops: [{ op: 'remove', id: 'x' }] });
    await b?.send({ cmd: 'run', ops: [{ op: 'record', id: 'z' }] });
    assert.deepEqual(restart(dir), ['z', 'y']);
    // B never saw the removal itself: its next change must not bring x back.
    await b?.send({ cmd: 'run', ops: [{ op: 'remove', id: 'y' }] });
    assert.deepEqual(restart(dir), ['z']);
    assert.deepEqual(await a?.send({ cmd: 'list' }), ['z']);
  });

  test("a window watching the folder sees another window's session without a reload", async () => {
    const dir = folder();
    await a?.send({ cmd: 'open', dir });
    await b?.send({ cmd: 'open', dir });
    const waiting = windows[0]?.waitFor('seen') as ReturnType<Window['waitFor']>;
    await waiting.watching;
    await b?.send({ cmd: 'run', ops: [{ op: 'record', id: 'seen' }] });
    assert.deepEqual(await waiting.done, ['seen']);
  });

  test('windows starting together migrate the old history file once, without loss', async () => {
    const dir = folder();
    const old = [1, 2, 3, 4, 5].map((n) => childEntry(`old-${n}`));
    // The single-file format: a snapshot line, then appended lines.
    const lines = [
      JSON.stringify({ version: 1, entries: old.slice(2) }),
      JSON.stringify({ add: old[1], keep: 4 }),
      JSON.stringify({ add: old[0], keep: 5 }),
    ];
    writeFileSync(join(dir, `${HISTORY_KEY}.json`), `${lines.join('\n')}\n`, { mode: 0o600 });
    await Promise.all(windows.map((w) => w.send({ cmd: 'open', dir })));
    const expected = old.map((e) => e.id);
    for (const w of windows) assert.deepEqual(await w.send({ cmd: 'list' }), expected);
    assert.deepEqual(restart(dir), expected);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith(HISTORY_KEY)),
      [],
      'the old file (or a claim on it) is left over',
    );
    assert.equal(existsSync(join(dir, 'history')), true);
  });

  /**
   * Rounds of concurrent work. In a round, each window records new sessions of its own, records
   * them again, removes them, and removes sessions that were there when the round began (any window
   * may remove those, several at once). Who did what is known, and no two windows touch the same
   * session in ways whose order matters, so the expected history does not depend on how the
   * processes interleave. A round can instead be a Clear by one window. After each round every
   * window (after reload) and a restart must show exactly the expected set, each session once.
   */
  const op = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'new' as const, pick: 0 }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('again' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove-own' as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove-old' as const), pick: fc.nat() }) },
  );
  const round = fc.oneof(
    { weight: 1, arbitrary: fc.record({ clear: fc.constant(true as const), by: fc.nat(3) }) },
    {
      weight: 4,
      arbitrary: fc.record({
        clear: fc.constant(false as const),
        ops: fc.array(fc.array(op, { maxLength: 15 }), { minLength: 4, maxLength: 4 }),
      }),
    },
  );
  const plan = fc.record({
    count: fc.integer({ min: 2, max: 4 }),
    rounds: fc.array(round, { minLength: 1, maxLength: 4 }),
  });

  test('random concurrent record/remove/clear by 2-4 processes end with exactly the expected set', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(plan, async ({ count, rounds }) => {
        const dir = folder();
        const active = windows.slice(0, count);
        await Promise.all(active.map((w) => w.send({ cmd: 'open', dir })));
        let expected = new Set<string>();
        run++;
        for (const [r, spec] of rounds.entries()) {
          if (spec.clear) {
            await active[spec.by % count]?.send({ cmd: 'run', ops: [{ op: 'clear' }] });
            expected = new Set();
          } else {
            const old = [...expected];
            const next = new Set(expected);
            const scripts = active.map((_, p) => {
              const own: string[] = [];
              return (spec.ops[p] ?? []).flatMap(({ kind, pick }): ChildOp[] => {
                if (kind === 'new' || (kind === 'again' && own.length === 0)) {
                  const id = `run${run}-r${r}-p${p}-${own.length}`;
                  own.push(id);
                  return [{ op: 'record' as const, id }];
                }
                if (kind === 'again') {
                  return [{ op: 'record' as const, id: own[pick % own.length] as string }];
                }
                if (kind === 'remove-own' && own.length > 0) {
                  return [{ op: 'remove' as const, id: own[pick % own.length] as string }];
                }
                if (kind === 'remove-old' && old.length > 0) {
                  const id = old[pick % old.length] as string;
                  next.delete(id);
                  return [{ op: 'remove' as const, id }];
                }
                return [];
              });
            });
            // A window's new sessions are touched by its own script alone: replay it in order.
            for (const [p, script] of scripts.entries()) {
              const live = new Set<string>();
              for (const o of script) {
                if (o.op === 'clear' || !o.id.startsWith(`run${run}-r${r}-p${p}-`)) continue;
                if (o.op === 'record') live.add(o.id);
                else live.delete(o.id);
              }
              for (const id of live) next.add(id);
            }
            await Promise.all(active.map((w, p) => w.send({ cmd: 'run', ops: scripts[p] ?? [] })));
            expected = next;
          }
          const want = sorted([...expected]);
          const seen = restart(dir);
          assert.deepEqual(sorted(seen), want, `after round ${r} (a restart)`);
          for (const [p, w] of active.entries()) {
            const ids = await w.send({ cmd: 'list' });
            assert.deepEqual(sorted(ids), want, `after round ${r}, window ${p}`);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
