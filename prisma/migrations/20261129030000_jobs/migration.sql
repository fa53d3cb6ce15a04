-- The job queue (pg-boss) keeps its tables in a schema of its own, owned by a role of its own.
-- Decision record: docs/decisions/009-reminders-and-jobs.md.
--
-- pg-boss must own its tables (each queue is a partition it creates; its upgrades alter them), and
-- the API's role must own nothing. So the queue's objects belong to `ccas_jobs`, a role that cannot
-- log in and has no right on the product's data; the API's role may switch to it (its pg-boss
-- connections start with `role=ccas_jobs`) but does not inherit its rights. `ccas_jobs` may create
-- objects in schema `pgboss` and nowhere else: no CREATE on the database (a role that may create
-- schemas could create one named after another role, first in that role's search_path).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccas_jobs') THEN
    CREATE ROLE ccas_jobs NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
GRANT ccas_jobs TO ccas_app WITH INHERIT FALSE, SET TRUE;

CREATE SCHEMA IF NOT EXISTS pgboss;
GRANT USAGE, CREATE ON SCHEMA pgboss TO ccas_jobs;
