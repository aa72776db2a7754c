// A library image as HTML: <picture> with WebP and original-format srcsets, sizes,
// width/height (no layout shift), lazy loading below the fold, and a <figure> with the
// caption and credit. Everything is escaped here. Pure.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"

namespace khabar::render {

struct PictureOptions {
  std::string_view css_class = "media";  // of the <figure>
  std::string_view sizes = "(min-width: 48rem) 46rem, 100vw";
  bool lazy = true;          // false for what is above the fold (featured image)
  std::string_view alt;      // instead of the library's alt text when not empty
  std::string_view caption;  // instead of the library's caption when not empty
};

std::string figure_html(const content::Media& m, const PictureOptions& options);
// The <picture> alone (no figure, caption or credit): a card's picture. css_class and
// caption are not used.
std::string picture_html(const content::Media& m, const PictureOptions& options);

// Markdown images that stand alone in a paragraph and point at the library
// (`![alt](/media/2026/11/ab12.jpg "caption")`, as md4c renders them:
// <p><img src="/media/..." alt="..." title="..."></p>) become figures; `find` gives the
// library item of a file ("2026/11/ab12.jpg") or null. The files asked for are collected
// first by `library_images`.
struct LibraryImage {
  std::string file;        // "2026/11/ab12.jpg"
  std::string alt, title;  // as written in the text (unescaped)
};
std::vector<LibraryImage> library_images(std::string_view html);
std::string with_figures(std::string_view html,
                         const std::function<const content::Media*(std::string_view file)>& find);

}  // namespace khabar::render
