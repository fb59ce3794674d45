// Joins a configured base URL with an API route. Base URLs may carry a path prefix
// ("https://proxy.example/kie/") and a trailing slash; both must survive the join.
import { ApiError } from './errors';

export function endpointUrl(baseUrl: string, route: string, label: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new ApiError(
      'invalid-input',
      `The ${label} "${baseUrl}" is not a valid URL. Check it in Settings.`,
    );
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new ApiError(
      'invalid-input',
      `The ${label} "${baseUrl}" must start with http:// or https://. Check it in Settings.`,
    );
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const suffix = route.replace(/^\/+/, '');
  const joined = new URL(base.origin);
  joined.pathname = `${prefix}/${suffix}`;
  return joined;
}
