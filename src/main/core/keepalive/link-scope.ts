// Where a link lives, for "keep-alive does not work here": the download host plus the folder the service
// files the account's uploads under (what its filePath has before the upload's own path and name). Two
// accounts on one host, or one account on two hosts, are told apart; nothing else about the shape of a
// filePath is assumed: when it does not end with the upload's path and name, the host alone is the scope.

export function linkScope(
  entry: { downloadUrl: string; filePath: string; fileName: string },
  location: string,
): string {
  let host: string;
  try {
    host = new URL(entry.downloadUrl).host;
  } catch {
    host = entry.downloadUrl;
  }
  const tail = `${location}/${entry.fileName}`;
  const prefix = entry.filePath.endsWith(`/${tail}`) ? entry.filePath.slice(0, -tail.length - 1) : '';
  return prefix === '' ? host : `${host}/${prefix}`;
}
