/**
 * A HistoryStorage on a Map, for tests of what the store does rather than where it writes (the
 * file storage has its own tests, with real processes). Values are cloned like a JSON round trip so
 * sharing bugs show up; writes can be slowed or failed; an earlier release's single value can be
 * put in `legacy`.
 */
import type { HistoryStorage, LegacyHistory } from '../../src/history/store';

export class MapStorage implements HistoryStorage {
  /** Records by name. */
  readonly data = new Map<string, unknown>();
  /** Copies set aside, by name. */
  readonly aside = new Map<string, unknown>();
  /** Every create and delete, in order (`create <name>` / `delete <name>`). */
  readonly writes: string[] = [];
  /** When set, create() rejects like a full disk. */
  failWrites = false;
  /** When set, setAside() throws (a read-only folder). */
  failAside = false;
  /** Milliseconds each create takes before it lands. */
  delayMs = 0;
  /** The single value of an earlier release, until migrated. */
  legacy: unknown;

  names(): string[] {
    return [...this.data.keys()];
  }

  read(name: string): unknown {
    return structuredClone(this.data.get(name));
  }

  async create(name: string, value: unknown): Promise<void> {
    this.writes.push(`create ${name}`);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failWrites) throw new Error(`storage write failed for ${name} (disk full)`);
    this.data.set(name, structuredClone(value));
  }

  async delete(names: readonly string[]): Promise<void> {
    for (const name of names) {
      this.writes.push(`delete ${name}`);
      this.data.delete(name);
    }
  }

  setAside(name: string, now: number): string | undefined {
    if (this.failAside) throw new Error('cannot set aside (read-only)');
    if (!this.data.has(name)) return undefined;
    const key = this.freeKey(now);
    this.aside.set(key, this.data.get(name));
    this.data.delete(name);
    return key;
  }

  async clearAside(): Promise<void> {
    this.aside.clear();
  }

  takeLegacy(): LegacyHistory | undefined {
    if (this.legacy === undefined) return undefined;
    const value = structuredClone(this.legacy);
    return {
      value,
      done: () => {
        this.legacy = undefined;
      },
      setAside: (now) => {
        if (this.failAside) throw new Error('cannot set aside (read-only)');
        const key = this.freeKey(now);
        this.aside.set(key, this.legacy);
        this.legacy = undefined;
        return key;
      },
    };
  }

  /** The entries stored, as written (values of the records), in no particular order. */
  entries(): Array<Record<string, unknown>> {
    return [...this.data.values()].map((v) => (v as { entry: Record<string, unknown> }).entry);
  }

  private freeKey(now: number): string {
    const base = `idenfy.history.corrupt.${now}`;
    let key = base;
    for (let n = 1; this.aside.has(key); n++) key = `${base}-${n}`;
    return key;
  }
}
