// Registered faults, matched per request in the order they were added (first match wins).
import type { Fault, FaultController } from './types';
import { createPrng } from './prng';

interface ActiveFault {
  fault: Fault;
  remaining: number;
  roll: () => number;
}

export interface FaultStore extends FaultController {
  /** Picks the fault for this request and counts it against `times`; undefined when none applies. */
  take(method: string, path: string): Fault | undefined;
}

export function createFaultStore(seed: number): FaultStore {
  let active: ActiveFault[] = [];
  const sharedRoll = createPrng(seed);

  return {
    add(fault: Fault) {
      validateFault(fault);
      active.push({
        fault: { ...fault },
        remaining: fault.times ?? Infinity,
        roll: fault.seed === undefined ? sharedRoll : createPrng(fault.seed),
      });
    },
    clear() {
      active = [];
    },
    take(method: string, path: string) {
      for (const entry of active) {
        if (!matches(entry.fault, method, path)) continue;
        const probability = entry.fault.probability ?? 1;
        // A failed roll lets the request through untouched and does not use up `times`.
        if (probability < 1 && entry.roll() >= probability) continue;
        entry.remaining -= 1;
        if (entry.remaining <= 0) active = active.filter((e) => e !== entry);
        return entry.fault;
      }
      return undefined;
    },
  };
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return path.startsWith('/api/');
  if (typeof fault.path === 'string') return fault.path === path;
  fault.path.lastIndex = 0; // a /g or /y pattern keeps state between test() calls
  return fault.path.test(path);
}

function validateFault(f: Fault): void {
  const problems: string[] = [];
  const nonNegative = (name: keyof Fault) => {
    const v = f[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      problems.push(`${name} must be a non-negative number (got ${String(v)})`);
    }
  };
  nonNegative('latencyMs');
  nonNegative('resetAfterBytes');
  nonNegative('slowResponseMs');
  nonNegative('byteIntervalMs');
  if (f.endlessBody !== undefined && typeof f.endlessBody !== 'boolean') {
    problems.push(`endlessBody must be true or false (got ${String(f.endlessBody)})`);
  }
  if (f.times !== undefined && (!Number.isInteger(f.times) || f.times < 1)) {
    problems.push(`times must be a whole number of at least 1 (got ${String(f.times)})`);
  }
  if (f.probability !== undefined && !(f.probability >= 0 && f.probability <= 1)) {
    problems.push(`probability must be between 0 and 1 (got ${String(f.probability)})`);
  }
  if (f.status !== undefined && (!Number.isInteger(f.status) || f.status < 100 || f.status > 599)) {
    problems.push(`status must be an HTTP status code 100..599 (got ${String(f.status)})`);
  }
  if (problems.length > 0) throw new TypeError(`Invalid fault: ${problems.join('; ')}`);
}

/** A short label for the request log, e.g. 'status 503, latency 200ms'. */
export function describeFault(f: Fault): string {
  const parts: string[] = [];
  if (f.resetAfterBytes !== undefined) parts.push(`resetAfterBytes ${f.resetAfterBytes}`);
  if (f.status !== undefined) parts.push(`status ${f.status}`);
  if (f.malformedBody !== undefined) parts.push('malformedBody');
  if (f.latencyMs !== undefined) parts.push(`latency ${f.latencyMs}ms`);
  if (f.slowResponseMs !== undefined) parts.push(`slowResponse ${f.slowResponseMs}ms`);
  if (f.endlessBody === true) parts.push('endlessBody');
  if (f.byteIntervalMs !== undefined) parts.push(`byteInterval ${f.byteIntervalMs}ms`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
