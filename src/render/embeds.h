// Embeds, safely: a paragraph holding only a link to a video or a post of a known
// provider (YouTube, Vimeo, X, Facebook, Instagram, TikTok, SoundCloud, Spotify) is shown
// to readers as a placeholder naming the provider, with the link, and a "show it here"
// link to the same page asking for that one embed: only then does the page hold the
// provider's frame. No request goes to the provider before the reader asks, and no
// JavaScript is needed. Where the provider has a privacy-enhanced address
// (youtube-nocookie.com, Vimeo's dnt=1, X's dnt=true) the frame uses it.
//
// Bodies keep the plain link (Markdown: a URL alone on its line; imports: [embed],
// embed blocks and the providers' iframes, see importers/wordpress_content.h): what is
// embedded, and how, is decided when the page is rendered, by the `embed_providers`
// setting. Pure, thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::render {

struct EmbedProvider {
  std::string_view key;           // as in the setting: "youtube"
  std::string_view name;          // as readers see it: "YouTube"
  std::string_view frame_origin;  // the frame's origin, for the page's frame-src
  int width, height;              // the frame's size (CSS scales it to the column)
};

std::span<const EmbedProvider> embed_providers();
const EmbedProvider* find_embed_provider(std::string_view key);

struct Embed {
  const EmbedProvider* provider = nullptr;
  std::string url;    // the page on the provider's site readers may open
  std::string frame;  // the frame's address
};

// `url` (a page of a provider, or one of its frame addresses) as an embed, or nothing.
std::optional<Embed> recognise_embed(std::string_view url);

struct EmbedOptions {
  std::vector<std::string> enabled;  // provider keys; others stay plain links
  int load = 0;                      // the embed the reader asked to see (1-based), or 0
  // What readers read, with {name} for the provider's name.
  std::string what = "{name}";
  std::string notice = "Shown here only if you ask: {name} then learns that you read this page.";
  std::string show = "Show it here";
  std::string open = "Open on {name}";
};

// `html` (a sanitised body) with its embeds as placeholders, and the one asked for as its
// frame. Linear in the input.
std::string with_embeds(std::string_view html, const EmbedOptions& options);

// Whether `html` holds an embed of an enabled provider (a page that does links to
// itself with ?embed=N, and its Content-Security-Policy names the frame origins).
bool has_embeds(std::string_view html, const std::vector<std::string>& enabled);

// The origins of the enabled providers' frames, space-separated, or "'none'".
std::string embed_frame_sources(const std::vector<std::string>& enabled);

// The page URL behind an iframe's src from a provider (WordPress posts hold them), or
// nothing: what an import keeps as the embed's link.
std::optional<std::string> embed_url_of_frame(std::string_view src);

// Markdown with the embed code people paste from the providers' "Embed" buttons (an
// <iframe>, X's, Instagram's or TikTok's <blockquote> with its <script>) replaced by the
// page's URL alone on its line, which then shows as an embed; any other pasted iframe or
// script is dropped rather than shown to readers as code. Code blocks are left alone.
std::string embed_code_as_links(std::string_view markdown);

}  // namespace khabar::render
