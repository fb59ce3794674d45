// The reference for `kiedrop export --format csv`: the leanest streaming CSV writer over the same
// database (one statement iterated row by row, written with backpressure), so the bench can say what
// the whole command costs on top of reading and writing the rows.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import Database from 'libsql';

const [file, out] = process.argv.slice(2);
const db = new Database(file);
const stream = createWriteStream(out);
const cell = (value) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const rows = db.prepare('SELECT * FROM history ORDER BY uploaded_at DESC, id DESC').raw().iterate();
for (const row of rows) {
  if (!stream.write(`${row.map(cell).join(',')}\r\n`)) await once(stream, 'drain');
}
stream.end();
await once(stream, 'finish');
