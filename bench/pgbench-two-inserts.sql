-- The reference for ingest: one transaction of two ~1 KB inserts, as storing an event and queueing its job is.
\set id random(1, 2000000000)
BEGIN;
INSERT INTO bench_event (id, payload) VALUES (:id, repeat('x', 1000));
INSERT INTO bench_job (id, payload) VALUES (:id, repeat('y', 1000));
END;
