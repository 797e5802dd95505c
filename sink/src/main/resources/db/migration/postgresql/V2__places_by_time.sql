-- A place's or a country's articles newest first, straight from an index: each place row
-- carries its article's sort time, and the indexes of places by id, by name and by country are
-- ordered by it within each, so that a page of a place named in most articles reads a page's
-- worth of rows.
ALTER TABLE article_places ADD COLUMN sort_at BIGINT;
UPDATE article_places p SET sort_at = a.sort_at FROM articles a WHERE a.id = p.article_id;
ALTER TABLE article_places ALTER COLUMN sort_at SET NOT NULL;
DROP INDEX article_places_geoname;
DROP INDEX article_places_name;
DROP INDEX article_places_country;
CREATE INDEX article_places_geoname ON article_places (geoname_id, sort_at DESC);
CREATE INDEX article_places_name ON article_places (lower(name), sort_at DESC);
CREATE INDEX article_places_country ON article_places (country_code, sort_at DESC);
