import { describe, expect, it } from 'vitest';
import { createEventChannel } from './event-channel.js';

describe('event channel', () => {
  it('delivers events pushed before and while the reader waits, in order, then ends', async () => {
    const channel = createEventChannel<number>();
    channel.push(1);
    const read = (async () => {
      const seen: number[] = [];
      for await (const event of channel) seen.push(event);
      return seen;
    })();
    await Promise.resolve();
    channel.push(2);
    channel.push(3);
    channel.end();
    await expect(read).resolves.toEqual([1, 2, 3]);
  });

  it("throws the producer's failure after the events it pushed", async () => {
    const channel = createEventChannel<string>();
    channel.push('tool');
    channel.fail(new Error('turn failed'));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of channel) seen.push(event);
      })(),
    ).rejects.toThrow('turn failed');
    expect(seen).toEqual(['tool']);
  });
});
