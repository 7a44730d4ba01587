#!/usr/bin/env node
/**
 * `npm test`: builds the server (some end-to-end tests run the compiled build as `npm start`
 * would), runs every test on the embedded SQLite database, then the database-backed tests
 * again on MySQL/MariaDB at TEST_MYSQL_URL. Extra arguments go to jest. The second pass drives the
 * Chromium packaged with the dev dependencies (unless CHROMIUM_PATH names one), so a machine
 * with a system Chromium tests both it and the one a machine with only Node uses.
 * With CI=true a MySQL/MariaDB that does not answer is a failure, not a skip.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const mysqlUrl = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';
const jestArgs = process.argv.slice(2);

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

async function mysqlVersion() {
  const { createConnection } = require('mysql2/promise');
  try {
    const connection = await createConnection({ uri: mysqlUrl, connectTimeout: 5000 });
    const [rows] = await connection.query('SELECT VERSION() AS version');
    await connection.end();
    return rows[0].version;
  } catch (error) {
    return { error: error.message };
  }
}

async function main() {
  const covered = [];
  run('Build (server and console)', 'npm', ['run', 'build']);
  run('Unit, service and end-to-end tests on SQLite', bin('jest'), jestArgs, {
    TEST_DATABASE: 'sqlite',
  });
  covered.push('SQLite (unit, service and end-to-end)');

  const version = await mysqlVersion();
  const redacted = mysqlUrl.replace(/\/\/[^@/]*@/, '//***@');
  if (typeof version === 'string') {
    run(
      `End-to-end tests on ${version} at ${redacted}`,
      bin('jest'),
      ['--selectProjects', 'e2e', ...jestArgs],
      {
        TEST_DATABASE: 'mysql',
        ...(process.env.CHROMIUM_PATH ? {} : { HOTLINE_BROWSER: 'packaged' }),
      },
    );
    covered.push(`MySQL/MariaDB ${version} (end-to-end)`);
  } else if (process.env.CI === 'true') {
    console.error(`\n✖ CI=true and MySQL/MariaDB does not answer at ${redacted}: ${version.error}`);
    process.exit(1);
  } else {
    console.warn(
      `\n⚠ MySQL/MariaDB does not answer at ${redacted} (${version.error}); its run was skipped.`,
    );
  }
  console.log(`\n✔ All tests passed. Databases covered: ${covered.join('; ')}.`);
}

main();
