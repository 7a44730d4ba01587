/**
 * The parents' booking page: topic (after a crisis topic, the emergency numbers first) → day
 * and free time → details → confirm → reference; the manage view (`?manage=<token>`), a
 * waitlist offer (`?offer=<token>`) and the waitlist of a full day; the emergency numbers in the
 * footer of every page. One state object (`page.ts`); each change redraws the current step,
 * drawn by its own module.
 */
import { timeView, topicView } from './choose';
import { confirmView, doneView, takenView } from './confirm';
import { crisisView } from './crisis';
import { detailsView } from './details';
import { h } from './dom';
import { cancelledView, manageView, openManage } from './manage';
import { type View, api, drawViewsWith, go, heading, sentenceOf, state, t } from './page';
import { offerView, openOffer, waitlistView, waitlistedView } from './waitlist';
import './booking.css';

function viewOf(view: View): HTMLElement {
  switch (view.name) {
    case 'loading':
      return h('div', { class: 'loading' }, t('loading'));
    case 'failed':
      return h(
        'section',
        {},
        h('p', { class: 'notice', role: 'alert' }, view.message),
        h('button', { type: 'button', class: 'button', onclick: view.retry }, t('retry')),
      );
    case 'topic':
      return topicView();
    case 'crisis':
      return crisisView();
    case 'time':
      return timeView();
    case 'details':
      return detailsView();
    case 'confirm':
      return confirmView();
    case 'taken':
      return takenView(view.alternatives);
    case 'done':
      return doneView(view.booked, view.rescheduled);
    case 'manage':
      return manageView();
    case 'cancelled':
      return cancelledView();
    case 'invalid':
      return h(
        'section',
        {},
        heading(view.offer ? t('offer.expired') : t('invalid.heading')),
        view.offer ? null : h('p', {}, t('invalid.text')),
        h('a', { class: 'button', href: './' }, t('invalid.bookAgain')),
      );
    case 'offer':
      return offerView(view.offer);
    case 'waitlist':
      return waitlistView(view.date);
    case 'waitlisted':
      return waitlistedView(view.date, view.position);
  }
}

drawViewsWith(viewOf);

async function start(): Promise<void> {
  go({ name: 'loading' });
  const answer = await api.options();
  if (!answer.ok) {
    go({ name: 'failed', message: sentenceOf(answer), retry: () => void start() });
    return;
  }
  state.options = answer.value;
  if (state.manageToken) await openManage(state.manageToken);
  else if (state.offerToken) await openOffer(state.offerToken);
  else go({ name: 'topic' });
}

void start();
