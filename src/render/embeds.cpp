#include "render/embeds.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "content/text.h"
#include "content/urls.h"
#include "render/escape.h"

namespace khabar::render {
namespace {

constexpr std::array kProviders = {
    EmbedProvider{"youtube", "YouTube", "https://www.youtube-nocookie.com", 560, 315},
    EmbedProvider{"vimeo", "Vimeo", "https://player.vimeo.com", 640, 360},
    EmbedProvider{"x", "X", "https://platform.twitter.com", 550, 600},
    EmbedProvider{"facebook", "Facebook", "https://www.facebook.com", 500, 600},
    EmbedProvider{"instagram", "Instagram", "https://www.instagram.com", 400, 600},
    EmbedProvider{"tiktok", "TikTok", "https://www.tiktok.com", 340, 700},
    EmbedProvider{"soundcloud", "SoundCloud", "https://w.soundcloud.com", 600, 166},
    EmbedProvider{"spotify", "Spotify", "https://open.spotify.com", 600, 352},
};

// An http(s) URL's host (lower case, without www., m. or mobile.), path and query.
struct Parts {
  std::string host;
  std::string_view path, query;
  std::vector<std::string_view> segments;  // of the path, empty ones left out
};

std::optional<Parts> parse(std::string_view url) {
  if (url.starts_with("https://"))
    url.remove_prefix(8);
  else if (url.starts_with("http://"))
    url.remove_prefix(7);
  else
    return std::nullopt;
  std::size_t host_end = url.find_first_of("/?#");
  Parts p;
  p.host = content::ascii_lower(url.substr(0, host_end));
  if (p.host.empty() || p.host.find_first_of(":@") != std::string::npos) return std::nullopt;
  for (std::string_view prefix : {"www.", "m.", "mobile."})
    if (p.host.starts_with(prefix)) p.host.erase(0, prefix.size());
  std::string_view rest = host_end == std::string_view::npos ? "" : url.substr(host_end);
  rest = rest.substr(0, rest.find('#'));
  std::size_t q = rest.find('?');
  p.path = rest.substr(0, q);
  if (q != std::string_view::npos) p.query = rest.substr(q + 1);
  for (std::string_view s : content::split(p.path, '/'))
    if (!s.empty()) p.segments.push_back(s);
  return p;
}

// The value of `name` in a query string (raw), or "".
std::string_view param(std::string_view query, std::string_view name) {
  for (std::string_view pair : content::split(query, '&')) {
    std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name && eq != std::string_view::npos) return pair.substr(eq + 1);
  }
  return {};
}

// Whether `s` is 1..max characters of letters, digits and `extra`.
bool made_of(std::string_view s, std::string_view extra, std::size_t max = 64) {
  if (s.empty() || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || extra.find(c) != std::string_view::npos;
  });
}
bool digits(std::string_view s) { return made_of(s, "", 24) && content::parse_integer(s); }

const EmbedProvider* provider(std::string_view key) { return find_embed_provider(key); }

std::optional<Embed> youtube(const Parts& p) {
  std::string_view id;
  const auto& s = p.segments;
  if (p.host == "youtu.be" && !s.empty())
    id = s[0];
  else if (p.host != "youtube.com" && p.host != "youtube-nocookie.com")
    return std::nullopt;
  else if (s.size() == 1 && s[0] == "watch")
    id = param(p.query, "v");
  else if (s.size() == 2 && (s[0] == "embed" || s[0] == "shorts" || s[0] == "live" || s[0] == "v"))
    id = s[1];
  if (id.size() != 11 || !made_of(id, "-_")) return std::nullopt;
  return Embed{provider("youtube"), "https://www.youtube.com/watch?v=" + std::string(id),
               "https://www.youtube-nocookie.com/embed/" + std::string(id)};
}

std::optional<Embed> vimeo(const Parts& p) {
  std::string_view id;
  if (p.host == "vimeo.com" && !p.segments.empty())
    id = p.segments.back();
  else if (p.host == "player.vimeo.com" && p.segments.size() == 2 && p.segments[0] == "video")
    id = p.segments[1];
  if (!digits(id)) return std::nullopt;
  return Embed{provider("vimeo"), "https://vimeo.com/" + std::string(id),
               "https://player.vimeo.com/video/" + std::string(id) + "?dnt=1"};
}

std::optional<Embed> x(const Parts& p) {
  std::string user = "i", id;
  const auto& s = p.segments;
  if (p.host == "platform.twitter.com" && !s.empty() && s[0] == "embed") {
    id = param(p.query, "id");
  } else if (p.host == "twitter.com" || p.host == "x.com") {
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
      if (s[i] == "status" || s[i] == "statuses") {
        id = s[i + 1];
        if (i == 1 && made_of(s[0], "_", 50)) user = s[0];
        break;
      }
  }
  if (!digits(id)) return std::nullopt;
  return Embed{provider("x"), "https://x.com/" + user + "/status/" + id,
               "https://platform.twitter.com/embed/Tweet.html?id=" + id + "&dnt=true"};
}

std::optional<Embed> recognise(std::string_view url, int depth);

std::optional<Embed> facebook(const Parts& p, int depth) {
  if (p.host != "facebook.com") return std::nullopt;
  const auto& s = p.segments;
  if (s.size() == 2 && s[0] == "plugins") {  // a frame: the post is its href
    if (depth > 0) return std::nullopt;
    return recognise(content::percent_decode(param(p.query, "href"), true).value_or(""), depth + 1);
  }
  bool video = false, post = false;
  for (std::string_view seg : s) {
    video |= seg == "videos" || seg == "watch" || seg == "reel";
    post |= seg == "posts" || seg == "photos" || seg == "permalink.php" || seg == "story.php" ||
            seg == "photo.php";
  }
  if (!video && !post) return std::nullopt;
  std::string page = "https://www.facebook.com" + std::string(p.path);
  if (!p.query.empty()) page += "?" + std::string(p.query);
  if (!made_of(page, ":/?&=._-%~", 500)) return std::nullopt;
  return Embed{provider("facebook"), page,
               std::string("https://www.facebook.com/plugins/") +
                   (video ? "video.php" : "post.php") + "?href=" + content::percent_encode(page)};
}

std::optional<Embed> instagram(const Parts& p) {
  const auto& s = p.segments;
  if (p.host != "instagram.com" || s.size() < 2 || !(s[0] == "p" || s[0] == "reel" || s[0] == "tv"))
    return std::nullopt;
  if (!made_of(s[1], "-_")) return std::nullopt;
  std::string page =
      "https://www.instagram.com/" + std::string(s[0]) + "/" + std::string(s[1]) + "/";
  return Embed{provider("instagram"), page, page + "embed/"};
}

std::optional<Embed> tiktok(const Parts& p) {
  const auto& s = p.segments;
  if (p.host != "tiktok.com") return std::nullopt;
  std::string page;
  std::string_view id;
  if (s.size() == 3 && s[0].starts_with("@") && s[1] == "video" && made_of(s[0].substr(1), "._")) {
    id = s[2];
    page = "https://www.tiktok.com/" + std::string(s[0]) + "/video/" + std::string(id);
  } else if (s.size() >= 2 && s[0] == "embed") {
    id = s.back();
    page = "https://www.tiktok.com/embed/v2/" + std::string(id);
  }
  if (!digits(id)) return std::nullopt;
  return Embed{provider("tiktok"), page, "https://www.tiktok.com/embed/v2/" + std::string(id)};
}

std::optional<Embed> soundcloud(const Parts& p, int depth) {
  const auto& s = p.segments;
  if (p.host == "w.soundcloud.com" && s.size() == 1 && s[0] == "player" && depth == 0)
    return recognise(content::percent_decode(param(p.query, "url"), true).value_or(""), depth + 1);
  std::string page;
  if (p.host == "soundcloud.com" && s.size() >= 2 && s.size() <= 3 &&
      std::all_of(s.begin(), s.end(), [](std::string_view seg) { return made_of(seg, "-_"); }))
    page = "https://soundcloud.com" + std::string(p.path);
  else if (p.host == "api.soundcloud.com" && s.size() == 2 && s[0] == "tracks" && digits(s[1]))
    page = "https://api.soundcloud.com/tracks/" + std::string(s[1]);
  if (page.empty()) return std::nullopt;
  while (page.back() == '/') page.pop_back();
  return Embed{provider("soundcloud"), page,
               "https://w.soundcloud.com/player/?url=" + content::percent_encode(page)};
}

std::optional<Embed> spotify(const Parts& p) {
  if (p.host != "open.spotify.com") return std::nullopt;
  std::vector<std::string_view> s = p.segments;
  if (!s.empty() && s[0].starts_with("intl-")) s.erase(s.begin());
  if (!s.empty() && s[0] == "embed") s.erase(s.begin());
  static constexpr std::array kTypes = {"track", "album", "playlist", "episode", "show", "artist"};
  if (s.size() != 2 || std::find(kTypes.begin(), kTypes.end(), s[0]) == kTypes.end() ||
      !made_of(s[1], ""))
    return std::nullopt;
  std::string path = std::string(s[0]) + "/" + std::string(s[1]);
  return Embed{provider("spotify"), "https://open.spotify.com/" + path,
               "https://open.spotify.com/embed/" + path};
}

std::optional<Embed> recognise(std::string_view url, int depth) {
  if (url.size() > 2000) return std::nullopt;
  auto p = parse(url);
  if (!p) return std::nullopt;
  if (auto e = youtube(*p)) return e;
  if (auto e = vimeo(*p)) return e;
  if (auto e = x(*p)) return e;
  if (auto e = facebook(*p, depth)) return e;
  if (auto e = instagram(*p)) return e;
  if (auto e = tiktok(*p)) return e;
  if (auto e = soundcloud(*p, depth)) return e;
  return spotify(*p);
}

std::string replace_name(std::string text, std::string_view name) {
  for (std::size_t at = text.find("{name}"); at != std::string::npos;
       at = text.find("{name}", at + name.size()))
    text.replace(at, 6, name);
  return text;
}

std::string unescape_amp(std::string_view s) {
  std::string out(s);
  for (std::size_t at = out.find("&amp;"); at != std::string::npos; at = out.find("&amp;", at + 1))
    out.erase(at + 1, 4);
  return out;
}

bool enabled(const std::vector<std::string>& keys, const EmbedProvider* p) {
  return p && std::find(keys.begin(), keys.end(), p->key) != keys.end();
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  return i;
}

// Calls `found(begin, end, embed)` for each paragraph of `html` holding only a link to an
// embeddable URL, its text the URL (maybe without the scheme), in order: Markdown's
// <p><a href="U">U</a></p> and the sanitiser's <p>\n<a href="U" rel="noopener">U</a></p>.
// `found` returns whether to go on.
template <typename Found>
void each_embed(std::string_view html, Found&& found) {
  constexpr std::string_view kHref = "<a href=\"", kRel = " rel=\"", kEnd = "</a>";
  for (std::size_t at = html.find("<p>"); at != std::string_view::npos;
       at = html.find("<p>", at + 1)) {
    std::size_t i = skip_space(html, at + 3);
    if (html.substr(i, kHref.size()) != kHref) continue;
    std::size_t href_begin = i + kHref.size();
    std::size_t href_end = html.find('"', href_begin);
    if (href_end == std::string_view::npos) return;
    i = href_end + 1;
    if (html.substr(i, kRel.size()) == kRel) {
      i = html.find('"', i + kRel.size());
      if (i == std::string_view::npos) return;
      ++i;
    }
    if (i >= html.size() || html[i] != '>') continue;
    std::size_t text_begin = i + 1;
    std::size_t text_end = html.find('<', text_begin);
    if (text_end == std::string_view::npos) return;
    if (html.substr(text_end, kEnd.size()) != kEnd) continue;
    std::size_t close = skip_space(html, text_end + kEnd.size());
    if (html.substr(close, 4) != "</p>") continue;
    std::string href = unescape_amp(html.substr(href_begin, href_end - href_begin));
    std::string text = unescape_amp(html.substr(text_begin, text_end - text_begin));
    if (text != href && "http://" + text != href && "https://" + text != href) continue;
    if (auto e = recognise(href, 0)) {
      if (!found(at, close + 4, *e)) return;
      at = close;
    }
  }
}

}  // namespace

std::span<const EmbedProvider> embed_providers() { return kProviders; }

const EmbedProvider* find_embed_provider(std::string_view key) {
  for (const auto& p : kProviders)
    if (p.key == key) return &p;
  return nullptr;
}

std::optional<Embed> recognise_embed(std::string_view url) { return recognise(url, 0); }

std::string with_embeds(std::string_view html, const EmbedOptions& options) {
  std::string out;
  std::size_t copied = 0;
  int n = 0;
  each_embed(html, [&](std::size_t begin, std::size_t end, const Embed& e) {
    if (!enabled(options.enabled, e.provider)) return true;
    ++n;
    if (out.empty()) out.reserve(html.size() + 1024);
    out.append(html.substr(copied, begin - copied));
    copied = end;
    std::string id = "embed-" + std::to_string(n);
    std::string name(e.provider->name), url = escape_html(e.url);
    std::string open = "<a href=\"" + url + "\" rel=\"nofollow noopener\">";
    out += "<figure class=\"embed embed-" + std::string(e.provider->key) + "\" id=\"" + id + "\">";
    if (n == options.load) {
      out += "<iframe src=\"" + escape_html(e.frame) + "\" title=\"" +
             escape_html(replace_name(options.what, name)) + "\" width=\"" +
             std::to_string(e.provider->width) + "\" height=\"" +
             std::to_string(e.provider->height) +
             "\" allow=\"encrypted-media; fullscreen; picture-in-picture\" allowfullscreen "
             "referrerpolicy=\"strict-origin-when-cross-origin\" sandbox=\"allow-scripts "
             "allow-same-origin allow-popups allow-popups-to-escape-sandbox "
             "allow-presentation\"></iframe><figcaption>" +
             open + escape_html(replace_name(options.open, name)) + "</a></figcaption>";
    } else {
      out += "<p class=\"embed-what\">" + escape_html(replace_name(options.what, name)) + ": " +
             open + url + "</a></p><p class=\"embed-notice\">" +
             escape_html(replace_name(options.notice, name)) +
             "</p><p><a class=\"embed-show\" href=\"?embed=" + std::to_string(n) + "#" + id +
             "\" rel=\"nofollow\">" + escape_html(replace_name(options.show, name)) + "</a></p>";
    }
    out += "</figure>";
    return true;
  });
  if (n == 0) return std::string(html);
  out.append(html.substr(copied));
  return out;
}

bool has_embeds(std::string_view html, const std::vector<std::string>& keys) {
  bool any = false;
  each_embed(html, [&](std::size_t, std::size_t, const Embed& e) {
    any = enabled(keys, e.provider);
    return !any;
  });
  return any;
}

std::string embed_frame_sources(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& p : kProviders)
    if (enabled(keys, &p)) out += (out.empty() ? "" : " ") + std::string(p.frame_origin);
  return out.empty() ? "'none'" : out;
}

std::optional<std::string> embed_url_of_frame(std::string_view src) {
  if (src.starts_with("//")) return embed_url_of_frame("https:" + std::string(src));
  auto e = recognise(src, 0);
  if (!e) return std::nullopt;
  return e->url;
}

namespace {

// Where pasted embed code starting at `line` (lower case, trimmed) ends: the tag that
// closes it, or "" when the line does not start embed code.
std::string_view embed_code_end(std::string_view line) {
  if (line.starts_with("<iframe")) return "</iframe>";
  if (line.starts_with("<script")) return "</script>";
  if (line.starts_with("<blockquote") && (line.find("twitter-tweet") != std::string_view::npos ||
                                          line.find("instagram-media") != std::string_view::npos ||
                                          line.find("tiktok-embed") != std::string_view::npos))
    return "</blockquote>";
  return {};
}

// The first attribute URL in `code` that is an embed's.
std::optional<std::string> embed_in_code(std::string_view code) {
  for (std::size_t at = code.find("=\""); at != std::string_view::npos;
       at = code.find("=\"", at + 2)) {
    std::size_t end = code.find('"', at + 2);
    if (end == std::string_view::npos) break;
    std::string url = unescape_amp(code.substr(at + 2, end - at - 2));
    if (url.starts_with("//")) url = "https:" + url;
    if (auto e = recognise(url, 0)) return e->url;
  }
  return std::nullopt;
}

}  // namespace

std::string embed_code_as_links(std::string_view md) {
  if (md.find('<') == std::string_view::npos) return std::string(md);
  std::string lower = content::ascii_lower(md);
  if (lower.find("<iframe") == std::string::npos && lower.find("<script") == std::string::npos &&
      lower.find("<blockquote") == std::string::npos)
    return std::string(md);
  std::string out;
  out.reserve(md.size());
  bool in_fence = false;
  // The first closing tag of each kind at or after where it was last looked for (npos:
  // none), kept so that many openings without one stay linear.
  std::map<char, std::size_t> next_close;
  std::size_t pos = 0;
  while (pos < md.size()) {
    std::size_t eol = md.find('\n', pos);
    std::size_t next = eol == std::string_view::npos ? md.size() : eol + 1;
    std::string_view line = std::string_view(lower).substr(pos, next - pos);
    std::size_t indent = line.find_first_not_of(" \t");
    std::string_view trimmed = indent == std::string_view::npos ? "" : line.substr(indent);
    if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) in_fence = !in_fence;
    std::string_view closing = in_fence || indent >= 4 ? "" : embed_code_end(trimmed);
    if (closing.empty()) {
      out.append(md.substr(pos, next - pos));
      pos = next;
      continue;
    }
    // The code runs to the line holding its closing tag (a few hundred lines at most).
    auto it = next_close.find(closing[2]);
    if (it == next_close.end() || (it->second != std::string::npos && it->second < pos))
      it = next_close.insert_or_assign(closing[2], lower.find(closing, pos)).first;
    std::size_t found = it->second;
    constexpr std::size_t kLongest = 20000;
    if (found == std::string::npos || found - pos > kLongest) {  // no element: text, as typed
      out.append(md.substr(pos, next - pos));
      pos = next;
      continue;
    }
    std::size_t end = found + closing.size();
    // The script the providers' code ends with, on the same line, goes with it.
    std::size_t after = lower.find_first_not_of(" \t", end);
    if (after != std::string::npos &&
        std::string_view(lower).substr(after).starts_with("<script")) {
      std::size_t script_end = std::string_view(lower).substr(after, kLongest).find("</script>");
      std::size_t line_end = lower.find('\n', after);
      if (script_end != std::string_view::npos && after + script_end < line_end)
        end = after + script_end + 9;
    }
    if (auto url = embed_in_code(md.substr(pos, end - pos))) out += "\n" + *url + "\n\n";
    // What follows the element on its line stays text.
    std::size_t end_line = lower.find('\n', end);
    end_line = end_line == std::string::npos ? md.size() : end_line + 1;
    std::string rest = content::trim(md.substr(end, end_line - end));
    if (!rest.empty()) out += rest + "\n";
    pos = end_line;
  }
  return out;
}

}  // namespace khabar::render
