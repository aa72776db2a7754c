// What the newsroom's desk reads: work of any status, revisions, moderation queues, the
// media library and the tags, as the admin lists and edits them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "content/model.h"
#include "store/records.h"

namespace khabar::store {

class DeskReads {
 public:
  virtual ~DeskReads() = default;

  virtual std::int64_t count_articles(content::Status status) = 0;  // articles and pages
  virtual std::int64_t count_comments(content::CommentStatus status) = 0;
  virtual std::optional<DeskArticle> desk_article(Id id) = 0;
  virtual std::vector<DeskArticle> desk_articles(
      const DeskFilter& filter) = 0;  // newest change first
  virtual std::optional<EditableArticle> article_for_edit(Id id) = 0;
  virtual std::vector<Revision> revisions(Id article_id) = 0;  // newest first
  virtual std::optional<Revision> revision(Id id) = 0;
  virtual std::optional<Autosave> autosave(Id article_id, Id user_id) = 0;
  virtual std::vector<DeskTag> desk_tags() = 0;  // by name
  // Comments for moderation (with the private email), as `q` asks.
  virtual std::vector<ModerationItem> comments_for_moderation(const ModerationQuery& q) = 0;
  // The newest `limit` comments with `status`.
  std::vector<ModerationItem> comments_for_moderation(content::CommentStatus status, int limit) {
    ModerationQuery q;
    q.status = status;
    q.limit = limit;
    return comments_for_moderation(q);
  }
  virtual std::vector<content::Media> media_library(const MediaFilter& filter) = 0;  // newest first
  virtual std::optional<content::Media> media(Id id) = 0;
  // The articles and pages (any status) that show a library item: as featured image, or
  // its file in their text.
  virtual std::vector<DeskArticle> media_uses(Id id) = 0;
  // Every old address kept (imports, moved articles and categories), by path.
  virtual std::vector<Redirect> redirects() = 0;
  // Whether a scheduled article's time (published_at) is at or before `now` (cheap: one
  // indexed read; Transaction::publish_due publishes them).
  virtual bool publication_due(content::Timestamp now) = 0;
};

}  // namespace khabar::store
