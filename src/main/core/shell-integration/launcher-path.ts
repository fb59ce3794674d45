// The program a file manager should start. process.execPath is wrong in two packaged cases: an
// AppImage runs from a temporary mount that changes on every start (the .AppImage file is in
// APPIMAGE), and a Windows portable build unpacks itself to a temporary folder (the real .exe is in
// PORTABLE_EXECUTABLE_FILE). A menu entry pointing into those folders would break after a restart.

export function launcherPath(opts: {
  platform: NodeJS.Platform;
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
}): string {
  const appImage = opts.env['APPIMAGE'];
  if (opts.platform === 'linux' && appImage !== undefined && appImage !== '') return appImage;
  const portable = opts.env['PORTABLE_EXECUTABLE_FILE'];
  if (opts.platform === 'win32' && portable !== undefined && portable !== '') return portable;
  return opts.execPath;
}
