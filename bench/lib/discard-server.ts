// A server that reads and throws away every request body, then answers like the upload API. Measuring both
// uploaders against it separates the sender's own cost from the emulator's multipart parsing and disk writes.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  let bytes = 0;
  request.on('data', (chunk: Buffer) => (bytes += chunk.length));
  request.on('end', () => {
    const uploadedAt = new Date().toISOString();
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        success: true,
        code: 200,
        msg: 'File uploaded successfully',
        data: {
          fileName: 'discarded.bin',
          filePath: 'bench/discarded.bin',
          downloadUrl: 'http://127.0.0.1/discarded.bin',
          fileSize: bytes,
          mimeType: 'application/octet-stream',
          uploadedAt,
        },
      }),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') {
    console.log(`Discarding server on http://127.0.0.1:${address.port}  key: any`);
  }
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
