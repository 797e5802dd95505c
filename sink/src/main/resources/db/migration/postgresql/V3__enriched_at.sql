-- When the stored version was enriched: a version enriched again (reprocessing the raw topic,
-- with a new gazetteer say) replaces the one stored, where the same record delivered twice
-- changes nothing. Rows stored before have none, and any new enrichment replaces them.
ALTER TABLE articles ADD COLUMN enriched_at BIGINT;
