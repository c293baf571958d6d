/**
 * One default among a customer's items: the last item asking for it wins, and when none asks,
 * the first item is the default, so a customer with addresses always has one to ship to.
 */
export function arrangeDefaults<T>(items: readonly T[], wantsDefault: (item: T) => boolean): boolean[] {
  const last = items.findLastIndex(wantsDefault);
  const chosen = last === -1 ? 0 : last;
  return items.map((_, index) => index === chosen);
}
