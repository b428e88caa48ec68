import { devtoolsLikelyOpen, hasMultipleScreens, isPrintShortcut, RepeatFilter } from './lockdown-rules';

describe('lockdown rules', () => {
  it('suspects devtools when the window is far larger than the page inside it', () => {
    expect(devtoolsLikelyOpen({ outerWidth: 1400, innerWidth: 1400, outerHeight: 900, innerHeight: 820 })).toBe(false);
    expect(devtoolsLikelyOpen({ outerWidth: 1400, innerWidth: 900, outerHeight: 900, innerHeight: 820 })).toBe(true);
    expect(devtoolsLikelyOpen({ outerWidth: 1400, innerWidth: 1400, outerHeight: 900, innerHeight: 500 })).toBe(true);
  });

  it('does not guess when the browser reports no outer size', () => {
    expect(devtoolsLikelyOpen({ outerWidth: 0, innerWidth: 1280, outerHeight: 0, innerHeight: 720 })).toBe(false);
  });

  it('recognises Ctrl+P and Cmd+P, not a plain p or other shortcuts', () => {
    const key = (key: string, mods: Partial<KeyboardEvent> = {}) => ({
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...mods,
    });
    expect(isPrintShortcut(key('p', { ctrlKey: true }))).toBe(true);
    expect(isPrintShortcut(key('P', { metaKey: true }))).toBe(true);
    expect(isPrintShortcut(key('p'))).toBe(false);
    expect(isPrintShortcut(key('c', { ctrlKey: true }))).toBe(false);
    expect(isPrintShortcut(key('p', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('trusts only an explicit isExtended', () => {
    expect(hasMultipleScreens({ isExtended: true })).toBe(true);
    expect(hasMultipleScreens({ isExtended: false })).toBe(false);
    expect(hasMultipleScreens({ width: 1920 })).toBe(false);
    expect(hasMultipleScreens(undefined)).toBe(false);
  });

  it('lets one signal of a kind through per interval, each kind on its own', () => {
    const filter = new RepeatFilter(1_000);
    expect(filter.allow('paste_attempted', 0)).toBe(true);
    expect(filter.allow('paste_attempted', 400)).toBe(false);
    expect(filter.allow('tab_hidden', 400)).toBe(true);
    expect(filter.allow('paste_attempted', 1_000)).toBe(true);
  });
});
