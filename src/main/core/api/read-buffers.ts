// Page-aligned buffers for reading a file to upload: a pair per upload (one is sent while the next
// chunk is read into the other), kept for the next upload instead of allocated per chunk.
//
// Page-aligned: the kernel copies a file from the page cache into the buffer page by page, and on
// some CPUs that copy is several times slower when the destination starts a few bytes past a page
// boundary, which is where a large Buffer from malloc starts (after the allocator's header).
// Measured on an AMD EPYC, reading 1 GiB from the page cache: 0.40 s of system time into such a
// Buffer, 0.07 s into a page-aligned one (what `dd` gets). Node has no aligned allocation, but a
// WebAssembly.Memory is a mapping of its own, so it starts on a page boundary.
//
// Kept and reused: a fresh buffer per chunk (what fs.createReadStream does) left tens of MiB of
// garbage between collections on a multi-GiB file.

/** One read (a thread-pool round trip) per chunk, sent in writes of up to 1 MiB (write-pace.ts).
 * Measured over 1 GiB on loopback, reading 4 MiB at a time saved a further 10–20 % of CPU over
 * 1 MiB; the pair costs 8 MiB per upload in flight. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

const WASM_PAGE_BYTES = 64 * 1024;
/** Idle pairs kept for the next upload; pairs beyond that (several large uploads at once) are left
 * to the garbage collector, so the memory kept after a busy moment stays at one pair. */
const IDLE_PAIRS_KEPT = 1;

export type ReadBufferPair = readonly [Buffer, Buffer];

interface WasmMemoryConstructor {
  new (descriptor: { initial: number }): { readonly buffer: ArrayBuffer };
}

const idle: ReadBufferPair[] = [];

function newPair(): ReadBufferPair {
  const Memory = (globalThis as { WebAssembly?: { Memory?: WasmMemoryConstructor } }).WebAssembly?.Memory;
  try {
    if (Memory) {
      const mapping = new Memory({ initial: (2 * READ_CHUNK_BYTES) / WASM_PAGE_BYTES }).buffer;
      return [
        Buffer.from(mapping, 0, READ_CHUNK_BYTES),
        Buffer.from(mapping, READ_CHUNK_BYTES, READ_CHUNK_BYTES),
      ];
    }
  } catch {
    // No address space for it (a tight `ulimit -v`): plain buffers work, only slower to fill.
  }
  return [Buffer.allocUnsafeSlow(READ_CHUNK_BYTES), Buffer.allocUnsafeSlow(READ_CHUNK_BYTES)];
}

/** Two READ_CHUNK_BYTES buffers for one upload. Hand them back with returnReadBuffers once nothing
 * (no read, no socket write) uses them any more. */
export function borrowReadBuffers(): ReadBufferPair {
  return idle.pop() ?? newPair();
}

export function returnReadBuffers(pair: ReadBufferPair): void {
  if (idle.length < IDLE_PAIRS_KEPT) idle.push(pair);
}
