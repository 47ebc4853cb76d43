import type { CreateConsoleLoginTicketResult, PollConsoleLoginTicketResult } from '../generated/operations';
import { CreateConsoleLoginTicket, PollConsoleLoginTicket } from '../generated/operations';
import type { GraphQlClient } from '../api/client';
import { messageOf } from '../api/errors';

// Scan login (扫码登录): show a ticket's mini-program code, poll until a staff member confirms it in the mini-program,
// then sign in with the session the first poll after the confirmation carries. An expired code is replaced.
export type Ticket = CreateConsoleLoginTicketResult['createConsoleLoginTicket'];
export type Session = NonNullable<PollConsoleLoginTicketResult['pollConsoleLoginTicket']['session']>;

export interface ScanLoginView {
  ticket: Ticket | null;
  phase: 'loading' | 'waiting' | 'expired' | 'done' | 'error';
  error: string;
}

export function createScanLogin(client: GraphQlClient, view: ScanLoginView, onSession: (session: Session) => void,
                                intervalMs = 2000, setTimer = setTimeout, clearTimer = clearTimeout) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  async function start() {
    stop();
    stopped = false;
    view.phase = 'loading';
    view.error = '';
    try {
      view.ticket = (await client.request(CreateConsoleLoginTicket, {})).createConsoleLoginTicket;
      view.phase = 'waiting';
      schedule();
    } catch (error) {
      view.phase = 'error';
      view.error = messageOf(error);
    }
  }

  function schedule() {
    if (!stopped) timer = setTimer(() => { void pollOnce(); }, intervalMs);
  }

  async function pollOnce(): Promise<void> {
    const ticket = view.ticket;
    if (!ticket || stopped) return;
    try {
      const { pollConsoleLoginTicket: poll } = await client.request(PollConsoleLoginTicket,
        { input: { ticketId: ticket.ticketId, pollToken: ticket.pollToken } });
      if (poll.status === 'CONFIRMED' && poll.session) {
        view.phase = 'done';
        stopped = true;
        onSession(poll.session);
        return;
      }
      if (poll.status === 'EXPIRED' || poll.status === 'CLAIMED') {
        view.phase = 'expired';
        return;
      }
      schedule();
    } catch (error) {
      view.error = messageOf(error);
      schedule();
    }
  }

  function stop() {
    stopped = true;
    if (timer) clearTimer(timer);
    timer = null;
  }

  return { start, stop, pollOnce };
}
