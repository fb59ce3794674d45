// Node module hook: the bare specifier `electron` resolves to the stand-in (electron.ts). The resolution
// is handed on as a relative import from here, so tsx (registered before this hook) loads the TypeScript.
// Everything else resolves as usual, so the app's own dependencies are the real ones.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return next('./electron.ts', { ...context, parentURL: import.meta.url });
  return next(specifier, context);
}
