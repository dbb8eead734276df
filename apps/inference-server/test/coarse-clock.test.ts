import { describe, expect, it } from 'vitest';
import { COARSE_CLOCK_RESOLUTION_MS, coarseClockTicking, coarseNow } from '../src/coarse-clock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coarseNow', () => {
  it('follows the wall clock within its resolution while it is read', async () => {
    const start = Date.now();
    expect(coarseNow()).toBeGreaterThanOrEqual(start);
    for (let i = 0; i < 8; i++) {
      await sleep(COARSE_CLOCK_RESOLUTION_MS / 2);
      const exact = Date.now();
      const coarse = coarseNow();
      expect(coarse).toBeLessThanOrEqual(exact);
      // One resolution of lag, plus slack for a timer that fires late on a loaded machine.
      expect(exact - coarse).toBeLessThan(COARSE_CLOCK_RESOLUTION_MS * 4);
    }
    expect(coarseNow()).toBeGreaterThan(start);
  });

  it('stops its timer when nobody reads it, and restarts with the exact time', async () => {
    coarseNow();
    expect(coarseClockTicking()).toBe(true);
    await sleep(COARSE_CLOCK_RESOLUTION_MS * 4);
    expect(coarseClockTicking()).toBe(false);
    const before = Date.now();
    const value = coarseNow();
    expect(value).toBeGreaterThanOrEqual(before);
    expect(coarseClockTicking()).toBe(true);
  });
});
