import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

describe('Limiter', () => {
  it('runs at most maxInFlight tasks at once and hands slots on in order', async () => {
    const limiter = new Limiter(2);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const tasks = [0, 1, 2, 3].map((i) =>
      limiter.run(
        () =>
          new Promise<number>((resolve) => {
            started.push(i);
            releases.push(() => resolve(i));
          }),
      ),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(2);
    releases[0]?.();
    await tasks[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    releases[1]?.();
    await tasks[1];
    await Promise.resolve();
    releases[2]?.();
    releases[3]?.();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(limiter.inFlight).toBe(0);
  });

  it('counts the wait for a slot inside the deadline: a waiter whose signal aborts leaves the queue with its reason', async () => {
    const limiter = new Limiter(1);
    let release: () => void = () => undefined;
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const deadline = new AbortController();
    let ran = false;
    const waiter = limiter.run(async () => {
      ran = true;
    }, deadline.signal);
    expect(limiter.queued).toBe(1);
    deadline.abort(new DOMException('deadline passed', 'TimeoutError'));
    await expect(waiter).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(limiter.queued).toBe(0);
    release();
    await holder;
    expect(ran).toBe(false);
    // The slot was not lost: the next task runs.
    expect(await limiter.run(() => Promise.resolve('next'))).toBe('next');
    expect(limiter.inFlight).toBe(0);
  });
});
