-- Enriched articles: the fields people filter and show, plus the whole record as JSON.
CREATE TABLE articles (
  id               TEXT PRIMARY KEY,
  version          BIGINT NOT NULL,
  seq              BIGINT NOT NULL,
  feed_id          TEXT,
  headline         TEXT,
  section          TEXT,
  category         TEXT,
  language         TEXT,
  url              TEXT,
  summary          TEXT,
  body             TEXT,
  published_at     BIGINT,
  received_at      BIGINT,
  stored_at        BIGINT NOT NULL,
  sort_at          BIGINT NOT NULL,
  focus_geoname_id BIGINT,
  focus_country    TEXT,
  record           TEXT NOT NULL,
  search           TSVECTOR GENERATED ALWAYS AS
                     (to_tsvector('english', coalesce(headline, '') || ' ' || coalesce(body, '')))
                     STORED
);
CREATE INDEX articles_newest ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_seq ON articles (seq);
CREATE INDEX articles_search ON articles USING GIN (search);

-- One row per article and place.
CREATE TABLE article_places (
  article_id     TEXT NOT NULL,
  position       INT NOT NULL,
  geoname_id     BIGINT,
  name           TEXT NOT NULL,
  country_code   TEXT,
  admin1_code    TEXT,
  admin1_name    TEXT,
  feature_class  TEXT,
  feature_code   TEXT,
  latitude       DOUBLE PRECISION,
  longitude      DOUBLE PRECISION,
  mention_count  INT NOT NULL,
  role           TEXT NOT NULL,
  confidence     DOUBLE PRECISION,
  PRIMARY KEY (article_id, position)
);
CREATE INDEX article_places_geoname ON article_places (geoname_id);
CREATE INDEX article_places_name ON article_places (lower(name));
CREATE INDEX article_places_country ON article_places (country_code);

-- Change numbers: cursors of the live stream.
CREATE SEQUENCE article_changes;
