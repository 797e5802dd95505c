-- Enriched articles: the fields people filter and show, plus the whole record as JSON.
CREATE TABLE articles (
  id               TEXT PRIMARY KEY,
  version          INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  feed_id          TEXT,
  headline         TEXT,
  section          TEXT,
  category         TEXT,
  language         TEXT,
  url              TEXT,
  summary          TEXT,
  body             TEXT,
  published_at     INTEGER,
  received_at      INTEGER,
  stored_at        INTEGER NOT NULL,
  sort_at          INTEGER NOT NULL,
  focus_geoname_id INTEGER,
  focus_country    TEXT,
  record           TEXT NOT NULL
);
CREATE INDEX articles_newest ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_seq ON articles (seq);

-- One row per article and place.
CREATE TABLE article_places (
  article_id     TEXT NOT NULL,
  position       INTEGER NOT NULL,
  geoname_id     INTEGER,
  name           TEXT NOT NULL,
  country_code   TEXT,
  admin1_code    TEXT,
  admin1_name    TEXT,
  feature_class  TEXT,
  feature_code   TEXT,
  latitude       REAL,
  longitude      REAL,
  mention_count  INTEGER NOT NULL,
  role           TEXT NOT NULL,
  confidence     REAL,
  PRIMARY KEY (article_id, position)
);
CREATE INDEX article_places_geoname ON article_places (geoname_id);
CREATE INDEX article_places_name ON article_places (lower(name));
CREATE INDEX article_places_country ON article_places (country_code);

-- Full-text search over headline and body, kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles',
  content_rowid='rowid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, headline, body) VALUES (new.rowid, new.headline, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, headline, body)
    VALUES ('delete', old.rowid, old.headline, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, headline, body)
    VALUES ('delete', old.rowid, old.headline, old.body);
  INSERT INTO articles_fts(rowid, headline, body) VALUES (new.rowid, new.headline, new.body);
END;

-- Change numbers: cursors of the live stream.
CREATE TABLE article_changes (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO article_changes (id, value) VALUES (1, 0);
