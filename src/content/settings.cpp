#include "content/settings.h"

#include <array>
#include <cctype>
#include <filesystem>
#include <stdexcept>

#include "content/language.h"
#include "content/text.h"
#include "content/time_zone.h"

namespace khabar::content {
namespace {

using K = SettingSpec::Kind;

// "https://" and a host name (letters, digits, '-' and '.', an optional ":port"), nothing
// else: what a CSP source list may name without letting in more than that one host.
bool is_https_origin(std::string_view s) {
  constexpr std::string_view kScheme = "https://";
  if (!s.starts_with(kScheme)) return false;
  std::string_view host = s.substr(kScheme.size());
  std::size_t colon = host.find(':');
  std::string_view port = colon == std::string_view::npos ? "" : host.substr(colon + 1);
  host = host.substr(0, colon);
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-' ||
      host.back() == '.' || host.find("..") != std::string_view::npos ||
      host.find('.') == std::string_view::npos)
    return false;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
  if (colon != std::string_view::npos) {
    if (port.empty() || port.size() > 5) return false;
    for (char c : port)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

constexpr std::array kSpecs = {
    SettingSpec{"title", "Site title", "the site's name, in the header and feeds", K::Text, 0, 0,
                "", "Khabar"},
    SettingSpec{"tagline", "Tagline", "the line under the title", K::Text, 0, 0, "", ""},
    SettingSpec{"url", "Site address", "public base URL, http:// or https://", K::Url, 0, 0, "",
                ""},
    SettingSpec{"language", "Language", "the site's language code (en, ps, fa...)", K::Language, 0,
                0, "", "en"},
    SettingSpec{"timezone", "Time zone", "the newsroom's time zone (e.g. Asia/Kabul)", K::TimeZone,
                0, 0, "", "UTC"},
    SettingSpec{"max_image_mb", "Largest image upload (MB)",
                "images above this size are refused (1-100; the server's max_upload_bytes caps "
                "every request)",
                K::Integer, 1, 100, "", "20"},
    SettingSpec{"comments_hold", "Hold comments",
                "all | first_time | none: which new comments wait for moderation", K::Choice, 0, 0,
                "all|first_time|none", "first_time"},
    SettingSpec{"comments_max_links", "Most links",
                "hold comments with more links than this (0-100)", K::Integer, 0, 100, "", "2"},
    SettingSpec{"comments_block_list", "Block list",
                "one per line: words, emails, IPs or ranges; matches go to spam", K::List, 0, 0, "",
                ""},
    SettingSpec{"comments_allow_list", "Allow list",
                "one per line: emails, IPs or ranges; matches are approved", K::List, 0, 0, "", ""},
    SettingSpec{"comments_close_after_days", "Close comments after (days)",
                "close comments on articles older than this; 0 = never", K::Integer, 0, 36500, "",
                "0"},
    SettingSpec{"comments_thread_depth", "Reply depth", "how deep replies nest (1-10)", K::Integer,
                1, 10, "", "5"},
    SettingSpec{"comments_flood_seconds", "Seconds between comments",
                "one comment per client in this many seconds (0-3600)", K::Integer, 0, 3600, "",
                "15"},
    SettingSpec{"search_per_minute", "Searches per minute",
                "searches one client may make in a minute (bursts up to that many; 1-10000); "
                "more answer 429",
                K::Integer, 1, 10000, "", "30"},
    SettingSpec{"search_ranked", "Matches ranked per search",
                "a search ranks and counts at most this many matches, the newest; past them "
                "the count is an estimate (10-10000000)",
                K::Integer, 10, 10000000, "", "20000"},
    SettingSpec{"embed_providers", "Embeds",
                "whose videos and posts a link alone in its paragraph embeds (one per line; "
                "shown only when a reader asks): youtube, vimeo, x, facebook, instagram, tiktok, "
                "soundcloud, spotify",
                K::List, 0, 0, "youtube|vimeo|x|facebook|instagram|tiktok|soundcloud|spotify",
                "youtube\nvimeo\nx\nfacebook\ninstagram\ntiktok\nsoundcloud\nspotify"},
    SettingSpec{"x_handle", "Account on X",
                "the newsroom's X (Twitter) account, e.g. @khabar: named in the card of every "
                "shared link (twitter:site)",
                K::Text, 0, 0, "", ""},
    SettingSpec{"site_logo", "Logo",
                "a picture of the media library (its file, set with \"Use as the site's logo\" "
                "there) shown in the header instead of the title; empty: the title",
                K::Text, 0, 0, "", ""},
    SettingSpec{"site_icon", "Site icon",
                "a square picture of the media library (set with \"Use as the site's icon\" "
                "there) for /favicon.ico and the app icons; empty: the title's first letter",
                K::Text, 0, 0, "", ""},
    SettingSpec{"websub_hub", "WebSub hub",
                "a WebSub hub's address (e.g. https://pubsubhubbub.appspot.com/): the feeds name "
                "it and it is told of every publish, so feed readers hear at once; empty: none",
                K::Url, 0, 0, "", ""},
    SettingSpec{"news_publication", "Publication name (Google News)",
                "the name the news sitemap gives Google News for this publication; empty: the "
                "site title",
                K::Text, 0, 0, "", ""},
    SettingSpec{"csp_script_origins", "Third-party scripts (privacy warning)",
                "empty by default, and best left so: each https origin listed here (one per "
                "line, e.g. https://www.googletagmanager.com) may run its code on every reader "
                "page and send what it sees back to itself. It learns what each reader reads "
                "and can follow them across other sites; Khabar's pages then no longer promise "
                "readers that nobody else is told. List only what the newsroom chose and tells "
                "its readers about",
                K::Origins, 0, 0, "", ""},
    SettingSpec{"csp_frame_origins", "Third-party frames (privacy warning)",
                "empty by default: https origins (one per line) whose frames reader pages may "
                "show beside the embeds (e.g. an ad server's). A frame loads with the page, "
                "before the reader asks, and tells its owner who reads what",
                K::Origins, 0, 0, "", ""},
    SettingSpec{"robots_extra", "More robots.txt lines",
                "lines added to /robots.txt as they are (e.g. User-agent: GPTBot, then "
                "Disallow: /)",
                K::List, 0, 0, "", ""},
    SettingSpec{"session_idle_minutes", "Sign out after idle (minutes)",
                "admin sessions end after this long unused (1-43200)", K::Integer, 1, 43200, "",
                "720"},
    SettingSpec{"session_lifetime_hours", "Session lifetime (hours)",
                "admin sessions end after this long in any case (1-8760)", K::Integer, 1, 8760, "",
                "336"},
    SettingSpec{"require_two_factor", "Require two-factor",
                "true: everyone who can publish must use two-factor sign-in", K::Flag, 0, 0, "",
                "false"},
    SettingSpec{"login_account_failures", "Failed sign-ins per account",
                "failures within 15 minutes before sign-in is paused (1-1000)", K::Integer, 1, 1000,
                "", "5"},
    SettingSpec{"login_client_failures", "Failed sign-ins per client",
                "failures from one address within 15 minutes before it is paused (1-10000)",
                K::Integer, 1, 10000, "", "20"},
};

}  // namespace

std::span<const SettingSpec> setting_specs() { return kSpecs; }

const SettingSpec* find_setting(std::string_view key) {
  for (const auto& s : kSpecs)
    if (s.key == key) return &s;
  return nullptr;
}

int integer_setting(std::string_view key, const std::optional<std::string>& stored) {
  const SettingSpec* spec = find_setting(key);
  if (!spec || spec->kind != K::Integer)
    throw std::logic_error("not an integer setting: " + std::string(key));
  auto fallback = parse_integer(spec->fallback);
  auto n = stored ? parse_integer(trim(*stored)) : std::nullopt;
  if (n && *n >= spec->min && *n <= spec->max) return static_cast<int>(*n);
  return static_cast<int>(fallback.value_or(spec->min));
}

std::optional<std::string> setting_problem(const SettingSpec& spec, std::string_view raw) {
  std::string value = trim(raw);
  std::string name(spec.key);
  if (!is_valid_utf8(value) || value.size() > 100000) return name + " is not valid text";
  switch (spec.kind) {
    case K::Text:
      if (spec.key == "title" && value.empty()) return "the title must not be empty";
      return std::nullopt;
    case K::Url:
      if (!value.starts_with("http://") && !value.starts_with("https://"))
        return "url must start with http:// or https://";
      if (value.find_first_of(" \t\r\n\"<>") != std::string::npos)
        return "url holds a space or quote";
      return std::nullopt;
    case K::Language:
      if (!is_valid_language_code(value))
        return "'" + value + "' is not a language code (en, ps, fa...)";
      return std::nullopt;
    case K::TimeZone:
      if (TimeZone::named(value)) return std::nullopt;
      return "'" + value + "' is not a time zone name (e.g. Asia/Kabul, Europe/London, UTC)";
    case K::Integer: {
      auto n = parse_integer(value);
      if (n && *n >= spec.min && *n <= spec.max) return std::nullopt;
      return name + " must be a whole number from " + std::to_string(spec.min) + " to " +
             std::to_string(spec.max);
    }
    case K::Choice:
      for (std::string_view choice : split(spec.choices, '|'))
        if (choice == value) return std::nullopt;
      return name + " must be one of: " + std::string(spec.choices);
    case K::List: {
      if (spec.choices.empty()) return std::nullopt;
      std::string entries = normalise_setting(spec, value);
      for (std::string_view entry : split(entries, '\n')) {
        bool known = false;
        for (std::string_view choice : split(spec.choices, '|')) known |= choice == entry;
        if (!known)
          return "'" + std::string(entry) + "' is not one of: " + std::string(spec.choices);
      }
      return std::nullopt;
    }
    case K::Origins: {
      std::string entries = normalise_setting(spec, value);
      for (std::string_view entry : split(entries, '\n'))
        if (!is_https_origin(entry))
          return "'" + std::string(entry) +
                 "' is not an https origin: https:// and a host name, nothing after it (e.g. "
                 "https://stats.example.org)";
      return std::nullopt;
    }
    case K::Flag:
      if (value == "true" || value == "false" || value == "on" || value.empty())
        return std::nullopt;
      return name + " must be true or false";
  }
  return std::nullopt;
}

std::string normalise_setting(const SettingSpec& spec, std::string_view raw) {
  std::string value = trim(raw);
  if (spec.kind == K::Flag) return value == "true" || value == "on" ? "true" : "false";
  if (spec.kind == K::Url)
    while (!value.empty() && value.back() == '/') value.pop_back();
  if (spec.kind != K::List && spec.kind != K::Origins) return value;
  std::string out;
  for (char& c : value)
    if (c == ',') c = '\n';
  for (std::string_view line : split(value, '\n')) {
    std::string entry = trim(line);
    if (entry.empty()) continue;
    out += (out.empty() ? "" : "\n") + entry;
  }
  return out;
}

}  // namespace khabar::content
