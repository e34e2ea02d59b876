import { pickChineseVoice } from '../lib/views/voice.ts';

/** How long after load the page waits for a voice list that may never come. */
const VOICE_WAIT_MS = 1500;
/** Said in the slot where no voice can read: the control would otherwise vanish without a word. */
export const NO_VOICE = '本机没有普通话语音，不能朗读本页。';

/** Marks on <html> whether this page can read aloud (data-speech: zh or none), and says why not in the slot. */
function settle(slot: HTMLElement, found: boolean): void {
  document.documentElement.setAttribute('data-speech', found ? 'zh' : 'none');
  if (found) return;
  const note = document.createElement('p');
  note.className = 'read-aloud-none';
  note.textContent = NO_VOICE;
  slot.replaceChildren(note);
}

/**
 * Adds the read-aloud control to #read-aloud-slot where the browser has a
 * Mandarin voice that speaks on the device (pickChineseVoice); elsewhere the
 * slot says in one sentence why the page cannot be read aloud. The buttons and the reading come from
 * read-aloud-player.ts, fetched only once such a voice is found. Speech goes through the browser's own
 * speechSynthesis: nothing is sent.
 */
export function enableReadAloud(): void {
  const slot = document.getElementById('read-aloud-slot');
  if (!slot) return;
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return settle(slot, false);
  const synth = window.speechSynthesis;
  let mounted = false;
  const attempt = (final: boolean) => {
    if (mounted) return;
    const voices = synth.getVoices();
    const voice = pickChineseVoice(voices);
    if (voice) {
      mounted = true;
      settle(slot, true);
      // The reader itself comes only to a device that can speak: most first visits never fetch it.
      void import('./read-aloud-player.ts').then(({ mount }) => mount(slot, voice));
    } else if (final || voices.length > 0) settle(slot, false);
  };
  attempt(false);
  // Chromium lists its voices a moment after the page asks; the list then arrives with this event.
  synth.addEventListener('voiceschanged', () => attempt(true));
  // A browser with no voice at all may never send that event: once the page has loaded and had a
  // moment to ask, the empty list is taken as the answer, so the reader is told why nothing reads.
  const wait = () => setTimeout(() => attempt(true), VOICE_WAIT_MS);
  if (document.readyState === 'complete') wait();
  else window.addEventListener('load', wait, { once: true });
}
