import { testDatabaseKind } from '../support/test-database';
import { FAULT_TEST_TIMEOUT_MS } from './support/fault-burst';
import { burstThroughProxyFault } from './support/proxied-mariadb';

const onMysql = testDatabaseKind() === 'mysql' ? describe : describe.skip;

onMysql('MariaDB gone for 2 s: connections dropped and refused', () => {
  it(
    'answers every webhook in time, holds callers, forwards callers in danger, and loses nothing',
    () => burstThroughProxyFault('drop', 2_000, 'MariaDB gone for 2 s'),
    FAULT_TEST_TIMEOUT_MS,
  );
});
