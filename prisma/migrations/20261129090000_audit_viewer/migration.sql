-- Audit viewer: filters by action and by period, newest first on the chain sequence.
-- Actor and file filters already have their indexes. Without these two, a rare action ("export",
-- "denied") or an old period means reading the tenant's whole trail backwards: a few million rows
-- a year for a large CCAS, since every read of a file is an event.
CREATE INDEX audit_events_tenant_id_action_seq_idx ON audit_events (tenant_id, action, seq);
CREATE INDEX audit_events_tenant_id_occurred_at_idx ON audit_events (tenant_id, occurred_at);
