// Countdown: one timing window of the procedure. Time is read from timestamps, never counted in
// ticks, so the window stays right when the phone locks or the tab sleeps in the background.
'use strict';

window.MiniCountdown = class Countdown {
  /**
   * @param {number} seconds  the window, from the procedure data
   * @param {{onTick: (left: number) => void, onExpire: () => void}} handlers
   *   onTick gets the whole seconds left whenever that number changes.
   */
  constructor(seconds, { onTick, onExpire }) {
    this.seconds = seconds;
    this.onTick = onTick;
    this.onExpire = onExpire;
    this.deadline = 0;
    this.interval = null;
    this.shown = null;
  }

  /** Starts the window now, or runs it toward a `deadline` set earlier (guided mode resumed). */
  start(deadline = Date.now() + this.seconds * 1000) {
    this.deadline = deadline;
    this.interval = setInterval(() => this.update(), 200);
    this.update();
  }

  /** Whole seconds left, rounded up: "1" until the very end, "0" only once the window is over. */
  left() {
    return Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
  }

  running() {
    return this.interval !== null;
  }

  /** Re-reads the clock; also called when the page becomes visible again. */
  update() {
    if (!this.running()) return;
    const left = this.left();
    if (left !== this.shown) {
      this.shown = left;
      this.onTick(left);
    }
    if (left === 0) {
      this.stop();
      this.onExpire();
    }
  }

  stop() {
    clearInterval(this.interval);
    this.interval = null;
  }
};
