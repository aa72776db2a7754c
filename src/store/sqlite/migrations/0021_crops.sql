-- Version 21: fixed-shape crops of library pictures, and imported featured pictures
-- linked to their library items (docs/schema.md). A shared link's
-- card and an article's structured data want 16:9, 4:3 and 1:1 pictures at least 1200
-- pixels wide; these are made when the picture is stored (or by `khabar media crops` for
-- a library older than this version), with every piece of metadata removed like the
-- original. Kept apart from media_variants, which a srcset lists whole.
CREATE TABLE media_crops (
  media_id  INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  ratio     TEXT NOT NULL CHECK (ratio IN ('16:9', '4:3', '1:1')),
  mime      TEXT NOT NULL,
  width     INTEGER NOT NULL,
  height    INTEGER NOT NULL,
  bytes     INTEGER NOT NULL,
  file      TEXT NOT NULL UNIQUE,
  PRIMARY KEY (media_id, ratio)
) WITHOUT ROWID;

-- Articles imported before this version name their copied featured picture by URL only
-- (featured_image '/media/<file>'); they now point at its library item, as new imports do.
UPDATE articles SET featured_media_id =
    (SELECT m.id FROM media m WHERE '/media/' || m.file = articles.featured_image)
  WHERE featured_media_id IS NULL AND featured_image LIKE '/media/%';
