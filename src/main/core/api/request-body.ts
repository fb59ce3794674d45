// What http-send needs to stream a body: its exact length up front and a producer of its bytes.

export interface RequestBody {
  contentType: string;
  /** Exact byte count; sent as Content-Length and checked against what the producer yields. */
  length: number;
  /** Called once per request. Must yield exactly `length` bytes or throw. A producer may reuse a
   * chunk's memory once the next chunk is asked for, so the consumer has it sent (or copied) first. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** A body already in memory (small JSON requests). */
export function bufferBody(contentType: string, data: string | Uint8Array): RequestBody {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    contentType,
    length: bytes.byteLength,
    async *chunks() {
      yield bytes;
    },
  };
}
