import { testDatabaseKind } from '../support/test-database';
import { FAULT_TEST_TIMEOUT_MS } from './support/fault-burst';
import { burstThroughProxyFault } from './support/proxied-mariadb';

const onMysql = testDatabaseKind() === 'mysql' ? describe : describe.skip;

onMysql('MariaDB frozen: connections accepted, nothing answered', () => {
  it(
    'answers every webhook in time, holds callers, forwards callers in danger, and loses nothing',
    () => burstThroughProxyFault('freeze', 6_000, 'MariaDB frozen'),
    FAULT_TEST_TIMEOUT_MS,
  );
});
