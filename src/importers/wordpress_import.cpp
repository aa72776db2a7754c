#include "importers/wordpress_import.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "content/text.h"
#include "content/urls.h"
#include "importers/fetch_media.h"
#include "importers/wordpress_content.h"
#include "media/files.h"
#include "media/library.h"
#include "newsroom/articles.h"
#include "newsroom/imports.h"
#include "render/sanitize.h"
#include "search/plain_text.h"
#include "security/secret.h"
#include "store/names.h"

namespace khabar::importers {
namespace {

using content::Id;

// A WordPress slug or path decoded (WordPress stores non-Latin slugs percent-encoded), or as
// it is when it does not decode to UTF-8.
std::string percent_decoded(std::string_view s) {
  auto out = content::percent_decode(s);
  return out && content::is_valid_utf8(*out) ? *out : std::string(s);
}

// A WordPress slug as a Khabar slug: decoded, and made again from `fallback` if unusable.
std::string usable_slug(std::string_view wordpress_slug, std::string_view fallback) {
  std::string slug = content::trim(percent_decoded(wordpress_slug));
  bool ok =
      !slug.empty() && slug.size() <= 200 && slug.find_first_of("/?#% \t") == std::string::npos;
  if (ok) return content::ascii_lower(slug);
  return content::make_slug(fallback);
}

// The path of a URL ("https://x.example/a/b/?q" -> "/a/b/"), percent-decoded.
std::string path_of(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (start == std::string_view::npos) return "/";
  std::string_view path = url.substr(start);
  path = path.substr(0, path.find_first_of("?#"));
  std::string out;
  for (char c : percent_decoded(path))
    if (!(c == '/' && !out.empty() && out.back() == '/')) out += c;
  return out;
}

// An upload's URL path without its extension: how the library copy of an attachment is
// found again ("/2013/03/kabul").
std::string upload_key(std::string_view url) {
  std::string path = path_of(url);
  std::size_t slash = path.rfind('/');
  std::size_t dot = path.rfind('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) path.resize(dot);
  return path;
}

// The key of the original a resized copy was made from: WordPress's "-300x200" dropped.
std::string upload_stem(std::string_view url) {
  std::string path = upload_key(url);
  std::size_t slash = path.rfind('/');
  std::size_t dash = path.rfind('-');
  if (dash != std::string::npos && (slash == std::string::npos || dash > slash)) {
    std::string_view size = std::string_view(path).substr(dash + 1);
    std::size_t x = size.find('x');
    auto digits = [](std::string_view d) {
      return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
    };
    if (x != std::string_view::npos && digits(size.substr(0, x)) && digits(size.substr(x + 1)))
      path.resize(dash);
  }
  return path;
}

content::Status map_status(const std::string& wordpress) {
  if (wordpress == "publish") return content::Status::Published;
  if (wordpress == "pending") return content::Status::Pending;
  if (wordpress == "future") return content::Status::Scheduled;
  if (wordpress == "trash") return content::Status::Trash;
  return content::Status::Draft;  // draft, private, auto-draft...
}

// Pass 1: what items refer to across the file (attachments, parents), and how many there are.
struct Collected : WxrHandler {
  std::unordered_map<std::int64_t, Attachment> attachments;
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> children;
  std::unordered_set<std::int64_t> ids;
  // Uploads copied into the media library: the attachment's old URL path without its
  // extension (upload_key) -> the new URL.
  std::unordered_map<std::string, std::string> moved;
  std::uint64_t items = 0;
  const ImportOptions* options = nullptr;

  void item(const WxrItem& i) override {
    ++items;
    ids.insert(i.post_id);
    if (i.post_type != "attachment") return;
    Attachment a{i.attachment_url.empty() ? i.guid : i.attachment_url, html_to_text(i.excerpt), ""};
    for (const auto& [k, v] : i.meta)
      if (k == "_wp_attachment_image_alt") a.alt = v;
    attachments.emplace(i.post_id, std::move(a));
    if (i.post_parent) children[i.post_parent].push_back(i.post_id);
  }
  void progress(std::uint64_t bytes, std::uint64_t total) override {
    if (options->progress) options->progress(bytes, total * 2, items);
  }
  bool wants_bodies() const override { return false; }
};

// An item with the work that needs no database done: the body made safe HTML, excerpt,
// reading time, featured image, comment texts. Runs on the parsing thread.
struct Prepared {
  WxrItem item;
  std::string body_html, excerpt, featured_image;
  int reading_minutes = 1;
  bool too_large = false;  // the body is over content::kMaxBodyBytes: not imported
  ContentReport report;
};

Prepared prepare(WxrItem item, const Collected& collected) {
  Prepared p;
  p.too_large = item.content.size() > content::kMaxBodyBytes;
  if ((item.post_type == "post" || item.post_type == "page") && !p.too_large) {
    auto lookup = [&](std::int64_t id) -> const Attachment* {
      auto it = collected.attachments.find(id);
      return it == collected.attachments.end() ? nullptr : &it->second;
    };
    static const std::vector<std::int64_t> kNone;
    auto kids = collected.children.find(item.post_id);
    render::UrlRewrite rewrite;
    if (!collected.moved.empty())
      rewrite = [&](std::string_view url) -> std::optional<std::string> {
        // The attachment itself (four originals may be named image-580x300.jpg,
        // image-150x150.jpg...: each is its own), else the original of a resized copy.
        auto it = collected.moved.find(upload_key(url));
        if (it == collected.moved.end()) it = collected.moved.find(upload_stem(url));
        if (it == collected.moved.end()) return std::nullopt;
        return it->second;
      };
    p.body_html = wordpress_to_html(item.content, lookup,
                                    kids == collected.children.end() ? kNone : kids->second,
                                    p.report, rewrite);
    // The text as the editor reckons it (reading time, excerpt): a save that changes
    // nothing changes neither.
    std::string text = search::html_text(p.body_html);
    std::string excerpt = html_to_text(render::sanitize_html(item.excerpt));
    // A summary is text only: no markup (both are text already), no shortcode.
    p.excerpt =
        content::make_excerpt(content::strip_shortcodes(excerpt.empty() ? text : excerpt), 300);
    p.reading_minutes = content::reading_minutes(text);
    for (const auto& [k, v] : item.meta)
      if (k == "_thumbnail_id")
        if (const Attachment* att = lookup(content::parse_integer(v).value_or(0)))
          if (render::is_safe_url(att->url)) p.featured_image = att->url;
    for (auto& c : item.comments) c.content = html_to_text(c.content, true);
  }
  item.content.clear();
  item.content.shrink_to_fit();
  item.excerpt.clear();
  p.item = std::move(item);
  return p;
}

// What the parsing thread hands to the writing thread.
struct Event {
  enum class Kind { Site, Author, Category, Tag, Item, Progress, End } kind = Kind::End;
  WxrSite site;
  WxrAuthor author;
  WxrTerm term;
  Prepared item;
  std::uint64_t bytes = 0, total = 0;
  std::optional<WxrError> error;
};

// A bounded queue between the two threads; cancel() wakes and stops both sides.
class Channel {
 public:
  explicit Channel(std::size_t capacity) : capacity_(capacity) {}
  // False when cancelled (the event is dropped).
  bool push(Event e) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(e));
    not_empty_.notify_one();
    return true;
  }
  Event pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty(); });
    Event e = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return e;
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Event> queue_;
  bool cancelled_ = false;
};

struct Cancelled {};

// Pass 2's parsing side: prepares each item and queues it.
class Producer : public WxrHandler {
 public:
  Producer(Channel& channel, const Collected& collected)
      : channel_(channel), collected_(collected) {}
  void site(const WxrSite& s) override {
    Event e;
    e.kind = Event::Kind::Site;
    e.site = s;
    send(std::move(e));
  }
  void author(const WxrAuthor& a) override {
    Event e;
    e.kind = Event::Kind::Author;
    e.author = a;
    send(std::move(e));
  }
  void category(const WxrTerm& t) override { term(Event::Kind::Category, t); }
  void tag(const WxrTerm& t) override { term(Event::Kind::Tag, t); }
  void item(const WxrItem& i) override {
    Event e;
    e.kind = Event::Kind::Item;
    e.item = prepare(i, collected_);
    send(std::move(e));
  }
  void progress(std::uint64_t bytes, std::uint64_t total) override {
    Event e;
    e.kind = Event::Kind::Progress;
    e.bytes = bytes;
    e.total = total;
    send(std::move(e));
  }

 private:
  void term(Event::Kind kind, const WxrTerm& t) {
    Event e;
    e.kind = kind;
    e.term = t;
    send(std::move(e));
  }
  void send(Event e) {
    if (!channel_.push(std::move(e))) throw Cancelled{};
  }
  Channel& channel_;
  const Collected& collected_;
};

class Importer : public WxrHandler {
 public:
  Importer(store::Store& store, store::Transaction& tx, const ImportOptions& options,
           const Collected& collected, ImportSummary& summary)
      : tx_(tx), options_(options), collected_(collected), s_(summary) {
    auto reads = store.snapshot();
    language_ = reads->setting("language").value_or("en");
    site_title_ = reads->setting("title").value_or("Newsroom");
    for (const auto& c : reads->categories()) paths_[c.id] = c.path;
  }

  void site(const WxrSite& site) override {
    base_ = site.base_blog_url.empty() ? site.link : site.base_blog_url;
  }

  void author(const WxrAuthor& a) override {
    std::string key = a.login;
    // WordPress's default display name is the login: never published without the newsroom
    // choosing it. Such authors are shown under the site's name until they set their own.
    std::string display = content::trim(a.display_name);
    bool login_named = display.empty() || content::names_login(display, a.login);
    if (login_named) {
      display = site_title_;
      s_.notes.push_back("author " + std::to_string(a.id) +
                         ": WordPress showed the login as the public name; shown as '" +
                         site_title_ + "' until a name is set (admin, Users)");
    }
    if (auto id = tx_.import_target("wp:author", key)) {
      authors_[a.login] = *id;
      if (auto existing = tx_.accounts().account(*id)) {
        tx_.accounts().update_profile(
            *id, {login_named ? existing->display_name : display, a.email, existing->bio});
        author_slugs_[a.login] = existing->slug;
      }
      ++s_.authors.updated;
    } else {
      store::NewUser u;
      u.login = login_for(a.login);
      u.email = a.email;
      u.display_name = display;
      u.slug = store::free_author_slug(
          tx_, login_named ? "author-" + std::to_string(a.id ? a.id : ++anonymous_) : display);
      u.role = "author";
      Id user = tx_.add_user(u).or_throw();
      tx_.accounts().set_disabled(user, true);  // until invited (khabar user link)
      tx_.set_import_target("wp:author", key, user);
      authors_[a.login] = user;
      author_slugs_[a.login] = u.slug;
      s_.invited.push_back(u.login);
      ++s_.authors.imported;
    }
    // WordPress's author archive is /author/<login>/. (Reads inside this transaction go
    // through the writer's lookups: the readers do not see what it has not committed.)
    // Answered only where the new address is the old one: redirecting /author/<login>/
    // elsewhere would confirm to anyone that the login exists.
    if (auto slug = author_slugs_.find(a.login);
        slug != author_slugs_.end() && slug->second == percent_decoded(a.login))
      redirect("/author/" + percent_decoded(a.login) + "/", content::author_url(slug->second));
  }

  void category(const WxrTerm& t) override { pending_categories_.push_back(t); }

  void tag(const WxrTerm& t) override { tag_id(t.slug, t.name, true); }

  void item(Prepared& p) {
    const WxrItem& i = p.item;
    flush_categories();
    ++done_;
    if (i.post_type == "post" || i.post_type == "page") return post(p);
    if (i.post_type == "attachment") {
      ++s_.attachments.imported;  // referenced by URL from the articles that show them
      return;
    }
    if (i.post_type == "nav_menu_item") return menu_item(i);
    s_.other_items.skip("post type '" + i.post_type + "' is not imported");
  }

  void progress(std::uint64_t bytes, std::uint64_t total) override {
    if (options_.progress) options_.progress(total + bytes, total * 2, collected_.items + done_);
  }
  void item(const WxrItem&) override {}  // items arrive prepared (item(Prepared&))

  // After the last item: categories of a file without items; the header menu, now that
  // what its entries point to is imported.
  void finish() {
    flush_categories();
    header_menu();
  }

 private:
  // A login Khabar accepts: lower case, letters, digits and . _ - @ only.
  std::string login_for(const std::string& wordpress_login) {
    std::string login;
    for (char c : content::ascii_lower(wordpress_login))
      login += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ||
                c == '@')
                   ? c
                   : '-';
    if (login.size() < 2) login = "wp-" + login;
    return store::free_login(tx_, login);
  }

  // A WordPress menu entry (nav_menu_item), kept until every post is in (header_menu).
  struct MenuEntry {
    int order = 0;
    std::string type, object, object_id, url, title;
    bool top = true;  // WordPress nests entries; Khabar's header menu is one row
  };
  struct Menu {
    std::string name;
    std::vector<MenuEntry> entries;
  };

  void menu_item(const WxrItem& i) {
    std::string menu, name;
    for (std::size_t k = 0; k < i.categories.size(); ++k)
      if (i.categories[k].first == "nav_menu") {
        menu = i.categories[k].second;
        name = k < i.category_names.size() ? i.category_names[k] : menu;
      }
    if (menu.empty()) return s_.other_items.skip("a menu entry in no menu");
    MenuEntry e;
    e.order = i.menu_order;
    e.title = i.title;
    for (const auto& [key, value] : i.meta) {
      if (key == "_menu_item_type") e.type = value;
      if (key == "_menu_item_object") e.object = value;
      if (key == "_menu_item_object_id") e.object_id = value;
      if (key == "_menu_item_url") e.url = value;
      if (key == "_menu_item_menu_item_parent") e.top = value.empty() || value == "0";
    }
    auto& m = menus_[menu];
    m.name = name;
    m.entries.push_back(std::move(e));
  }

  // Which menu was the site's header: one named so (primary, main, header, top), else the
  // one with the most top-level entries that is not a social or footer menu. It becomes
  // Khabar's menu on the first import (a later one leaves the newsroom's menu alone).
  void header_menu() {
    if (menus_.empty()) return;
    auto top_entries = [](const Menu& m) {
      return std::count_if(m.entries.begin(), m.entries.end(),
                           [](const MenuEntry& e) { return e.top; });
    };
    const std::string* chosen = nullptr;
    for (const auto& [slug, m] : menus_) {
      bool named = slug == "primary" || slug == "main" || slug == "header" || slug == "top" ||
                   slug.starts_with("primary-") || slug.starts_with("main-") ||
                   slug.starts_with("header-") || slug.starts_with("top-");
      bool aside =
          slug.find("social") != std::string::npos || slug.find("footer") != std::string::npos;
      if (named) {
        chosen = &slug;
        break;
      }
      if (!aside && (!chosen || top_entries(m) > top_entries(menus_.at(*chosen)))) chosen = &slug;
    }
    if (!chosen) return;
    const Menu& menu = menus_.at(*chosen);
    for (const auto& [slug, m] : menus_)
      if (&slug != chosen)
        for (std::size_t k = 0; k < m.entries.size(); ++k)
          s_.other_items.skip("menu '" + m.name + "' is not the header menu (Khabar has one)");
    bool first_time = !tx_.import_target("wp:menu", "header");
    std::vector<MenuEntry> entries = menu.entries;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const MenuEntry& a, const MenuEntry& b) { return a.order < b.order; });
    std::vector<store::MenuItem> items;
    for (const auto& e : entries) {
      if (!e.top) {
        s_.other_items.skip("a nested entry of menu '" + menu.name + "' (Khabar's is one row)");
        continue;
      }
      store::MenuItem item;
      std::string label = content::trim(e.title);
      if (e.type == "taxonomy" && e.object == "category") {
        auto id = tx_.import_target("wp:category", e.object_id);
        if (!id) {
          s_.other_items.skip("a menu entry whose category is not in the file");
          continue;
        }
        item.kind = store::MenuItem::Kind::Category;
        item.target_id = *id;
        item.label = label;
      } else if (e.type == "post_type") {
        auto it = imported_.find(content::parse_integer(e.object_id).value_or(0));
        if (it == imported_.end()) {
          s_.other_items.skip("a menu entry whose post or page was not imported");
          continue;
        }
        if (it->second.published_page) {
          item.kind = store::MenuItem::Kind::Page;
          item.target_id = it->second.id;
          item.label = label;
        } else {
          item.url = content::article_url(it->second.slug);
          item.label = label;
        }
      } else {
        item.url = content::trim(e.url);
        item.label = label.empty() ? item.url : label;
      }
      if (item.kind == store::MenuItem::Kind::Link &&
          (item.url.empty() || !render::is_safe_url(item.url) || item.label.empty())) {
        s_.other_items.skip("a menu link without a safe address and a label");
        continue;
      }
      items.push_back(std::move(item));
    }
    if (!first_time) {
      for (std::size_t k = 0; k < items.size(); ++k)
        s_.other_items.skip(
            "the header menu came with the first import; Menu in the admin changes it");
      return;
    }
    if (items.empty()) return;
    s_.other_items.imported += static_cast<std::int64_t>(items.size());
    tx_.set_menu(items);
    tx_.set_import_target("wp:menu", "header", 1);
    s_.notes.push_back("The menu '" + menu.name + "' (" + std::to_string(items.size()) +
                       " entries) is now the header menu (Menu in the admin).");
  }

  void redirect(const std::string& from, const std::string& to) {
    // `from` is decoded (as requests are matched); `to` is a link, percent-encoded.
    if (from.empty() || from.size() > 2000 || from == percent_decoded(to)) return;
    tx_.add_redirect(from, to);
    if (redirected_.insert(from).second) ++s_.redirects;
  }

  // Categories arrive before the items; a parent may be listed after its child, so they
  // are imported parents first once all are known.
  void flush_categories() {
    if (pending_categories_.empty()) return;
    std::vector<WxrTerm> left = std::move(pending_categories_);
    pending_categories_.clear();
    while (!left.empty()) {
      std::vector<WxrTerm> later;
      for (auto& t : left) {
        if (!t.parent_slug.empty() && !categories_.contains(t.parent_slug))
          later.push_back(std::move(t));
        else
          import_category(t, t.parent_slug.empty() ? 0 : categories_[t.parent_slug]);
      }
      if (later.size() == left.size()) {  // parents that are not in the file
        for (auto& t : later) {
          s_.notes.push_back("category '" + t.name + "': its parent '" + t.parent_slug +
                             "' is not in the file; imported at the top level");
          import_category(t, 0);
        }
        break;
      }
      left = std::move(later);
    }
  }

  void import_category(const WxrTerm& t, Id parent) {
    std::string key = t.id ? std::to_string(t.id) : t.slug;
    std::string slug = usable_slug(t.slug, t.name);
    if (slug.empty()) slug = "category-" + key;
    if (auto id = tx_.import_target("wp:category", key)) {
      categories_[t.slug] = *id;
      wordpress_paths_[t.slug] =
          (t.parent_slug.empty() ? "" : wordpress_paths_[t.parent_slug] + "/") +
          percent_decoded(t.slug);
      tx_.rename_category(*id, t.name).or_throw();
      ++s_.categories.updated;
      return;
    }
    std::string path = parent ? paths_[parent] + "/" + slug : slug;
    std::string wordpress_path =
        (t.parent_slug.empty() ? "" : wordpress_paths_[t.parent_slug] + "/") +
        percent_decoded(t.slug);
    wordpress_paths_[t.slug] = wordpress_path;
    Id id = 0;
    if (auto existing = tx_.category_id_by_path(path)) {
      id = *existing;
      ++s_.categories.updated;
    } else {
      id = tx_.add_category({t.name.empty() ? slug : t.name, slug, parent, t.description, 0})
               .or_throw();
      ++s_.categories.imported;
    }
    tx_.set_import_target("wp:category", key, id);
    categories_[t.slug] = id;
    paths_[id] = path;
    redirect("/category/" + wordpress_path + "/", content::category_url(path));
    // WordPress's plain links to a category (and, with &feed=, to its feed): /?cat=ID.
    if (t.id) redirect("?cat=" + std::to_string(t.id), content::category_url(path));
  }

  Id tag_id(const std::string& wordpress_slug, const std::string& name, bool declared) {
    if (auto it = tags_.find(wordpress_slug); it != tags_.end()) return it->second;
    std::string slug = usable_slug(wordpress_slug, name);
    if (slug.empty()) slug = "tag";
    bool known = tx_.tag_id_by_slug(slug).has_value();
    Id id = newsroom::find_or_make_tag(tx_, name, slug).or_throw();
    if (declared) ++(known ? s_.tags.updated : s_.tags.imported);
    tags_[wordpress_slug] = id;
    redirect("/tag/" + percent_decoded(wordpress_slug) + "/", content::tag_url(slug));
    return id;
  }

  void post(Prepared& p) {
    const WxrItem& i = p.item;
    bool is_page = i.post_type == "page";
    Tally& tally = is_page ? s_.pages : s_.posts;
    if (i.status == "auto-draft" || i.status == "inherit") {
      tally.skip("status '" + i.status + "'");
      return;
    }
    if (p.too_large) {
      tally.skip("body larger than " + std::to_string(content::kMaxBodyBytes >> 20) + " MB");
      s_.notes.push_back("'" + content::trim(i.title) + "' (WordPress id " +
                         std::to_string(i.post_id) + ", line " + std::to_string(i.line) +
                         "): its body is larger than " +
                         std::to_string(content::kMaxBodyBytes >> 20) + " MB; not imported");
      return;
    }
    if (p.report.flattened)
      s_.notes.push_back("'" + content::trim(i.title) +
                         "': markup nested more than 100 levels deep was flattened (its text "
                         "is kept)");
    store::NewArticle a;
    a.kind = is_page ? content::Kind::Page : content::Kind::Article;
    a.title = content::trim(i.title);
    if (a.title.empty()) a.title = "(untitled " + std::to_string(i.post_id) + ")";
    a.status = map_status(i.status);
    if (!i.password.empty()) {
      a.status = content::Status::Draft;
      s_.password_protected.push_back(a.title + " (WordPress id " + std::to_string(i.post_id) +
                                      ")");
    }
    if (i.status == "private")
      s_.notes.push_back("'" + a.title + "' was private: imported as a draft");
    if (is_page && i.post_parent && !collected_.ids.contains(i.post_parent))
      s_.notes.push_back("page '" + a.title + "': its parent (WordPress id " +
                         std::to_string(i.post_parent) + ") is not in the file");
    auto published = parse_wordpress_date(i.date_gmt);
    if (!published) published = parse_wordpress_date(i.date);
    a.published_at = a.status == content::Status::Draft || a.status == content::Status::Pending
                         ? 0
                         : published.value_or(0);
    a.language = language_;
    a.is_lead = i.sticky;
    a.comments_open = i.comment_status != "closed";
    for (std::size_t k = 0; k < i.categories.size(); ++k) {
      const auto& [domain, nicename] = i.categories[k];
      std::string name = k < i.category_names.size() ? i.category_names[k] : nicename;
      if (domain == "category" && !a.category_id) {
        if (auto it = categories_.find(nicename); it != categories_.end())
          a.category_id = it->second;
      } else if (domain == "post_tag") {
        Id t = tag_id(nicename, name, false);
        if (std::find(a.tag_ids.begin(), a.tag_ids.end(), t) == a.tag_ids.end())
          a.tag_ids.push_back(t);
      }
    }
    if (auto it = authors_.find(i.creator); it != authors_.end())
      a.author_ids.push_back(it->second);
    a.body_html = std::move(p.body_html);
    a.excerpt = std::move(p.excerpt);
    a.reading_minutes = p.reading_minutes;
    a.featured_image = std::move(p.featured_image);
    // A featured picture copied into the library is that library item: the page shows it
    // with its srcset, caption and credit, and cards and shared links use its crops.
    if (std::string_view f = a.featured_image; f.starts_with("/media/"))
      if (auto media = tx_.media_id_by_file(f.substr(7))) a.featured_media_id = *media;
    for (const auto& [name, n] : p.report.unknown_shortcodes) s_.unknown_shortcodes[name] += n;

    std::string key = std::to_string(i.post_id);
    a.slug = usable_slug(i.post_name, a.title);
    auto imported = newsroom::import_article(tx_, "wp:post", key, a, "post-" + key).or_throw();
    Id id = imported.id;
    a.slug = imported.slug;
    imported_[i.post_id] = {id, a.slug, is_page && a.status == content::Status::Published};
    ++(imported.added ? tally.imported : tally.updated);
    if (a.status == content::Status::Published) add_post_redirects(i, a, is_page);
    comments(i, id);
  }

  void add_post_redirects(const WxrItem& i, const store::NewArticle& a, bool is_page) {
    std::string url = content::article_url(a.slug);
    std::string id = std::to_string(i.post_id);
    redirect("?p=" + id, url);
    if (is_page) redirect("?page_id=" + id, url);
    redirect(path_of(i.link), url);
    std::string name = percent_decoded(i.post_name);
    if (!name.empty() && i.date.size() >= 10 && !is_page) {
      std::string y = i.date.substr(0, 4), m = i.date.substr(5, 2), d = i.date.substr(8, 2);
      redirect("/" + y + "/" + m + "/" + d + "/" + name + "/", url);
      redirect("/" + y + "/" + m + "/" + name + "/", url);
    }
    if (!name.empty()) redirect("/" + name + "/", url);
  }

  void comments(const WxrItem& i, Id article) {
    for (const auto& c : i.comments) {
      if (c.type == "pingback" || c.type == "trackback") {
        s_.comments.skip(c.type + "s are not imported");
        continue;
      }
      content::CommentStatus status;
      if (c.approved == "1" || c.approved == "approve")
        status = content::CommentStatus::Approved;
      else if (c.approved == "0" || c.approved == "hold")
        status = content::CommentStatus::Pending;
      else if (c.approved == "spam")
        status = content::CommentStatus::Spam;
      else if (c.approved == "trash")
        status = content::CommentStatus::Trash;
      else {
        s_.comments.skip("unknown approval status '" + c.approved + "'");
        continue;
      }
      std::string key = std::to_string(c.id);
      if (auto existing = tx_.import_target("wp:comment", key)) {
        tx_.set_comment_status({*existing}, status);
        ++s_.comments.updated;
        continue;
      }
      store::NewComment n;
      n.article_id = article;
      if (c.parent) {
        auto parent = tx_.import_target("wp:comment", std::to_string(c.parent));
        if (parent)
          n.parent_id = *parent;
        else
          s_.notes.push_back("comment " + key + ": its parent comment " + std::to_string(c.parent) +
                             " is not in the file; imported as a top-level comment");
      }
      n.author_name = content::trim(c.author).empty() ? "Anonymous" : content::trim(c.author);
      n.author_email = content::ascii_lower(c.email);
      n.author_url = render::is_safe_url(c.url) ? c.url : "";
      n.body = c.content;  // made plain text by prepare()
      if (n.body.empty()) n.body = "\u2026";
      n.status = status;
      auto when = parse_wordpress_date(c.date_gmt);
      if (!when) when = parse_wordpress_date(c.date);
      n.created_at = when.value_or(0);
      Id id = tx_.add_comment(n).or_throw();
      tx_.set_import_target("wp:comment", key, id);
      ++s_.comments.imported;
    }
  }

  store::Transaction& tx_;  // lookups see what it wrote so far
  const ImportOptions& options_;
  const Collected& collected_;
  ImportSummary& s_;
  std::string language_, base_, site_title_;
  std::map<std::string, Id> authors_, categories_, tags_;
  std::map<std::string, std::string> author_slugs_,
      wordpress_paths_;              // by WordPress login / nicename
  std::map<Id, std::string> paths_;  // category paths
  std::set<std::string> redirected_;
  std::vector<WxrTerm> pending_categories_;
  struct ImportedPost {
    Id id = 0;
    std::string slug;
    bool published_page = false;
  };
  std::map<std::int64_t, ImportedPost> imported_;  // by WordPress id: what menus point to
  std::map<std::string, Menu> menus_;              // by the menu's nicename
  std::uint64_t done_ = 0;
  std::int64_t anonymous_ = 0;
};

void remove_files(const std::vector<std::filesystem::path>& files) {
  std::error_code ec;
  for (const auto& f : files) std::filesystem::remove(f, ec);
}

// The file of an attachment in a copy of wp-content/uploads, if it is there.
std::optional<std::filesystem::path> find_upload(const std::filesystem::path& uploads,
                                                 const std::string& url) {
  if (uploads.empty()) return std::nullopt;
  std::string path = path_of(url);
  std::vector<std::string> candidates;
  if (auto at = path.find("/wp-content/uploads/"); at != std::string::npos)
    candidates.push_back(path.substr(at + 20));
  if (auto at = path.find("/files/"); at != std::string::npos)
    candidates.push_back(path.substr(at + 7));
  candidates.push_back(path.substr(1));
  for (const auto& relative : candidates) {
    if (relative.empty() || relative.find("..") != std::string::npos) continue;
    std::error_code ec;
    auto file = uploads / relative;
    if (std::filesystem::is_regular_file(file, ec)) return file;
  }
  return std::nullopt;
}

// --uploads: each attachment's file goes into the media library (a picture with its
// metadata removed, a sound or video as it was); the attachment then points to the copy. Runs
// before the items are read.
void copy_uploads(store::Transaction& tx, const ImportOptions& options,
                  const std::filesystem::path& fetched, Collected& collected, ImportSummary& s,
                  std::vector<std::filesystem::path>& written) {
  std::vector<std::int64_t> ids;
  for (const auto& [id, a] : collected.attachments) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (std::int64_t id : ids) {
    Attachment& a = collected.attachments[id];
    std::string key = std::to_string(id);
    std::string stem = upload_key(a.url);
    if (auto existing = tx.import_target("wp:attachment", key))
      if (auto file = tx.media_file(*existing)) {
        collected.moved[stem] = a.url = "/media/" + *file;
        continue;
      }
    auto source = find_upload(options.uploads, a.url);
    if (!source) source = find_upload(fetched, a.url);
    if (!source) {
      s.notes.push_back(
          "attachment " + key + ": " + path_of(a.url) +
          (options.uploads.empty() ? " could not be fetched" : " is not in --uploads") +
          "; the article keeps the old URL");
      continue;
    }
    std::error_code ec;
    if (std::filesystem::file_size(*source, ec) > 50u << 20) {
      s.notes.push_back("attachment " + key + ": larger than 50 MB; not copied");
      continue;
    }
    auto read = media::read_file(*source);
    if (!read) {
      s.notes.push_back("attachment " + key + ": could not be read; the article keeps the old URL");
      continue;
    }
    std::string bytes = std::move(*read);
    std::string error;
    std::string dir = "imported";
    std::string path = path_of(a.url);
    std::smatch m;
    static const std::regex year_month("/(\\d{4})/(\\d{2})/[^/]+$");
    if (std::regex_search(path, m, year_month)) dir = m[1].str() + "/" + m[2].str();
    // A picture, cleaned, with its variants; or a sound or a video, as it was.
    std::optional<media::SavedImage> saved;
    if (auto type = media::playable_type(bytes)) {
      if (auto played =
              media::save_sound_or_video(bytes, *type, options.media_dir, dir, written, &error))
        saved = media::SavedImage{*played, {}, {}};
    } else {
      saved = media::save_image(bytes, options.media_dir, dir, written, &error);
    }
    if (!saved) {
      s.notes.push_back("attachment " + key + " (" + source->filename().string() + "): " + error +
                        " The article keeps the old URL.");
      continue;
    }
    std::string file = saved->original.file;
    if (auto same = tx.media_id_by_file(file)) {  // the same picture attached twice
      tx.set_import_target("wp:attachment", key, *same);
      collected.moved[stem] = a.url = "/media/" + file;
      continue;
    }
    store::NewMedia media;
    media.original = saved->original;
    media.variants = saved->variants;
    media.crops = saved->crops;
    media.alt = a.alt;
    media.caption = a.caption;
    media.original_name = source->filename().string();
    Id media_id = tx.add_media(media).or_throw();
    tx.set_import_target("wp:attachment", key, media_id);
    collected.moved[stem] = a.url = "/media/" + file;
    ++s.media_copied;
  }
}

}  // namespace

std::variant<ImportSummary, WxrError> import_wordpress(store::Store& store,
                                                       const ImportOptions& options) {
  Collected collected;
  collected.options = &options;
  if (auto error = read_wxr(options.file, collected)) return *error;
  ImportSummary summary;
  // --fetch-media: what is not in --uploads is fetched first, outside the transaction.
  std::filesystem::path fetched;
  struct RemoveFolder {
    std::filesystem::path& dir;
    ~RemoveFolder() {
      std::error_code ec;
      if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
  } remove_fetched{fetched};
  if (!options.fetch_media.empty()) {
    std::vector<std::string> paths;
    for (const auto& [id, a] : collected.attachments)
      if (!find_upload(options.uploads, a.url)) paths.push_back(path_of(a.url));
    fetched =
        options.media_dir.parent_path() / (".import-fetch-" + security::new_token().substr(0, 12));
    FetchOptions f;
    f.base = options.fetch_media;
    f.dir = fetched;
    f.progress = options.fetch_progress;
    auto report = fetch_media(paths, f);
    summary.media_fetched = static_cast<std::int64_t>(report.fetched);
    summary.media_not_fetched = static_cast<std::int64_t>(report.failed);
    for (auto& note : report.notes) summary.notes.push_back("not fetched: " + note);
  }
  std::vector<std::filesystem::path> written;  // media files, removed again if nothing is kept
  struct RemoveUnlessKept {
    std::vector<std::filesystem::path>& files;
    bool keep = false;
    ~RemoveUnlessKept() {
      if (!keep) remove_files(files);
    }
  } cleanup{written};
  // One transaction: an import is all or nothing, and its lookups see what it wrote.
  auto tx = store.begin();
  if (!options.uploads.empty() || !fetched.empty())
    copy_uploads(*tx, options, fetched, collected, summary, written);
  std::optional<WxrError> error;
  {
    // Two cores, two threads: one parses and prepares items, this one writes them.
    Channel channel(64);
    std::thread parser([&] {
      Producer producer(channel, collected);
      Event end;
      try {
        end.error = read_wxr(options.file, producer);
      } catch (const Cancelled&) {
        return;
      } catch (const std::exception& e) {
        end.error = WxrError{std::string("while reading the export: ") + e.what()};
      }
      channel.push(std::move(end));
    });
    struct Join {
      Channel& channel;
      std::thread& thread;
      ~Join() {
        channel.cancel();
        thread.join();
      }
    } join{channel, parser};
    Importer importer(store, *tx, options, collected, summary);
    while (true) {
      Event e = channel.pop();
      if (e.kind == Event::Kind::End) {
        error = std::move(e.error);
        break;
      }
      switch (e.kind) {
        case Event::Kind::Site:
          importer.site(e.site);
          break;
        case Event::Kind::Author:
          importer.author(e.author);
          break;
        case Event::Kind::Category:
          importer.category(e.term);
          break;
        case Event::Kind::Tag:
          importer.tag(e.term);
          break;
        case Event::Kind::Item:
          importer.item(e.item);
          break;
        case Event::Kind::Progress:
          importer.progress(e.bytes, e.total);
          break;
        case Event::Kind::End:
          break;
      }
    }
    if (!error) importer.finish();
  }
  if (error) return *error;  // the transaction rolls back as it goes
  if (options.dry_run) {
    tx->rollback().or_throw();
    return summary;  // the files it would have copied go again
  }
  tx->commit().or_throw();
  cleanup.keep = true;
  return summary;
}

}  // namespace khabar::importers
