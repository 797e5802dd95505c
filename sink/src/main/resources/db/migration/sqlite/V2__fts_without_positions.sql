-- Searches are words anywhere in the headline or body, never phrases or words near each other:
-- the full-text index keeps which rows hold each word, not where in them (detail=none). That
-- takes about a quarter off the cost of storing an article with its index, and the index takes
-- less room.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles',
  content_rowid='rowid', detail=none);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
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
