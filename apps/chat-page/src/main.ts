/**
 * The chat page: the questions (`start.ts`), the chat (`chat-view.ts`) or, outside opening
 * hours, the hours and a message to leave (`closed.ts`); the emergency numbers and quick exit
 * on every view (`page.ts`). A chat kept for this tab is resumed on load.
 */
import { h } from '../../booking-page/src/dom';
import { chatView, startChat } from './chat-view';
import { closedOf } from './api';
import { blockedView, busyView, closedView } from './closed';
import { type View, api, drawViewsWith, go, sentenceOf, state, storage, t } from './page';
import { keptChat } from './resume';
import { startView } from './start';
import './chat.css';

function viewOf(view: View, fresh: boolean): HTMLElement | null {
  switch (view.name) {
    case 'loading':
      return h('p', { class: 'loading' }, t('loading'));
    case 'failed':
      return h(
        'section',
        {},
        h('p', { class: 'notice', role: 'alert' }, view.message),
        h('button', { type: 'button', class: 'button', onclick: view.retry }, t('retry')),
      );
    case 'start':
      return startView();
    case 'closed':
      return closedView(view.closed, view.ask);
    case 'busy':
      return busyView(view.emergency);
    case 'blocked':
      return blockedView(view.emergency);
    case 'chat':
      return chatView(fresh);
  }
}

drawViewsWith(viewOf);

async function start(): Promise<void> {
  // A chat of this tab goes on at once: its messages do not wait for the hotline's details.
  const kept = keptChat(storage);
  if (kept) startChat(kept);
  else go({ name: 'loading' });
  const answer = await api.hotline();
  if (answer.ok) {
    const hotline = answer.value;
    state.hotline = hotline;
    if (kept) go(state.view);
    // Closed: the hours and a message at once, rather than questions first.
    else if (!hotline.open)
      go({
        name: 'closed',
        closed: closedOf(hotline.hours, hotline.nextOpening, hotline.emergency),
        ask: true,
      });
    else go({ name: 'start' });
  } else if (!kept) go({ name: 'failed', message: sentenceOf(answer), retry: () => void start() });
}

void start();
