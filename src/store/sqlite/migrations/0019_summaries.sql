-- Version 19: summaries are text only (issue 13). Imports made before version 16
-- kept WordPress shortcodes in the excerpts they made ("[caption id=...]", "[gallery]"),
-- which cards, feeds and meta descriptions then showed; they lose them here, as the
-- importer leaves them out now (khabar_summary_text: content::strip_shortcodes).
UPDATE articles SET excerpt = khabar_summary_text(excerpt)
  WHERE instr(excerpt, '[') > 0 AND khabar_summary_text(excerpt) <> excerpt;
