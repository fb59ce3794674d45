import { basename, resolve } from 'node:path';
import { localFileNameProblem } from '../main/core/api/validate-input';
import { shownPath } from './format';

// Files whose own name the File Upload API cannot take (a line break, a tab, a backslash…). The queue
// would refuse the whole batch for one of them, so they are taken out first, named, and the rest go on.

export interface RefusedFile {
  /** Position among the files given, so --json can keep the order. */
  index: number;
  /** As typed. */
  file: string;
  message: string;
}

export function refuseUnusableNames(files: readonly string[]): RefusedFile[] {
  return files.flatMap((file, index) => {
    // The name the queue would use: that of the absolute path, as "dir/.." has none of its own.
    const problem = localFileNameProblem(basename(resolve(file)));
    return problem === null ? [] : [{ index, file, message: problem }];
  });
}

/** `"/tmp/bad\nname": not uploaded: its name contains a line break, …`: one readable line. */
export function refusedLine(r: RefusedFile): string {
  return `${shownPath(r.file)}: not uploaded: ${r.message}.`;
}

export function refusedSummary(refused: number, given: number): string {
  if (refused === given) {
    return given === 1
      ? 'nothing was uploaded: the file cannot be sent (see above).'
      : `nothing was uploaded: none of the ${given} files can be sent (see above).`;
  }
  return `${refused === 1 ? '1 file was' : `${refused} files were`} not uploaded (see above).`;
}

/** The --json entry for a refused file, in the shape of a failed job (without a job id: none was made). */
export function refusedJson(r: RefusedFile): object {
  return {
    file: r.file,
    status: 'refused',
    error: { kind: 'invalid-input', message: `${r.message}.` },
  };
}
