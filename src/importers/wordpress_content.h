// WordPress post content as WordPress shows it, made safe: block-editor comments
// (<!-- wp:... -->) dropped, [caption] made a <figure>, [gallery] a grid of figures,
// [embed], a provider's URL alone on its line and a provider's iframe a link alone in its
// paragraph (which reader pages show as an embed: render/embeds.h), paragraphs added by
// wpautop's rules, then everything through the allow-list sanitiser. Other shortcodes are
// left as text and reported. Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/sanitize.h"

namespace khabar::importers {

struct Attachment {
  std::string url;
  std::string caption;
  std::string alt;
};

struct ContentReport {
  std::map<std::string, int> unknown_shortcodes;  // name -> times seen
  bool flattened = false;  // markup nested too deep for the sanitiser was flattened
};

using AttachmentLookup = std::function<const Attachment*(std::int64_t id)>;

// `children`: the attachments whose parent is this post ([gallery] without ids shows them).
// `rewrite` may move URLs (uploads copied into the media library).
std::string wordpress_to_html(std::string_view content, const AttachmentLookup& attachments,
                              const std::vector<std::int64_t>& children, ContentReport& report,
                              const render::UrlRewrite& rewrite = nullptr);

// WordPress's wpautop: <p> around text blocks separated by blank lines, <br> for single
// line breaks, nothing added inside <pre> or around block-level elements.
std::string autop(std::string_view text);

// Text of (sanitised) HTML: tags removed, the common entities decoded, spaces collapsed;
// with `keep_lines`, line breaks (and <br>, </p>) stay as line breaks.
std::string html_to_text(std::string_view html, bool keep_lines = false);

// "YYYY-MM-DD HH:MM:SS" as Unix seconds (UTC); nothing for "0000-00-00 00:00:00" or junk.
std::optional<std::int64_t> parse_wordpress_date(std::string_view date);

}  // namespace khabar::importers
