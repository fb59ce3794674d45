// The runtime channel list is what the preload and the harness build window.kiedrop from: it must name
// every channel of the contract once, and each must have an argument validator.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CHANNEL_ARGS } from '../../src/main/ipc-validators';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  eventWireChannel,
  isInvokeChannel,
} from '../../src/shared/ipc-channels';
import { methodName } from '../../src/shared/ipc-contract';
import type { EventChannel, InvokeChannel, KieDropApi } from '../../src/shared/ipc-contract';

describe('the channel lists', () => {
  it('match the contract exactly (checked by the type checker)', () => {
    expectTypeOf<(typeof INVOKE_CHANNELS)[number]>().toEqualTypeOf<InvokeChannel>();
    expectTypeOf<(typeof EVENT_CHANNELS)[number]>().toEqualTypeOf<EventChannel>();
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
    expect(new Set(EVENT_CHANNELS).size).toBe(EVENT_CHANNELS.length);
  });

  it('give every channel a distinct method name on window.kiedrop', () => {
    const names = INVOKE_CHANNELS.map(methodName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('historyCopyLink');
    expect(names).toContain('jobsCancelAll');
    expect(names).toContain('appReady');
    expectTypeOf<KieDropApi['historyCopyLink']>().parameters.toEqualTypeOf<
      [ids: number[], format: 'url' | 'markdown' | 'html' | 'bbcode' | 'custom']
    >();
  });

  it('have a validator for every channel and nothing else', () => {
    expect(Object.keys(CHANNEL_ARGS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('keep event names apart from invoke names on the wire', () => {
    for (const event of EVENT_CHANNELS) expect(isInvokeChannel(eventWireChannel(event))).toBe(false);
    expect(isInvokeChannel('history:list')).toBe(true);
    expect(isInvokeChannel('shell:exec')).toBe(false);
  });
});
