/**
 * The read-aloud control itself (语音阅读): its buttons and the reading order. src/client/read-aloud.ts
 * loads this module only once the device has a Mandarin voice that speaks locally.
 */
import { splitForSpeech } from '../lib/views/speech.ts';

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
export function mount(slot: HTMLElement, voice: SpeechSynthesisVoice): void {
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
