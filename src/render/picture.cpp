#include "render/picture.h"

#include "render/escape.h"

namespace khabar::render {
namespace {

constexpr std::string_view kOpen = "<p><img src=\"/media/";
constexpr std::string_view kClose = "></p>";

std::string srcset(const content::Media& m, std::string_view mime, bool with_original) {
  std::string out;
  int widest = 0;
  for (const auto& v : m.variants) {
    if (v.mime != mime) continue;
    if (!out.empty()) out += ", ";
    out += "/media/" + v.file + " " + std::to_string(v.width) + "w";
    widest = std::max(widest, v.width);
  }
  if (with_original && m.original.mime == mime && m.original.width > widest) {
    if (!out.empty()) out += ", ";
    out += "/media/" + m.original.file + " " + std::to_string(m.original.width) + "w";
  }
  return out;
}

// md4c escapes &, <, > and " in attribute values; undone before escaping again.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      std::string_view rest = s.substr(i);
      bool done = true;
      if (rest.starts_with("&amp;"))
        out += '&', i += 4;
      else if (rest.starts_with("&lt;"))
        out += '<', i += 3;
      else if (rest.starts_with("&gt;"))
        out += '>', i += 3;
      else if (rest.starts_with("&quot;"))
        out += '"', i += 5;
      else
        done = false;
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

// The value of attribute `name` in `tag` (md4c's output: name="value"), unescaped.
std::string attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  auto at = tag.find(key);
  if (at == std::string_view::npos) return {};
  at += key.size();
  auto end = tag.find('"', at);
  if (end == std::string_view::npos) return {};
  return unescape(tag.substr(at, end - at));
}

// Each library image paragraph in `html`: [begin, end) and the file.
template <typename F>
void each_image(std::string_view html, F&& f) {
  std::size_t pos = 0;
  while ((pos = html.find(kOpen, pos)) != std::string_view::npos) {
    auto end = html.find(kClose, pos);
    auto next_tag = html.find('<', pos + 4);
    if (end == std::string_view::npos || next_tag < end) {  // not an image alone in its <p>
      pos += kOpen.size();
      continue;
    }
    std::string_view tag = html.substr(pos + 3, end + 1 - (pos + 3));  // <img ...>
    std::string_view file_start = html.substr(pos + kOpen.size());
    std::string file(file_start.substr(0, file_start.find('"')));
    f(pos, end + kClose.size(), unescape(file), tag);
    pos = end + kClose.size();
  }
}

}  // namespace

std::string picture_html(const content::Media& m, const PictureOptions& o) {
  std::string alt = escape_html(o.alt.empty() ? std::string_view(m.alt) : o.alt);
  std::string sizes = escape_html(o.sizes);
  std::string out = "<picture>";
  if (m.original.mime != "image/webp") {
    std::string webp = srcset(m, "image/webp", false);
    if (!webp.empty())
      out += "<source type=\"image/webp\" srcset=\"" + escape_html(webp) + "\" sizes=\"" + sizes +
             "\">";
  }
  std::string own = srcset(m, m.original.mime, true);
  out += "<img src=\"/media/" + escape_html(m.original.file) + "\"";
  if (own.find(',') != std::string::npos)
    out += " srcset=\"" + escape_html(own) + "\" sizes=\"" + sizes + "\"";
  out += " width=\"" + std::to_string(m.original.width) + "\" height=\"" +
         std::to_string(m.original.height) + "\" alt=\"" + alt + "\"";
  out += o.lazy ? " loading=\"lazy\" decoding=\"async\">"
                : " decoding=\"async\" fetchpriority=\"high\">";
  out += "</picture>";
  return out;
}

std::string figure_html(const content::Media& m, const PictureOptions& o) {
  std::string caption(o.caption.empty() ? std::string_view(m.caption) : o.caption);
  std::string out = "<figure class=\"" + escape_html(o.css_class) + "\">" + picture_html(m, o);
  if (!caption.empty() || !m.credit.empty()) {
    out += "<figcaption>";
    if (!caption.empty()) out += escape_html(caption);
    if (!m.credit.empty())
      out += std::string(caption.empty() ? "" : " ") + "<span class=\"credit\">" +
             escape_html(m.credit) + "</span>";
    out += "</figcaption>";
  }
  out += "</figure>";
  return out;
}

std::vector<LibraryImage> library_images(std::string_view html) {
  std::vector<LibraryImage> images;
  each_image(html, [&](std::size_t, std::size_t, std::string file, std::string_view tag) {
    images.push_back({std::move(file), attribute(tag, "alt"), attribute(tag, "title")});
  });
  return images;
}

std::string with_figures(std::string_view html,
                         const std::function<const content::Media*(std::string_view file)>& find) {
  std::string out;
  std::size_t copied = 0;
  each_image(html, [&](std::size_t begin, std::size_t end, std::string file, std::string_view tag) {
    const content::Media* m = find(file);
    if (!m) return;  // not (or no longer) in the library: left as md4c wrote it
    out.append(html.substr(copied, begin - copied));
    std::string alt = attribute(tag, "alt"), title = attribute(tag, "title");
    PictureOptions o;
    o.alt = alt;
    o.caption = title;
    out += figure_html(*m, o);
    out += '\n';
    copied = end;
  });
  if (copied == 0) return std::string(html);
  out.append(html.substr(copied));
  return out;
}

}  // namespace khabar::render
