-- The portfolio search "which assets contain package X, any version" matches the purl without its
-- version, qualifiers and subpath; this expression index answers it without scanning components.
CREATE INDEX IF NOT EXISTS "components_package_idx" ON "components" ("org_id", (regexp_replace("purl", '[@?#].*$', '')));
