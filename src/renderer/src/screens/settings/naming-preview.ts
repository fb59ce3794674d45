// What the Settings screen shows for the naming templates: the name and path an example file would get,
// or the first problem in a template, as a code the screen says in the person's language. The same
// parsing and expansion as the uploads themselves (src/shared/naming-template.ts).
import type { TemplateProblem } from '../../../../shared/naming-template';
import { expandParts, scanTemplate } from '../../../../shared/naming-template';

export const EXAMPLE_FILE = 'IMG_0042.JPG';
/** Stands in for the unique folder each upload gets. */
export const EXAMPLE_FOLDER = 'x7k2m9qa';
const EXAMPLE_HASH = '3f2a9c41b0de7d65a1c0e84b9f3d2e6c5a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d';
const EXAMPLE_RANDOM = 'k2m9q7xa4b8c1d5e6f0g3h2j9k8l7m6n';
const EXAMPLE_WATCHED_FOLDER = 'Screenshots';

export type NamingPreview =
  | { ok: true; uploadPath: string; fileName: string }
  | { ok: false; which: 'name' | 'path'; problem: TemplateProblem };

function expand(template: string, now: Date): { text: string } | { problem: TemplateProblem } {
  const scanned = scanTemplate(template);
  if ('problem' in scanned) return scanned;
  return {
    text: expandParts(scanned.parts, {
      name: 'IMG_0042',
      ext: 'JPG',
      now,
      random: (n) => EXAMPLE_RANDOM.slice(0, n),
      hash: () => EXAMPLE_HASH,
      counter: () => 1,
      folder: EXAMPLE_WATCHED_FOLDER,
    }),
  };
}

export function namingPreview(
  nameTemplate: string,
  pathTemplate: string,
  defaultUploadPath: string,
  now: Date,
): NamingPreview {
  let uploadPath = defaultUploadPath;
  if (pathTemplate.trim() !== '') {
    const path = expand(pathTemplate.trim(), now);
    if ('problem' in path) return { ok: false, which: 'path', problem: path.problem };
    uploadPath = path.text;
  }
  let fileName = EXAMPLE_FILE;
  if (nameTemplate.trim() !== '') {
    const name = expand(nameTemplate.trim(), now);
    if ('problem' in name) return { ok: false, which: 'name', problem: name.problem };
    fileName = name.text;
  }
  return { ok: true, uploadPath, fileName };
}
