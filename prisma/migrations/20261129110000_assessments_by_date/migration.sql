-- The dashboard finds the people assessed in a period (digital inclusion) by date: measured on the
-- national-scale dataset, the largest CCAS's month went from a scan of its assessments to a range.
CREATE INDEX digital_assessments_tenant_id_occurred_at_idx ON digital_assessments (tenant_id, occurred_at);
