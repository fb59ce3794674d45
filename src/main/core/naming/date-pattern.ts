// Dates in names: YYYY, MM, DD, HH, mm and ss are replaced, anything else is kept as typed. Local
// time, because that is the day and hour the person sees on their clock.
const TOKENS = /YYYY|MM|DD|HH|mm|ss/g;

export const DEFAULT_DATE_PATTERN = 'YYYY-MM-DD';
/** ':' is not allowed in file names on Windows, and looks odd in links, so times use '-'. */
export const TIME_PATTERN = 'HH-mm-ss';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatDate(date: Date, pattern: string): string {
  return pattern.replace(TOKENS, (token) => {
    switch (token) {
      case 'YYYY':
        return String(date.getFullYear()).padStart(4, '0');
      case 'MM':
        return two(date.getMonth() + 1);
      case 'DD':
        return two(date.getDate());
      case 'HH':
        return two(date.getHours());
      case 'mm':
        return two(date.getMinutes());
      default:
        return two(date.getSeconds());
    }
  });
}
