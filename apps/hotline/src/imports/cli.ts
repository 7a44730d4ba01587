import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module';
import { ConfigurationError } from '../config/environment';
import { VolunteersService } from '../volunteers/volunteers.service';
import { ImportProgress } from './import-progress';
import { ImportsService } from './imports.service';

const USAGE = `npm run import -- FILE [--commit] [--hotline ID] [--kind records|tallies] [--source NAME] [--as EMAIL]

Checks FILE (CSV or XLSX of earlier years) and prints every problem and what would be added;
with --commit, imports it whole or not at all. --as names the coordinator or admin importing
(default: ADMIN_EMAIL).`;

/** `npm run import`: the import of earlier years from a terminal, with its progress. */
async function importFile(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commit: { type: 'boolean', default: false },
      hotline: { type: 'string' },
      kind: { type: 'string', default: 'records' },
      source: { type: 'string', default: 'import' },
      as: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || !['records', 'tallies'].includes(values.kind!)) {
    console.error(USAGE);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), {
    logger: ['error', 'warn'],
  });
  try {
    const volunteers = app.get(VolunteersService);
    const email = values.as ?? process.env.ADMIN_EMAIL ?? '';
    const person = await volunteers.findForSignIn(email.toLowerCase());
    const actor = person && (await volunteers.findActive(person.id));
    if (!actor || !actor.hasRole('coordinator', 'admin')) {
      console.error(`No active coordinator or admin ${email}; name one with --as EMAIL.`);
      return 2;
    }
    const input = {
      hotlineId: values.hotline,
      kind: values.kind as 'records' | 'tallies',
      source: values.source!,
      fileName: basename(file),
      content: readFileSync(file),
    };
    const imports = app.get(ImportsService);
    const key = randomUUID();
    const progress = app.get(ImportProgress);
    const ticker = setInterval(() => {
      const now = progress.of(actor.id, key);
      if (now?.phase === 'writing') console.log(`  ${now.done} / ${now.total} rows written`);
    }, 1000);
    try {
      const report = values.commit
        ? await imports.commit(actor, input, key)
        : await imports.dryRun(actor, input);
      for (const problem of report.problems)
        console.log(`row ${problem.row}, ${problem.column}: ${problem.message}`);
      console.log(
        `${report.rows} rows read; ${report.added} ${report.committed ? 'added' : 'would be added'} ` +
          `(${report.consultations} consultations, ${report.from ?? '-'} to ${report.to ?? '-'}); ` +
          `${report.alreadyImported} imported before; ${report.problemCount} problem(s).`,
      );
      return report.problemCount > 0 ? 1 : 0;
    } finally {
      clearInterval(ticker);
    }
  } finally {
    await app.close();
  }
}

importFile()
  .then((code) => process.exit(code))
  .catch((error: Error & { response?: { report?: { problems: unknown[] } } }) => {
    const problems = error.response?.report?.problems;
    if (problems) for (const problem of problems) console.log(problem);
    console.error(error instanceof ConfigurationError ? error.message : error.stack);
    process.exit(1);
  });
