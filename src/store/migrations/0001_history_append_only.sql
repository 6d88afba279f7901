-- The change history is append-only: refuse any UPDATE or DELETE of its rows.
CREATE OR REPLACE FUNCTION stapel_refuse_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the change history is append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON "changes"
  FOR EACH ROW EXECUTE FUNCTION stapel_refuse_history_change();
--> statement-breakpoint
-- Text search on names: trigram-free lower() indexes keep ILIKE prefix scans cheap and work on PGlite.
CREATE INDEX IF NOT EXISTS assets_name_lower_idx ON "assets" ("org_id", lower("name"));
