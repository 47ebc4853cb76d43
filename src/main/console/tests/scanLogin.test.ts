import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, reactive } from 'vue';
import { createScanLogin, type ScanLoginView } from '../src/stores/scanLogin';
import type { GraphQlClient } from '../src/api/client';

function fakeClient(polls: unknown[]): GraphQlClient {
  return {
    auth: {} as GraphQlClient['auth'],
    request: (async (document: { name: string }) => {
      if (document.name === 'CreateConsoleLoginTicket') {
        return { createConsoleLoginTicket: { ticketId: 't1', pollToken: 'p1', codeImage: 'data:image/png;base64,AA', expiresAt: '' } };
      }
      const next = polls.shift();
      if (next instanceof Error) throw next;
      return { pollConsoleLoginTicket: next };
    }) as GraphQlClient['request'],
  };
}

const noTimer = (() => 0) as unknown as typeof setTimeout;

describe('scan login', () => {
  it('shows the code, keeps polling while pending, signs in once with the confirmed session', async () => {
    const view = reactive<ScanLoginView>({ ticket: null, phase: 'loading', error: '' });
    const sessions: unknown[] = [];
    const login = createScanLogin(fakeClient([{ status: 'PENDING', session: null },
      { status: 'CONFIRMED', session: { accessToken: 'a' } }]), view, (s) => sessions.push(s), 10, noTimer);
    await login.start();
    expect(view.phase).toBe('waiting');
    expect(view.ticket?.codeImage).toContain('data:image/png');
    await login.pollOnce();
    expect(sessions).toEqual([]);
    await login.pollOnce();
    expect(view.phase).toBe('done');
    expect(sessions).toEqual([{ accessToken: 'a' }]);
  });

  it('an expired code asks for a refresh', async () => {
    const view = reactive<ScanLoginView>({ ticket: null, phase: 'loading', error: '' });
    const login = createScanLogin(fakeClient([{ status: 'EXPIRED', session: null }]), view, () => {}, 10, noTimer);
    await login.start();
    await login.pollOnce();
    expect(view.phase).toBe('expired');
  });

  it('renders the code image in a component', async () => {
    const view = reactive<ScanLoginView>({ ticket: null, phase: 'loading', error: '' });
    const login = createScanLogin(fakeClient([]), view, () => {}, 10, noTimer);
    await login.start();
    const wrapper = mount(defineComponent({ render: () => h('img', { src: view.ticket?.codeImage, 'data-test': 'code' }) }));
    expect(wrapper.get('[data-test=code]').attributes('src')).toBe('data:image/png;base64,AA');
  });
});
