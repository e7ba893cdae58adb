// Sound and voice for guided mode, both opt-in and remembered: beeps for the timing windows,
// generated with Web Audio (no audio file to fetch), and the steps read aloud by speechSynthesis
// with a voice installed on the phone, so it works offline. Where a phone has neither, guided mode
// stays silent and nothing fails.
'use strict';

window.MiniCues = (function () {
  const AudioContext = window.AudioContext || window.webkitAudioContext;
  const speech = window.speechSynthesis;
  const can = { sound: Boolean(AudioContext), voice: Boolean(speech) };
  const on = {};
  for (const name in can) {
    try {
      on[name] = can[name] && localStorage.getItem(`mini-remote-fix-${name}`) === 'on';
    } catch {
      on[name] = false; // storage blocked: off, as on a first visit
    }
  }
  let audio = null;
  let tapped = false; // iOS speaks only once a first utterance was made inside a tap

  // A tone that fades in and out quickly, so the speaker does not click.
  function tone(frequency, seconds) {
    if (!on.sound || !audio) return;
    const at = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.4, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + seconds);
  }

  // A voice on the phone in the page's language: a network voice fails offline, and another
  // language would read the steps wrongly.
  function localVoice() {
    const lang = document.documentElement.lang.split('-')[0].toLowerCase();
    return speech.getVoices().find((v) => v.localService && v.lang.toLowerCase().startsWith(lang));
  }

  return {
    can: (name) => can[name],
    isOn: (name) => on[name],

    /** Called inside every tap in guided mode: browsers start sound and speech only from one. */
    wake() {
      tapped = true;
      if (!on.sound) return;
      audio ??= new AudioContext();
      if (audio.state === 'suspended') audio.resume().catch(() => {});
    },

    /** Turns sound or voice on or off, inside the reader's tap; false if the voice cannot be. */
    set(name, value) {
      // An empty list means the voices are still loading: take the choice, and check each time.
      if (name === 'voice' && value && speech.getVoices().length && !localVoice()) return false;
      on[name] = value;
      try {
        localStorage.setItem(`mini-remote-fix-${name}`, value ? 'on' : 'off');
      } catch {
        // not remembered: the choice lasts while the page is open
      }
      if (!value && name === 'voice') speech.cancel();
      this.wake();
      return true;
    },

    windowStart: () => tone(880, 0.2),
    lastSeconds: () => tone(660, 0.1),
    windowEnd: () => tone(330, 0.6),

    /** Reads `text` aloud, after what is being read, or at once with `interrupt`. */
    say(text, interrupt) {
      const voice = on.voice && tapped && localVoice();
      if (!voice) return;
      if (interrupt) speech.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      speech.speak(utterance);
    },

    quiet: () => speech?.cancel(),
  };
})();
