import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways when the screen is too narrow for it: focusable and named, so
 * that someone on the keyboard can reach and scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
