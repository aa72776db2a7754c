#include "newsroom/articles.h"

#include <algorithm>

#include "content/text.h"
#include "content/urls.h"
#include "content/workflow.h"
#include "store/names.h"

namespace khabar::newsroom {
namespace {

// The ids of the tags typed as "A, B", in `tx`: each the article's own tag of that name,
// else a tag of that name (an imported tag's slug is its old site's, and WordPress lets two
// tags share a name), else the tag of its slug, else a new one.
store::Result<std::vector<content::Id>> tag_ids(store::Transaction& tx, const std::string& typed,
                                                const store::EditableArticle* stored) {
  std::vector<content::Id> ids;
  for (std::string_view piece : content::split(typed, ',')) {
    std::string name = content::trim(piece);
    std::string slug = content::make_slug(name);
    if (slug.empty()) continue;
    std::optional<content::Id> id;
    if (stored)
      for (std::size_t i = 0; i < stored->tag_names.size() && i < stored->fields.tag_ids.size();
           ++i)
        if (stored->tag_names[i] == name) id = stored->fields.tag_ids[i];
    if (!id) id = tx.tag_id_by_name(name);
    if (!id) {
      auto found = find_or_make_tag(tx, name, slug);
      if (!found) return found.status();
      id = *found;
    }
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

std::string may_not(const Actor& actor, std::string_view what) {
  return "Your role (" + std::string(to_string(actor.role)) + ") may not " + std::string(what) +
         " this article.";
}

}  // namespace

store::Result<content::Id> find_or_make_tag(store::Transaction& tx, std::string_view name,
                                            std::string_view slug) {
  if (auto id = tx.tag_id_by_slug(slug)) return *id;
  return tx.add_tag(content::truncate_utf8(name.empty() ? slug : name, content::kMaxTagNameBytes),
                    slug);
}

content::Ownership ownership(const Actor& actor, const std::vector<content::Id>& author_ids) {
  return std::find(author_ids.begin(), author_ids.end(), actor.id) != author_ids.end()
             ? content::Ownership::Own
             : content::Ownership::Others;
}

store::Status move_article(store::Store& store, const Actor& actor,
                           const store::DeskArticle& article, std::string_view action,
                           std::optional<content::Timestamp> publish_at, content::Timestamp now) {
  auto own = ownership(actor, article.author_ids);
  if (action == "delete") {
    if (article.status != content::Status::Trash)
      return store::Status::conflict(
          "Only articles in the trash can be deleted for good; move it to the trash first.");
    if (!content::may_delete(actor.role, own, article.status))
      return store::Status::forbidden(may_not(actor, "delete"));
    auto tx = store.begin();
    if (auto s = tx->delete_article(article.id); !s) return s;
    return tx->commit();
  }
  auto move = content::find_move(action);
  if (!move) return store::Status::invalid("That is not a workflow action.");
  if (!content::applies(*move, article.status))
    return store::Status::conflict("This article is " + std::string(to_string(article.status)) +
                                   "; '" + std::string(move->name) + "' does not apply to it.");
  if (!content::may_move(actor.role, own, article.status, *move))
    return store::Status::forbidden(may_not(actor, move->name));
  if (move->to == content::Status::Scheduled && !publish_at)
    return store::Status::invalid("Scheduling needs the time to publish at.");
  auto tx = store.begin();
  // Checked against the status the move was chosen for: a move cannot apply to another.
  store::Status moved =
      move->to == content::Status::Scheduled
          ? tx->schedule_article(article.id, *publish_at, now, article.status)
          : tx->set_article_status(
                article.id, move->to, now,
                move->to == content::Status::Published
                    ? content::publication_time(article.status, article.published_at, now)
                    : 0,
                article.status);
  if (!moved) return moved;
  return tx->commit();
}

store::Result<store::NewArticle> plan_save(const Actor& actor, const store::EditableArticle* stored,
                                           const ArticleSave& save, content::Timestamp now) {
  store::NewArticle a = save.fields;
  content::Status from = stored ? stored->fields.status : content::Status::Draft;
  auto own = stored ? ownership(actor, stored->fields.author_ids) : content::Ownership::Own;
  if (!stored && !content::can(actor.role, content::Action::CreateArticle, own))
    return store::Status::forbidden(may_not(actor, "write"));
  if (stored && !content::may_edit(actor.role, own, from))
    return store::Status::forbidden(may_not(actor, "edit"));
  a.status = from;
  if (stored) a.published_at = stored->fields.published_at;
  if (!save.correction.empty()) {
    if (from != content::Status::Published)
      return store::Status::invalid(
          "A correction note is for a published article. Until it is published, correct the "
          "text itself.");
    if (!content::can(actor.role, content::Action::PublishArticle, own))
      return store::Status::forbidden(may_not(actor, "add a correction note to"));
    if (save.correction.size() > kMaxCorrectionBytes || !content::is_valid_utf8(save.correction))
      return store::Status::invalid("A correction note may have at most " +
                                    std::to_string(kMaxCorrectionBytes) + " bytes of UTF-8 text.");
  }
  if (save.move.empty()) return a;
  auto move = content::find_move(save.move);
  if (!move || move->to == content::Status::Draft || move->to == content::Status::Trash)
    return store::Status::invalid("That is not something the editor does; use the article list.");
  if (!content::may_move(actor.role, own, from, *move))
    return store::Status::forbidden(may_not(actor, save.move));
  a.status = move->to;
  if (move->to == content::Status::Scheduled) {
    if (!save.publish_at) return store::Status::invalid("Scheduling needs the time to publish at.");
    a.published_at = *save.publish_at;
  } else if (move->to == content::Status::Published) {
    a.published_at = content::publication_time(from, a.published_at, now);
  }
  return a;
}

store::Result<store::SaveOutcome> save_article(store::Store& store, const Actor& actor,
                                               const store::EditableArticle* stored,
                                               const ArticleSave& save, content::Timestamp now) {
  auto planned = plan_save(actor, stored, save, now);
  if (!planned) return planned.status();
  store::NewArticle& a = *planned;
  content::Id self = stored ? stored->id : 0;
  auto tx = store.begin();
  a.slug = store::free_article_slug(*tx, a.slug, self);
  auto tags = tag_ids(*tx, save.tags, stored);
  if (!tags) return tags.status();
  a.tag_ids = std::move(*tags);
  auto saved = tx->save_article(self, a, save.version, actor.id, now);
  if (!saved) return saved;
  tx->clear_autosave(self, actor.id);  // what was typed is saved now
  if (!save.correction.empty())
    if (auto s = tx->add_correction(saved->id, save.correction, actor.id, now); !s) return s;
  // A published article that changes address keeps its old one as a 301.
  if (stored && stored->fields.status == content::Status::Published &&
      stored->fields.slug != a.slug)
    tx->add_redirect("/" + stored->fields.slug + "/", content::article_url(a.slug));
  if (auto s = tx->commit(); !s) return s;
  return saved;
}

}  // namespace khabar::newsroom
