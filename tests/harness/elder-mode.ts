import type { Page } from 'puppeteer-core';

/**
 * In-page checks for the 长辈模式 settings (大字版, 高对比, 大鼠标) and read-aloud,
 * shared by tests/accessibility/elder-mode.browser.test.ts in Chromium and Firefox. Functions marked
 * "runs in the page" are passed to `page.evaluate` and must be self-contained.
 */

/** The remembered settings, as public/display-modes.js stores them. */
export interface Modes {
  large?: boolean;
  /** 特大字, the second text step (wins over `large`: both are one setting). */
  xlarge?: boolean;
  contrast?: boolean;
}

/** Small phone, common phone and laptop screens (width, height): the first screen the 长辈模式 entrance must stand on. */
export const FIRST_SCREENS = [
  [320, 568],
  [390, 844],
  [1280, 800],
] as const;

/** Every combination of the text steps (大字版, 特大字) and 高对比, by name. */
export const MODE_COMBINATIONS: [string, Modes][] = [
  ['标准', {}],
  ['大字版', { large: true }],
  ['特大字', { xlarge: true }],
  ['高对比', { contrast: true }],
  ['大字版+高对比', { large: true, contrast: true }],
];

/** Each mode alone: the checks that take long run on these. */
export const SINGLE_MODES: [string, Modes][] = MODE_COMBINATIONS.filter(([name]) => !name.includes('+'));

/** Runs in the page (as an init script, or before a reload): remembers `modes` as a reader's earlier clicks would. */
export function rememberModes(modes: Modes): void {
  localStorage.setItem('kstb-text-size', modes.xlarge ? 'xlarge' : modes.large ? 'large' : 'normal');
  localStorage.setItem('kstb-contrast', modes.contrast ? 'high' : 'normal');
}

/**
 * Runs in the page: line spacing below 1.3 (line height over font size) on any
 * visible text element, and paragraph spacing below 1.3 × the line spacing
 * between consecutive paragraphs: the distance from one paragraph's last line
 * to the next one's first line (line height plus the gap) over the line height.
 */
export function spacingProblems(): string[] {
  const problems: string[] = [];
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 12)}”`;
  const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
  const lineHeight = (el: Element) => {
    const s = getComputedStyle(el);
    return { line: s.lineHeight === 'normal' ? NaN : parseFloat(s.lineHeight), font: parseFloat(s.fontSize) };
  };
  for (const el of document.querySelectorAll('body :is(p, li, dt, dd, th, td, h1, h2, h3, h4, a, button, label, caption, blockquote, summary, figcaption)')) {
    if (!visible(el) || !(el.textContent ?? '').trim()) continue;
    const { line, font } = lineHeight(el);
    if (!(line / font >= 1.3 - 1e-6)) problems.push(`line spacing ${(line / font).toFixed(2)} on ${name(el)}`);
  }
  for (const p of document.querySelectorAll('body p')) {
    const next = p.nextElementSibling;
    if (!next || next.tagName !== 'P' || !visible(p) || !visible(next)) continue;
    const { line } = lineHeight(p);
    const gap = next.getBoundingClientRect().top - p.getBoundingClientRect().bottom;
    if ((gap + line) / line < 1.3 - 1e-6) problems.push(`paragraph spacing ${((gap + line) / line).toFixed(2)} × line spacing after ${name(p)}`);
  }
  return problems;
}

/** Runs in the page: contrast ratio of body text, of links and of the header's text against their backgrounds, as WCAG computes it. */
export function contrastFigures(): Record<string, number> {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lum = (c: string) => {
    const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el: Element | null): string => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const ratio = (el: Element | null) => {
    if (!el) return NaN;
    const [a = 0, b = 0] = [lum(getComputedStyle(el).color), lum(background(el))].sort((x, y) => y - x);
    return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
  };
  return {
    body: ratio(document.querySelector('main p')),
    link: ratio(document.querySelector('main p a, main li a')),
    header: ratio(document.querySelector('.site-header .brand')),
  };
}

/**
 * Runs in the page as an init script: replaces the browser's speech synthesis
 * with a recorder that has the voices given (name, lang, localService), so that a
 * test can see what the page asks to be spoken, in which voice, and that it
 * pauses, resumes and stops. Nothing is spoken. `window.speechCalls` holds the
 * record.
 */
export function installSpeechRecorder(voicesJson: string): void {
  const voices = (JSON.parse(voicesJson) as { name: string; lang: string; localService: boolean }[]).map((v) => ({ ...v, voiceURI: v.name, default: false }));
  const calls: unknown[] = [];
  const listeners = new Set<() => void>();
  class Utterance {
    text: string;
    lang = '';
    voice: { name: string } | null = null;
    rate = 1;
    onstart: (() => void) | null = null;
    onend: (() => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const synth = {
    getVoices: () => voices,
    speak: (u: Utterance) => calls.push({ speak: u.text, lang: u.lang, voice: u.voice?.name ?? null }),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    cancel: () => calls.push('cancel'),
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  (window as unknown as { speechCalls: unknown[] }).speechCalls = calls;
}

/** A Mandarin voice that speaks on the device, as the recorder takes it. */
export const LOCAL_ZH_VOICE = { name: 'Test 普通话', lang: 'zh-CN', localService: true };

/**
 * Runs in the page: sets the 长辈模式 settings to `modes` by clicking the page's
 * own toggles (public/display-modes.js), as a reader switching them on this page
 * would. Checks that run in several modes switch on one loaded page instead of
 * loading it once per mode; that a remembered setting applies before the first
 * paint is checked on its own (elder-mode.browser.test.ts).
 */
export function switchModes(modes: Modes): void {
  const root = document.documentElement;
  const press = (id: string) => {
    const button = document.getElementById(id);
    if (!button) throw new Error(`switchModes: no #${id} on ${location.pathname}`);
    button.click();
  };
  const size = modes.xlarge ? 'xlarge' : modes.large ? 'large' : undefined;
  const now = root.getAttribute('data-text-size') ?? undefined;
  if (now !== size) press(size === 'xlarge' || (!size && now === 'xlarge') ? 'text-xlarge-toggle' : 'text-size-toggle');
  if ((root.getAttribute('data-contrast') === 'high') !== !!modes.contrast) press('contrast-toggle');
  const got = `${root.getAttribute('data-text-size') ?? '-'} ${root.getAttribute('data-contrast') ?? '-'}`;
  if (got !== `${size ?? '-'} ${modes.contrast ? 'high' : '-'}`) throw new Error(`switchModes: the page shows ${got}`);
}

/**
 * One round trip for a measurement taken in several modes: in the page, switches to each of `modes` in turn with
 * `switchModes` (the page's own toggles), runs `measure` (self-contained, as for `page.evaluate`) in each, and
 * switches back to the modes the page showed before, so the setting it stores is unchanged too.
 */
export function inEachMode<T>(page: Page, modes: Modes[], measure: () => T): Promise<T[]> {
  return page.evaluate(`(() => {
    const switchModes = ${switchModes.toString()};
    const measure = ${measure.toString()};
    const root = document.documentElement;
    const size = root.getAttribute('data-text-size');
    const was = { large: size === 'large', xlarge: size === 'xlarge', contrast: root.getAttribute('data-contrast') === 'high' };
    const results = ${JSON.stringify(modes)}.map((modes) => {
      switchModes(modes);
      return measure();
    });
    switchModes(was);
    return results;
  })()`) as Promise<T[]>;
}
