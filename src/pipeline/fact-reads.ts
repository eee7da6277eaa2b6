import { emptyFacts, type FileFacts } from '../core/facts.js';

/**
 * What a run of the transforms read of its file's facts, each read with the answer it got. A candidate is
 * transformed ahead of the project index with no facts; when the index then gives it some, the transforms would run
 * again with them. If the facts it gets answer every read of the first run as no facts did, the second run would
 * read, and so do, exactly what the first did: its result stands. openai-node: 35 of 325 candidates get facts,
 * and transforming them again cost 0.4 s of a 3.5 s run.
 */
export type FactRead =
  /** A field read as a whole (iterated, spread, compared): the facts must hold the same value, compared as JSON. */
  | { key: string; json: string | undefined }
  /** `field.includes(name)` on a list. */
  | { key: string; includes: unknown; answer: boolean }
  /** `field.length` of a list. */
  | { key: string; length: number }
  /** `field[name]` of a record. */
  | { key: string; entry: string; answer: unknown }
  /** Something no answer can stand for (a write, the fields listed): the transforms run again. */
  | { rerun: string };

/**
 * No facts (`emptyFacts()`), and the list of every read made of them, through proxies that hand back what the facts
 * hold. A write goes through too, and makes the transforms run again.
 */
export function observedNoFacts(): { facts: FileFacts; reads: FactRead[] } {
  const reads: FactRead[] = [];
  const facts = emptyFacts();
  const whole = (key: string): void => void reads.push({ key, json: JSON.stringify(facts[key as keyof FileFacts]) });
  const writes = <T extends object>(): ProxyHandler<T> => ({
    set: (target, prop, value) => (reads.push({ rerun: 'write' }), Reflect.set(target, prop, value)),
    deleteProperty: (target, prop) => (reads.push({ rerun: 'write' }), Reflect.deleteProperty(target, prop)),
    defineProperty: (target, prop, descriptor) => (reads.push({ rerun: 'write' }), Reflect.defineProperty(target, prop, descriptor)),
  });
  const list = (key: string, items: unknown[]): unknown[] =>
    new Proxy(items, {
      get(target, prop) {
        if (prop === 'includes')
          return (...args: unknown[]) => {
            const answer = target.includes(args[0]);
            if (args.length === 1) reads.push({ key, includes: args[0], answer });
            else whole(key);
            return answer;
          };
        if (prop === 'length') reads.push({ key, length: target.length });
        else whole(key);
        return Reflect.get(target, prop);
      },
      has: (target, prop) => (whole(key), Reflect.has(target, prop)),
      ownKeys: (target) => (whole(key), Reflect.ownKeys(target)),
      ...writes(),
    });
  const record = (key: string, entries: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(entries, {
      get(target, prop) {
        if (typeof prop !== 'string') whole(key);
        else reads.push({ key, entry: prop, answer: target[prop] });
        return Reflect.get(target, prop);
      },
      has: (target, prop) => (whole(key), Reflect.has(target, prop)),
      ownKeys: (target) => (whole(key), Reflect.ownKeys(target)),
      ...writes(),
    });
  const fields = new Map<string, unknown>();
  const observed = new Proxy(facts, {
    get(target, prop) {
      if (typeof prop !== 'string') return Reflect.get(target, prop);
      const value = target[prop as keyof FileFacts] as unknown;
      if (typeof value !== 'object' || value === null) {
        whole(prop);
        return value;
      }
      if (!fields.has(prop)) fields.set(prop, Array.isArray(value) ? list(prop, value) : record(prop, value as Record<string, unknown>));
      return fields.get(prop);
    },
    has: (target, prop) => (typeof prop === 'string' && whole(prop), Reflect.has(target, prop)),
    ownKeys: (target) => (reads.push({ rerun: 'fields listed' }), Reflect.ownKeys(target)),
    ...writes(),
  });
  return { facts: observed, reads };
}

/** Whether `facts` give each of `reads` the answer it got. */
export function answersAlike(reads: readonly FactRead[], facts: FileFacts): boolean {
  return reads.every((read) => {
    if ('rerun' in read) return false;
    const value = (facts as unknown as Record<string, unknown>)[read.key];
    if ('json' in read) return JSON.stringify(value) === read.json;
    if ('includes' in read) return Array.isArray(value) && value.includes(read.includes) === read.answer;
    if ('length' in read) return Array.isArray(value) && value.length === read.length;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.is((value as Record<string, unknown>)[read.entry], read.answer);
  });
}

/**
 * Whether a result made ahead of the project index stands for a file the index gives `facts`: none, or facts that
 * answer each of the ahead run's `reads` alike. Otherwise the file is transformed again with them.
 */
export function aheadStands(reads: readonly FactRead[] | undefined, facts: FileFacts | undefined): boolean {
  return facts === undefined || (reads !== undefined && answersAlike(reads, facts));
}
