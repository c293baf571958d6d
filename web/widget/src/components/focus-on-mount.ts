/**
 * A ref that moves focus to the element when it mounts, so a screen reader announces the sheet or
 * step just opened. Module-level, so React calls it once per element, not on every render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
