import { pickChineseVoice, splitForSpeech } from '../lib/views/speech.ts';

/** Where the page remembers whether this device has a Chinese voice (public/display-modes.js reads it before the first paint). */
const SPEECH_KEY = 'kstb-speech';
/** The blocks read one after another; a block inside another is read with it. */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, blockquote, caption, tr';
/** Never read: navigation, paper-only copies, decoration, and the control itself. */
const SKIP = 'nav, .print-only, [aria-hidden="true"], #read-aloud-slot';
/** Slower than the engines' default: the site's readers are often elderly. */
const RATE = 0.9;

/** One utterance's worth of text and the block it comes from. */
interface Piece {
  block: HTMLElement;
  text: string;
}

/**
 * The page's text in reading order: the blocks of the answer box (`first`)
 * before everything else in `main`, each block once, only what is on screen.
 */
function readingOrder(main: HTMLElement, first: Element | null): Piece[] {
  const blocksOf = (root: Element) =>
    [...root.querySelectorAll<HTMLElement>(BLOCKS)].filter(
      (el) => !el.parentElement?.closest(BLOCKS) && !el.closest(SKIP) && el.getClientRects().length > 0 && (root === first || !first?.contains(el)),
    );
  const blocks = first ? [...blocksOf(first), ...blocksOf(main)] : blocksOf(main);
  return blocks.flatMap((block) => splitForSpeech(block.innerText).map((text) => ({ block, text })));
}

function remember(found: boolean): void {
  try {
    localStorage.setItem(SPEECH_KEY, found ? 'zh' : 'none');
  } catch {
    // Storage can be blocked: the slot then only shows once the voice is known.
  }
  if (found) document.documentElement.setAttribute('data-speech', 'zh');
  else document.documentElement.removeAttribute('data-speech');
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
 * Mandarin voice that speaks on the device (pickChineseVoice); elsewhere no
 * control appears. Speech goes through the browser's own speechSynthesis:
 * nothing is fetched or sent.
 */
export function enableReadAloud(): void {
  const slot = document.getElementById('read-aloud-slot');
  if (!slot) return;
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return remember(false);
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
    } else if (final || voices.length > 0) remember(false);
  };
  attempt(false);
  // Chromium lists its voices a moment after the page asks; the list then arrives with this event.
  synth.addEventListener('voiceschanged', () => attempt(true));
}
