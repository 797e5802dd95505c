-- Searches are words anywhere in the headline or body, never phrases or words near each other:
-- the full-text index keeps which rows hold each word, not where in them (detail=none). That
-- takes about a quarter off the cost of storing an article with its index, and the index takes
-- less room. The triggers of the first migration name the index table, not its options: they
-- keep it in step as before.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles',
  content_rowid='rowid', detail=none);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
