import { describe, expect, it } from 'vitest';
import { createProgressBar, renderProgressLine } from '../../src/cli/progress-bar';

const MB = 1024 * 1024;

function collector(): { writes: string[]; write(chunk: string): void } {
  const writes: string[] = [];
  return { writes, write: (chunk: string) => void writes.push(chunk) };
}

describe('renderProgressLine', () => {
  it('shows bar, percent, bytes and rate', () => {
    const line = renderProgressLine('photo.png', { sent: 4.2 * MB, total: 10 * MB, rate: 1.3 * MB }, 100);
    expect(line).toMatch(/^photo\.png +\[█{8}░{12}\] {2}42% {2}4\.2 MB \/ 10\.0 MB {2}1\.3 MB\/s$/u);
  });

  it('fits a long name into a narrow terminal', () => {
    const line = renderProgressLine('a-very-long-file-name-'.repeat(5), { sent: 1, total: 2, rate: 0 }, 70);
    expect(line.length).toBeLessThanOrEqual(69);
    expect(line).toContain('…');
    expect(line).toContain(' 50%');
  });
});

describe('createProgressBar', () => {
  it('redraws at most 10 times a second but always shows 100%', () => {
    const out = collector();
    let t = 0;
    const bar = createProgressBar({ stream: out, label: 'big.bin', columns: 100, now: () => t });
    // 1000 progress events over one second.
    for (let i = 1; i <= 1000; i++) {
      t = i;
      bar.update({ sent: i * 1000, total: 1_000_000, rate: 1_000_000 });
    }
    expect(out.writes.length).toBeLessThanOrEqual(11);
    expect(out.writes.at(-1)).toContain('100%');
  });

  it('draws 100% only once and erases the line on clear', () => {
    const out = collector();
    const bar = createProgressBar({ stream: out, label: 'x', columns: 80, now: () => 0 });
    bar.update({ sent: 10, total: 10, rate: 1 });
    bar.update({ sent: 10, total: 10, rate: 1 });
    expect(out.writes).toHaveLength(1);
    bar.clear();
    expect(out.writes.at(-1)).toBe('\r\x1b[2K');
  });
});
