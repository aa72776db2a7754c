// A theme: ctemplate templates (<dir>/templates/*.tpl and the admin's in
// <dir>/templates/admin/*.tpl, named "admin/<file>"; every one declaring
// {{%AUTOESCAPE context="..."}} so all values are escaped by default), string tables
// (<dir>/strings) and static assets (<dir>/static, served by http::StaticFiles).
// Loaded once at start and then immutable: expand() is thread-safe.
#pragma once

#include <ctemplate/template.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "render/strings.h"

namespace khabar::render {

class Theme {
 public:
  // Loads and checks the theme at `dir`. Returns null and sets `error` (naming the file)
  // when a template does not parse, a string table is broken or a template lacks
  // AUTOESCAPE.
  static std::unique_ptr<Theme> load(const std::filesystem::path& dir, std::string* error);
  ~Theme();

  // Expands templates/<name> with `dict`; include dictionaries name other templates.
  std::string expand(std::string_view name, const ctemplate::TemplateDictionary& dict) const;

  // The name of template `name` with the theme strings of `language` already written into
  // it ("ps/article.tpl"): at load, every {{S_KEY}} of a reader template is replaced by the
  // string, escaped, so pages do not set ~60 variables each. Templates without strings,
  // and languages without a table, keep their own (English) name.
  const std::string& localized(std::string_view language, std::string_view name) const;

  const StringTable& strings() const { return strings_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path static_dir() const { return dir_ / "static"; }

 private:
  Theme(std::filesystem::path dir, StringTable strings);
  bool localize(const std::string& name, const std::string& text, std::string* error);
  std::filesystem::path dir_;
  StringTable strings_;
  std::unique_ptr<ctemplate::TemplateCache> cache_;
  // language -> template name -> the name of its localized copy
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> localized_;
  std::map<std::string, std::string, std::less<>> own_names_;
};

}  // namespace khabar::render
