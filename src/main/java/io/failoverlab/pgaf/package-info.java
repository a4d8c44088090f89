/**
 * pg_auto_failover specifics: the monitor client over pgjdbc (current_state, last_events,
 * LISTEN state/log, the SQL action API) and parsers for what the monitor and pg_autoctl print.
 * No JavaFX here: the UI consumes ClusterSnapshot and LogLine from the lab package.
 */
package io.failoverlab.pgaf;
