-- Site names: two spellings differing only by case or accents ("Hôtel de ville", "hotel de ville")
-- are the same site. The API checks before writing, but two administrators creating the same name
-- at once both pass that check; this index refuses the second write (409 in the API). It is the
-- key the check uses (app_search_key, migration 20261128120000_beneficiary_files). Prisma cannot
-- express an index on an expression, so schema.prisma only mentions it in a comment.
CREATE UNIQUE INDEX sites_tenant_id_search_name_key ON sites (tenant_id, app_search_key(name));
