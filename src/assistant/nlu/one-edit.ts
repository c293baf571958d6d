/**
 * Whether two words are at most one typo apart: one letter changed, added, dropped, or two
 * neighbours swapped ("waterprof", "backapck"). A linear check, since only distance one is asked.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let first = -1;
    for (let index = 0; index < a.length; index += 1) {
      if (a[index] === b[index]) continue;
      if (first === -1) {
        first = index;
        continue;
      }
      const swapped = index === first + 1 && a[first] === b[index] && a[index] === b[first];
      return swapped && a.slice(index + 1) === b.slice(index + 1);
    }
    return true;
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  let index = 0;
  while (index < shorter.length && longer[index] === shorter[index]) index += 1;
  return longer.slice(index + 1) === shorter.slice(index);
}
