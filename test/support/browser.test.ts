import { describe, expect, it } from 'vitest';
import { browserTestMode } from './browser.js';

describe('browserTestMode', () => {
  it('runs the browser tests wherever Chromium is installed', () => {
    expect(browserTestMode({}, true)).toBe('run');
    expect(browserTestMode({ CI: 'true' }, true)).toBe('run');
  });

  it('skips them without Chromium on a developer machine', () => {
    expect(browserTestMode({}, false)).toBe('skip');
    expect(browserTestMode({ CI: 'false' }, false)).toBe('skip');
    expect(browserTestMode({ AISLE_TEST_BROWSER: '0' }, false)).toBe('skip');
  });

  it('fails them without Chromium in CI or when browsers are required', () => {
    expect(browserTestMode({ CI: 'true' }, false)).toBe('fail');
    expect(browserTestMode({ CI: '1' }, false)).toBe('fail');
    expect(browserTestMode({ AISLE_TEST_BROWSER: '1' }, false)).toBe('fail');
  });
});
