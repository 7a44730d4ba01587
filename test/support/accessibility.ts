import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core's browser build, evaluated in the page under test. Not added as a <script>: the
 * pages' Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and a
 * test must not weaken it; evaluation from the test runner is not a page script.
 */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page: what keeps someone from using it, not what would be nicer. */
const FAILING = ['serious', 'critical'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core over the page as it is now and returns its serious and critical violations,
 * one line each (rule, help, the elements), so a failing test says what to fix.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE);
  // As text: this project's TypeScript has no DOM types.
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((violation) => FAILING.includes(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(
            ', ',
          )}${violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : ''}`,
    );
}
