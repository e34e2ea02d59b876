import { pickChineseVoice, splitForSpeech } from '../lib/views/speech.ts';

/** Where the page remembers whether this device has a Chinese voice (public/display-modes.js reads it before the first paint). */
const SPEECH_KEY = 'kstb-speech';
/** The blocks read one after another; a block inside another is read with it. */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, blockquote, caption, tr';
/**
 * Never read: navigation, paper-only copies, decoration, the control itself,
 * controls and forms, citations (来源：…, the sources-and-dates line), and the share box (the page's address,
 * or the preview build's placeholder for it).
 */
const SKIP = 'nav, .print-only, [aria-hidden="true"], #read-aloud-slot, form, button, input, select, textarea, .source-note, .source-dates, .share, svg';
/** Web addresses inside a sentence: read as letters they mean nothing to a listener. */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s，。；、）)]+/g;
/** How long after load the page waits for a voice list that may never come. */
const VOICE_WAIT_MS = 1500;
/** Slower than the engines' default: the site's readers are often elderly. */
const RATE = 0.9;

/** One utterance's worth of text and the block it comes from. */
interface Piece {
  block: HTMLElement;
  text: string;
}

/** A block's text as read: only what is on screen, without the parts never read and without web addresses. */
function spokenText(block: HTMLElement): string {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP) || parent.getClientRects().length === 0 || parent.closest('.visually-hidden')) continue;
    text += node.textContent ?? '';
  }
  return text.replace(ADDRESS, '');
}

/**
 * The page's text in reading order: the title (h1) first, then the blocks of the
 * answer box (`first`), then everything else in `main`; each block once, only
 * what is on screen.
 */
function readingOrder(main: HTMLElement, first: Element | null): Piece[] {
  const done = new Set<HTMLElement>();
  const blocksOf = (root: Element) =>
    [...root.querySelectorAll<HTMLElement>(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS) && !el.closest(SKIP) && el.getClientRects().length > 0);
  const title = main.querySelector<HTMLElement>('h1');
  const blocks = [...(title ? [title] : []), ...(first ? blocksOf(first) : []), ...blocksOf(main)].filter((b) => !done.has(b) && done.add(b));
  return blocks.flatMap((block) => splitForSpeech(spokenText(block)).map((text) => ({ block, text })));
}

/** Said in the slot where no voice can read: the control would otherwise vanish without a word. */
export const NO_VOICE = '本设备没有中文语音，不能朗读本页。';

/** Shows NO_VOICE in the slot instead of the buttons. */
function explain(slot: HTMLElement): void {
  const note = document.createElement('p');
  note.className = 'read-aloud-none';
  note.textContent = NO_VOICE;
  slot.replaceChildren(note);
}

function remember(found: boolean): void {
  try {
    localStorage.setItem(SPEECH_KEY, found ? 'zh' : 'none');
  } catch {
    // Storage can be blocked: the slot then only shows once the voice is known.
  }
  document.documentElement.setAttribute('data-speech', found ? 'zh' : 'none');
}

/** Marks the block being read; adopted, so that pages without read-aloud carry no rule for it. */
function adoptHighlightStyle(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('[data-reading] { outline: 3px dashed currentColor; outline-offset: 4px; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function makeButton(label: string, className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  return button;
}

/** Builds the play/pause and stop buttons in `slot` and reads with `voice`. */
function mount(slot: HTMLElement, voice: SpeechSynthesisVoice): void {
  const synth = window.speechSynthesis;
  const main = document.querySelector<HTMLElement>('main') ?? document.body;
  const first = slot.dataset.readFirst ? document.querySelector(slot.dataset.readFirst) : null;
  const play = makeButton('朗读本页', 'button');
  const stop = makeButton('停止', 'button button-secondary');
  play.id = 'read-aloud-play';
  stop.id = 'read-aloud-stop';
  stop.hidden = true;
  slot.setAttribute('role', 'group');
  slot.setAttribute('aria-label', '朗读');
  let state: 'idle' | 'playing' | 'paused' = 'idle';
  // Each reading has its own number, so that events of a cancelled reading change nothing.
  let run = 0;
  const mark = (block: HTMLElement | null) => {
    for (const el of document.querySelectorAll('[data-reading]')) el.removeAttribute('data-reading');
    if (block) {
      block.setAttribute('data-reading', '');
      block.scrollIntoView({ block: 'nearest' });
    }
  };
  const show = (next: typeof state) => {
    state = next;
    play.textContent = { idle: '朗读本页', playing: '暂停', paused: '继续' }[state];
    stop.hidden = state === 'idle';
    slot.dataset.state = state;
  };
  const end = () => {
    run++;
    synth.cancel();
    mark(null);
    show('idle');
  };
  const start = () => {
    const pieces = readingOrder(main, first);
    const mine = ++run;
    synth.cancel();
    pieces.forEach((piece, i) => {
      const utterance = new SpeechSynthesisUtterance(piece.text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = RATE;
      utterance.onstart = () => mine === run && mark(piece.block);
      if (i === pieces.length - 1) utterance.onend = () => mine === run && end();
      synth.speak(utterance);
    });
    show('playing');
  };
  play.addEventListener('click', () => {
    if (state === 'idle') start();
    else if (state === 'playing') {
      synth.pause();
      show('paused');
    } else {
      synth.resume();
      show('playing');
    }
  });
  stop.addEventListener('click', () => {
    end();
    play.focus();
  });
  // Leaving the page stops the voice: some engines would go on reading the old page.
  window.addEventListener('pagehide', () => state !== 'idle' && end());
  adoptHighlightStyle();
  show('idle');
  slot.append(play, ' ', stop);
}

/**
 * Adds the read-aloud control to #read-aloud-slot where the browser has a
 * Mandarin voice that speaks on the device (pickChineseVoice); elsewhere the
 * slot says in one sentence why the page cannot be read aloud. Speech goes through the browser's own speechSynthesis:
 * nothing is fetched or sent.
 */
export function enableReadAloud(): void {
  const slot = document.getElementById('read-aloud-slot');
  if (!slot) return;
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') {
    remember(false);
    return explain(slot);
  }
  const synth = window.speechSynthesis;
  let mounted = false;
  const attempt = (final: boolean) => {
    if (mounted) return;
    const voices = synth.getVoices();
    const voice = pickChineseVoice(voices);
    if (voice) {
      mounted = true;
      remember(true);
      mount(slot, voice);
    } else if (final || voices.length > 0) {
      remember(false);
      explain(slot);
    }
  };
  attempt(false);
  // Chromium lists its voices a moment after the page asks; the list then arrives with this event.
  synth.addEventListener('voiceschanged', () => attempt(true));
  // A browser with no voice at all may never send that event: once the page has loaded and had a
  // moment to ask, the empty list is taken as the answer, so the reader is told why nothing reads.
  const settle = () => setTimeout(() => attempt(true), VOICE_WAIT_MS);
  if (document.readyState === 'complete') settle();
  else window.addEventListener('load', settle, { once: true });
}
