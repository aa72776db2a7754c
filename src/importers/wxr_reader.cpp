#include "importers/wxr_reader.h"

#include <expat.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "content/model.h"
#include "content/text.h"

namespace khabar::importers {
namespace {

std::int64_t to_int(const std::string& s) {
  return content::parse_integer(content::trim(s)).value_or(0);
}

class Reader {
 public:
  explicit Reader(WxrHandler& handler) : handler_(handler), bodies_(handler.wants_bodies()) {}

  static void on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    static_cast<Reader*>(self)->start(name, attributes);
  }
  static void on_end(void* self, const XML_Char* name) { static_cast<Reader*>(self)->end(name); }
  static void on_text(void* self, const XML_Char* text, int length) {
    auto* r = static_cast<Reader*>(self);
    // A field longer than any body Khabar takes is kept only up to just past that limit,
    // so that the importer can refuse it by its size without holding all of it.
    if (!r->capturing_ || r->text_.size() > content::kMaxBodyBytes) return;
    r->text_.append(text, std::min(static_cast<std::size_t>(length),
                                   content::kMaxBodyBytes + 1 - r->text_.size()));
  }

  std::optional<WxrError> error;
  XML_Parser parser = nullptr;

 private:
  void fail(std::string message) {
    if (error) return;
    error = WxrError{std::move(message), static_cast<int>(XML_GetCurrentLineNumber(parser)),
                     static_cast<int>(XML_GetCurrentColumnNumber(parser))};
    XML_StopParser(parser, XML_FALSE);
  }

  void start(std::string_view name, const XML_Char** attributes) {
    ++depth_;
    if (depth_ == 1 && name != "rss") {
      fail("this is not a WordPress export: the document is <" + std::string(name) +
           ">, not <rss>");
      return;
    }
    text_.clear();
    capturing_ = bodies_ || (name != "content:encoded" && name != "wp:comment_content");
    if (name == "item") {
      in_item_ = true;
      item_ = WxrItem{};
      item_.line = static_cast<int>(XML_GetCurrentLineNumber(parser));
    } else if (name == "wp:comment" && in_item_) {
      in_comment_ = true;
      comment_ = WxrComment{};
    } else if (name == "wp:postmeta") {
      meta_key_.clear();
    } else if (name == "wp:author") {
      in_author_ = true;
      author_ = WxrAuthor{};
    } else if (name == "wp:category" && !in_item_) {
      in_category_ = true;
      term_ = WxrTerm{};
    } else if (name == "wp:tag") {
      in_tag_ = true;
      term_ = WxrTerm{};
    } else if (name == "category" && in_item_) {
      std::string domain, nicename;
      for (int i = 0; attributes[i]; i += 2) {
        std::string_view key = attributes[i];
        if (key == "domain") domain = attributes[i + 1];
        if (key == "nicename") nicename = attributes[i + 1];
      }
      item_.categories.emplace_back(domain, nicename);
    }
  }

  void end(std::string_view name) {
    --depth_;
    std::string value = std::move(text_);
    text_.clear();
    if (in_comment_) {
      end_comment(name, value);
    } else if (in_item_) {
      end_item(name, value);
    } else if (in_author_) {
      if (name == "wp:author_id")
        author_.id = to_int(value);
      else if (name == "wp:author_login")
        author_.login = value;
      else if (name == "wp:author_email")
        author_.email = value;
      else if (name == "wp:author_display_name")
        author_.display_name = value;
      else if (name == "wp:author_first_name")
        author_.first_name = value;
      else if (name == "wp:author_last_name")
        author_.last_name = value;
      else if (name == "wp:author")
        in_author_ = false, handler_.author(author_);
    } else if (in_category_) {
      if (name == "wp:term_id")
        term_.id = to_int(value);
      else if (name == "wp:category_nicename")
        term_.slug = value;
      else if (name == "wp:category_parent")
        term_.parent_slug = value;
      else if (name == "wp:cat_name")
        term_.name = value;
      else if (name == "wp:category_description")
        term_.description = value;
      else if (name == "wp:category")
        in_category_ = false, handler_.category(term_);
    } else if (in_tag_) {
      if (name == "wp:term_id")
        term_.id = to_int(value);
      else if (name == "wp:tag_slug")
        term_.slug = value;
      else if (name == "wp:tag_name")
        term_.name = value;
      else if (name == "wp:tag_description")
        term_.description = value;
      else if (name == "wp:tag")
        in_tag_ = false, handler_.tag(term_);
    } else if (depth_ == 2) {  // children of <channel>
      if (name == "title")
        site_.title = value;
      else if (name == "link")
        site_.link = value;
      else if (name == "description")
        site_.description = value;
      else if (name == "language")
        site_.language = value;
      else if (name == "wp:base_site_url")
        site_.base_site_url = value;
      else if (name == "wp:base_blog_url")
        site_.base_blog_url = value;
      else if (name == "wp:wxr_version") {
        site_.version = content::trim(value);
        if (site_.version != "1.0" && site_.version != "1.1" && site_.version != "1.2")
          return fail("WXR version '" + site_.version +
                      "' is not one this importer knows (1.0, 1.1, 1.2)");
        version_seen_ = true;
        handler_.site(site_);
      }
    }
  }

  void end_item(std::string_view name, std::string& value) {
    if (name == "item") {
      in_item_ = false;
      if (!version_seen_)
        return fail("this is not a WordPress export: no <wp:wxr_version> before the first item");
      handler_.item(item_);
      return;
    }
    if (name == "title")
      item_.title = std::move(value);
    else if (name == "link")
      item_.link = std::move(value);
    else if (name == "guid")
      item_.guid = std::move(value);
    else if (name == "dc:creator")
      item_.creator = std::move(value);
    else if (name == "content:encoded")
      item_.content = std::move(value);
    else if (name == "excerpt:encoded")
      item_.excerpt = std::move(value);
    else if (name == "wp:post_id")
      item_.post_id = to_int(value);
    else if (name == "wp:post_date")
      item_.date = content::trim(value);
    else if (name == "wp:post_date_gmt")
      item_.date_gmt = content::trim(value);
    else if (name == "wp:post_name")
      item_.post_name = content::trim(value);
    else if (name == "wp:status")
      item_.status = content::trim(value);
    else if (name == "wp:post_parent")
      item_.post_parent = to_int(value);
    else if (name == "wp:menu_order")
      item_.menu_order = static_cast<int>(to_int(value));
    else if (name == "wp:post_type")
      item_.post_type = content::trim(value);
    else if (name == "wp:post_password")
      item_.password = std::move(value);
    else if (name == "wp:comment_status")
      item_.comment_status = content::trim(value);
    else if (name == "wp:is_sticky")
      item_.sticky = content::trim(value) == "1";
    else if (name == "wp:attachment_url")
      item_.attachment_url = content::trim(value);
    else if (name == "category")
      item_.category_names.push_back(std::move(value));
    else if (name == "wp:meta_key")
      meta_key_ = std::move(value);
    else if (name == "wp:meta_value")
      item_.meta.emplace_back(std::move(meta_key_), std::move(value));
  }

  void end_comment(std::string_view name, std::string& value) {
    if (name == "wp:comment") {
      in_comment_ = false;
      item_.comments.push_back(std::move(comment_));
      return;
    }
    if (name == "wp:comment_id")
      comment_.id = to_int(value);
    else if (name == "wp:comment_parent")
      comment_.parent = to_int(value);
    else if (name == "wp:comment_author")
      comment_.author = std::move(value);
    else if (name == "wp:comment_author_email")
      comment_.email = content::trim(value);
    else if (name == "wp:comment_author_url")
      comment_.url = content::trim(value);
    else if (name == "wp:comment_author_IP")
      comment_.ip = content::trim(value);
    else if (name == "wp:comment_date")
      comment_.date = content::trim(value);
    else if (name == "wp:comment_date_gmt")
      comment_.date_gmt = content::trim(value);
    else if (name == "wp:comment_content")
      comment_.content = std::move(value);
    else if (name == "wp:comment_approved")
      comment_.approved = content::trim(value);
    else if (name == "wp:comment_type")
      comment_.type = content::trim(value);
  }

  WxrHandler& handler_;
  bool bodies_;
  int depth_ = 0;
  bool capturing_ = false;
  std::string text_;
  bool in_item_ = false, in_comment_ = false, in_author_ = false, in_category_ = false,
       in_tag_ = false, version_seen_ = false;
  WxrItem item_;
  WxrComment comment_;
  WxrAuthor author_;
  WxrTerm term_;
  WxrSite site_;
  std::string meta_key_;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
struct ParserFree {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

}  // namespace

std::optional<WxrError> read_wxr(const std::filesystem::path& file, WxrHandler& handler) {
  std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.c_str(), "rb"));
  if (!in) return WxrError{"cannot open " + file.string()};
  std::error_code ec;
  std::uint64_t total = std::filesystem::file_size(file, ec);
  Reader reader(handler);
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree> parser(XML_ParserCreate("UTF-8"));
  reader.parser = parser.get();
  XML_SetUserData(parser.get(), &reader);
  XML_SetElementHandler(parser.get(), &Reader::on_start, &Reader::on_end);
  XML_SetCharacterDataHandler(parser.get(), &Reader::on_text);
  constexpr std::size_t kChunk = 1 << 16;
  std::uint64_t done = 0;
  bool last = false;
  while (!last) {
    void* buffer = XML_GetBuffer(parser.get(), kChunk);
    if (!buffer) return WxrError{"out of memory while reading " + file.string()};
    std::size_t n = std::fread(buffer, 1, kChunk, in.get());
    if (std::ferror(in.get())) return WxrError{"cannot read " + file.string()};
    last = n < kChunk;
    done += n;
    if (XML_ParseBuffer(parser.get(), static_cast<int>(n), last) == XML_STATUS_ERROR) {
      if (reader.error) break;
      int line = static_cast<int>(XML_GetCurrentLineNumber(parser.get()));
      int column = static_cast<int>(XML_GetCurrentColumnNumber(parser.get()));
      return WxrError{file.filename().string() + ":" + std::to_string(line) + ":" +
                          std::to_string(column) + ": the XML is broken here (" +
                          XML_ErrorString(XML_GetErrorCode(parser.get())) + ")",
                      line, column};
    }
    handler.progress(done, total);
  }
  if (reader.error) {
    WxrError e = *reader.error;
    e.message = file.filename().string() + ":" + std::to_string(e.line) + ":" +
                std::to_string(e.column) + ": " + e.message;
    return e;
  }
  return std::nullopt;
}

}  // namespace khabar::importers
