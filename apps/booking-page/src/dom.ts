/** A tiny element builder: the page is a few forms, not worth a framework. */

type Child = Node | string | null | undefined | false;
type Prop = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * `h('button', { type: 'button', onclick: go }, 'Next')`. `on…` props become listeners, `value`
 * and `checked` are set as properties, `true`/`false` add or leave out a bare attribute.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, Prop> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked')
      (element as unknown as Record<string, unknown>)[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}
