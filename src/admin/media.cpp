// The media library: upload (the type decided from the bytes; metadata removed; width
// variants made), a grid with search, each item's alt text, caption and credit, where it
// is used, the Markdown that inserts it, and deletion that warns when it is in use.
#include <spdlog/spdlog.h>

#include "admin/admin_page.h"
#include "admin/handlers.h"
#include "admin/media_upload.h"
#include "content/text.h"
#include "content/urls.h"
#include "content/workflow.h"
#include "media/library.h"

namespace khabar::admin {
namespace {

content::Ownership ownership_of_media(const Context& ctx, const content::Media& m) {
  return m.uploaded_by == ctx.user->account.id ? content::Ownership::Own
                                               : content::Ownership::Others;
}

std::string human_bytes(std::int64_t n) {
  if (n < 1024) return std::to_string(n) + " B";
  if (n < 1024 * 1024) return std::to_string(n / 1024) + " KB";
  return std::to_string(n / (1024 * 1024)) + "." +
         std::to_string(n % (1024 * 1024) * 10 / (1024 * 1024)) + " MB";
}

// "audio", "video", or "" for a picture (imports bring sound and video files too).
std::string playable_kind(const content::Media& m) {
  if (content::is_picture(m.original)) return "";
  return m.original.mime.starts_with("audio/") ? "audio" : "video";
}

// The smallest variant (a thumbnail for the grid), or the original.
std::string thumbnail(const content::Media& m) {
  for (const auto& v : m.variants)
    if (v.mime == "image/webp") return "/media/" + v.file;
  return "/media/" + m.original.file;
}

// Whether the signed-in user may see this item at all: their own, or anyone's for the
// roles that may change others' media (editors, administrators).
bool may_see(const Context& ctx, const content::Media& m) {
  return content::can(ctx.user->account.role, content::Action::UploadMedia,
                      ownership_of_media(ctx, m));
}

// The articles that use an item, as far as the user may know of them: published ones, and
// those the user may see in the desk. Another reporter's draft stays unnamed.
std::vector<store::DeskArticle> visible_uses(const Context& ctx, content::Id media_id) {
  std::vector<store::DeskArticle> out;
  for (auto& a : ctx.store.snapshot()->media_uses(media_id))
    if (content::may_see(ctx.user->account.role, ownership_of(ctx, a.author_ids), a.status))
      out.push_back(std::move(a));
  return out;
}

http::Response library_page(Context& ctx, int status, std::string_view error) {
  const auto& me = ctx.user->account;
  store::MediaFilter filter;
  filter.search = content::trim(ctx.request.query_param("q").value_or(""));
  if (ctx.request.query_param("mine") ||
      !content::can(me.role, content::Action::UploadMedia, content::Ownership::Others))
    filter.uploaded_by = me.id;
  AdminPage page(ctx, "admin/media.tpl", "Media library");
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done"))
    page.notice(*done == "deleted" ? "Deleted." : "Uploaded.");
  auto& d = page.main();
  d.SetValue("QUERY", filter.search);
  d.SetIntValue("MAX_MB", upload_limit_mb(ctx));
  ListPage p = list_page(ctx);
  filter.limit = static_cast<int>(ListPage::kSize) + 1;  // one more: is there a next page?
  filter.offset = static_cast<int>(p.offset());
  auto items = ctx.store.snapshot()->media_library(filter);
  bool more = items.size() > ListPage::kSize;
  if (more) items.pop_back();
  if (items.empty() && p.page == 1) d.ShowSection("EMPTY");
  std::string query = filter.search.empty() ? "" : "q=" + content::percent_encode(filter.search);
  if (ctx.request.query_param("mine")) query += std::string(query.empty() ? "" : "&") + "mine=1";
  page.pager(p, items.size(), more, "/admin/media", query);
  for (const auto& m : items) {
    auto* item = d.AddSectionDictionary("ITEM");
    item->SetIntValue("ID", static_cast<long>(m.id));
    item->SetValue("NAME", m.original_name.empty() ? m.original.file : m.original_name);
    std::string kind = playable_kind(m);
    if (kind.empty()) {
      item->SetValueAndShowSection("THUMB", thumbnail(m), "PICTURE");
      item->SetValue("ALT", m.alt);
      item->SetValue("SIZE",
                     std::to_string(m.original.width) + "×" + std::to_string(m.original.height));
      if (m.alt.empty()) item->ShowSection("NO_ALT");
    } else {
      item->SetValueAndShowSection("KIND", kind == "audio" ? "Sound" : "Video", "PLAYABLE");
      item->SetValue("SIZE", human_bytes(m.original.bytes));
    }
  }
  return page.render(status);
}

http::Response item_page(Context& ctx, const content::Media& m, int status, std::string_view error,
                         bool confirm_delete = false) {
  AdminPage page(ctx, "admin/media_item.tpl",
                 "Image: " + (m.alt.empty() ? m.original_name : m.alt));
  if (!error.empty()) page.error(error);
  if (auto done = ctx.request.query_param("done"))
    page.notice(*done == "uploaded" ? "Uploaded."
                : *done == "logo"   ? "This picture is the site's logo now."
                : *done == "icon"   ? "This picture is the site's icon now."
                                    : "Saved.");
  auto& d = page.main();
  d.SetIntValue("ID", static_cast<long>(m.id));
  d.SetValue("URL", "/media/" + m.original.file);
  // The picture, or a player of the sound or video.
  std::string kind = playable_kind(m);
  if (kind.empty()) {
    auto* image = d.AddSectionDictionary("IMAGE");
    image->SetValue("THUMB", thumbnail(m));
    image->SetValue("ALT", m.alt);
  } else {
    d.AddSectionDictionary(kind == "audio" ? "AUDIO" : "VIDEO")
        ->SetValue("URL", "/media/" + m.original.file);
  }
  d.SetValue("ALT", m.alt);
  d.SetValue("CAPTION", m.caption);
  d.SetValue("CREDIT", m.credit);
  d.SetValue("NAME", m.original_name);
  d.SetValue("UPLOADED", admin_time(ctx, m.created_at));
  auto* size = d.AddSectionDictionary("FILE");
  size->SetValue("FILE", "/media/" + m.original.file);
  size->SetValue("DESCRIPTION", std::string(m.original.mime) + ", " +
                                    (kind.empty() ? std::to_string(m.original.width) + "×" +
                                                        std::to_string(m.original.height) + ", "
                                                  : std::string()) +
                                    human_bytes(m.original.bytes) + " (original)");
  auto list = [&](const content::MediaFile& v, std::string_view note) {
    auto* f = d.AddSectionDictionary("FILE");
    f->SetValue("FILE", "/media/" + v.file);
    f->SetValue("DESCRIPTION", v.mime + ", " + std::to_string(v.width) + "×" +
                                   std::to_string(v.height) + ", " + human_bytes(v.bytes) +
                                   std::string(note));
  };
  for (const auto& v : m.variants) list(v, "");
  for (const auto& c : m.crops) list(c, " (crop for shared links and search engines)");
  if (!kind.empty())
    d.ShowSection("PLAYED_WHERE_IMPORTED");
  else if (m.alt.empty())
    d.ShowSection("NEEDS_ALT");
  else
    d.SetValueAndShowSection("MARKDOWN", "![" + m.alt + "](/media/" + m.original.file + ")",
                             "CAN_INSERT");
  auto uses = visible_uses(ctx, m.id);
  if (uses.empty()) d.ShowSection("UNUSED");
  for (const auto& a : uses) {
    auto* u = d.AddSectionDictionary("USE");
    u->SetIntValue("ID", static_cast<long>(a.id));
    u->SetValue("TITLE", a.title);
    u->SetValue("STATUS", std::string(to_string(a.status)));
  }
  if (content::can(ctx.user->account.role, content::Action::UploadMedia,
                   ownership_of_media(ctx, m)))
    d.AddSectionDictionary("CAN_CHANGE")
        ->ShowSection(confirm_delete ? "CONFIRM_DELETE" : "PLAIN_DELETE");
  // Administrators make a picture the site's logo or icon (settings site_logo, site_icon).
  if (kind.empty() && content::can(ctx.user->account.role, content::Action::ManageSettings)) {
    auto* identity = d.AddSectionDictionary("SITE_IDENTITY");
    auto snap = ctx.store.snapshot();
    if (snap->setting("site_logo").value_or("") == m.original.file)
      identity->ShowSection("IS_LOGO");
    if (snap->setting("site_icon").value_or("") == m.original.file)
      identity->ShowSection("IS_ICON");
  }
  return page.render(status);
}

}  // namespace

http::Response media_library(Context& ctx) {
  const auto& me = ctx.user->account;
  if (!content::can(me.role, content::Action::UploadMedia, content::Ownership::Own))
    return forbidden(ctx);
  if (!ctx.is_post()) return library_page(ctx, 200, "");
  auto uploaded = upload_image(ctx, "file", ctx.form.get("alt"), ctx.form.get("caption"),
                               ctx.form.get("credit"));
  if (!uploaded.error.empty()) return library_page(ctx, uploaded.status, uploaded.error);
  return see_other("/admin/media/" + std::to_string(uploaded.id) + "?done=uploaded");
}

http::Response media_item(Context& ctx, std::string_view id_text) {
  const auto& me = ctx.user->account;
  auto id = content::parse_integer(id_text);
  auto m = id ? ctx.store.snapshot()->media(*id) : std::nullopt;
  if (!m) return message_page(ctx, 404, "Not found", "There is no such image in the library.");
  if (!content::can(me.role, content::Action::UploadMedia, content::Ownership::Own))
    return forbidden(ctx);
  // Someone else's upload does not exist for those who may not see it (ids are sequential:
  // a 403 would confirm it).
  if (!may_see(ctx, *m))
    return message_page(ctx, 404, "Not found", "There is no such image in the library.");
  bool may_change = may_see(ctx, *m);
  if (!ctx.is_post()) return item_page(ctx, *m, 200, "");
  if (!may_change) return forbidden(ctx);
  std::string action = ctx.form.get("action");
  if (action == "save") {
    std::string alt = content::trim(ctx.form.get("alt")),
                caption = content::trim(ctx.form.get("caption")),
                credit = content::trim(ctx.form.get("credit"));
    if (!content::is_valid_utf8(alt + caption + credit) || alt.size() > 500 ||
        caption.size() > 2000 || credit.size() > 300)
      return item_page(ctx, *m, 422,
                       "Alt text (500), caption (2,000) and credit (300 bytes) must be text of at "
                       "most that size.");
    auto tx = ctx.store.begin();
    store::Status s = tx->update_media_text(m->id, alt, caption, credit);
    if (s) s = tx->commit();
    if (!s) return store_refusal(ctx, s);
    return see_other("/admin/media/" + std::to_string(m->id) + "?done=saved");
  }
  if (action == "logo" || action == "icon") {
    if (!content::can(me.role, content::Action::ManageSettings) || !playable_kind(*m).empty())
      return forbidden(ctx);
    auto tx = ctx.store.begin();
    tx->set_setting(action == "logo" ? "site_logo" : "site_icon", m->original.file);
    if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
    spdlog::info("admin: account {} made media {} the site's {}", me.id, m->id, action);
    return see_other("/admin/media/" + std::to_string(m->id) + "?done=" + action);
  }
  if (action == "delete") {
    auto uses = ctx.store.snapshot()->media_uses(m->id);
    if (!uses.empty() && ctx.form.get("confirm") != "yes")
      return item_page(ctx, *m, 409,
                       "This image is used by " + std::to_string(uses.size()) +
                           (uses.size() == 1 ? " article" : " articles") +
                           " (listed below). Deleting it leaves a gap where it was shown; "
                           "confirm below if that is what you want.",
                       true);
    auto tx = ctx.store.begin();
    auto deleted = tx->delete_media(m->id);
    if (!deleted) return store_refusal(ctx, deleted.status());
    if (auto s = tx->commit(); !s) return store_refusal(ctx, s);
    {  // its files go once no article can show it any more
      std::error_code ec;
      for (const auto& path : media::files_of(*deleted, ctx.media_dir))
        std::filesystem::remove(path, ec);
      spdlog::info("admin: account {} deleted media {} ({})", me.id, m->id, m->original.file);
    }
    return see_other("/admin/media?done=deleted");
  }
  return message_page(ctx, 400, "Unknown action", "That is not a media library action.");
}

}  // namespace khabar::admin
