// The uploaded name follows the format actually sent: "shot.png" sent as WebP goes up as "shot.webp".
export function nameWithExtension(fileName: string, extension: string | null): string {
  if (extension === null) return fileName;
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}.${extension}`;
}
