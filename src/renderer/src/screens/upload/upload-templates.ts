// A name or path typed on the Upload screen with a {variable} in it is a naming template for every file
// of that upload (the same templates as Settings → Naming), not a literal name; this says what it gives.
import type { TFunction } from '../../i18n/messages';
import { EXAMPLE_FILE, EXAMPLE_FOLDER, namingPreview } from '../settings/naming-preview';
import { templateProblemWords } from '../settings/template-problem-words';

export function isTemplate(text: string): boolean {
  return text.includes('{') || text.includes('}');
}

/** What an example file would become, or the template's first problem; null when neither field is a template. */
export function uploadTemplateHint(
  fileName: string,
  uploadPath: string,
  defaultPath: string,
  t: TFunction,
  now = new Date(),
): { ok: boolean; text: string } | null {
  const name = isTemplate(fileName) ? fileName.trim() : '';
  const path = isTemplate(uploadPath) ? uploadPath.trim() : '';
  if (name === '' && path === '') return null;
  const base = uploadPath.trim() !== '' && path === '' ? uploadPath.trim() : defaultPath;
  const preview = namingPreview(name, path, base, now);
  if (!preview.ok) return { ok: false, text: templateProblemWords(preview.problem, t) };
  return {
    ok: true,
    text: t('upload.templatePreview', {
      file: EXAMPLE_FILE,
      result: `${preview.uploadPath}/${EXAMPLE_FOLDER}/${preview.fileName}`,
    }),
  };
}
