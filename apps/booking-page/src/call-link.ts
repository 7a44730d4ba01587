/** A `tel:` link as the public pages draw it (the booking page, and the chat page too). */
import { h } from './dom';
import { telOf } from './emergency';

/** A number to tap: the number large, what it is for beside it, and `call now` when asked. */
export function callLink(number: string, what: string, callNow?: string): HTMLElement | null {
  const href = telOf(number);
  if (!href) return null;
  return h(
    'a',
    { class: callNow ? 'call call--large' : 'call', href, 'data-tel': number },
    // Spaces between the parts: a screen reader says "110 Police", not "110Police".
    h('span', { class: 'call__number' }, number),
    ' ',
    h('span', { class: 'call__what' }, what),
    callNow ? ' ' : null,
    callNow ? h('span', { class: 'call__now' }, callNow) : null,
  );
}
