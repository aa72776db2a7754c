#include "render/theme.h"

#include <fstream>
#include <sstream>

#include "render/escape.h"

namespace khabar::render {

Theme::Theme(std::filesystem::path dir, StringTable strings)
    : dir_(std::move(dir)),
      strings_(std::move(strings)),
      cache_(std::make_unique<ctemplate::TemplateCache>()) {}

Theme::~Theme() = default;

std::unique_ptr<Theme> Theme::load(const std::filesystem::path& dir, std::string* error) {
  auto strings = StringTable::load(dir / "strings", error);
  if (!strings) return nullptr;
  std::unique_ptr<Theme> theme(new Theme(dir, std::move(*strings)));
  auto templates = dir / "templates";
  if (!theme->cache_->SetTemplateRootDirectory(templates.string())) {
    *error = "cannot use template directory " + templates.string();
    return nullptr;
  }
  std::error_code ec;
  int loaded = 0;
  // Reader templates at the top; the admin's in templates/admin/ (named "admin/x.tpl").
  for (const auto& entry : std::filesystem::recursive_directory_iterator(templates, ec)) {
    if (entry.path().extension() != ".tpl") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("{{%AUTOESCAPE") == std::string::npos) {
      *error = entry.path().string() + ": every template must declare {{%AUTOESCAPE ...}}";
      return nullptr;
    }
    std::string name = entry.path().lexically_relative(templates).string();
    if (!theme->cache_->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES)) {
      *error = entry.path().string() + ": template does not parse (see the log above)";
      return nullptr;
    }
    theme->own_names_[name] = name;
    if (!theme->localize(name, text.str(), error)) return nullptr;
    ++loaded;
  }
  if (ec || loaded == 0) {
    *error = "no templates in " + templates.string() + (ec ? ": " + ec.message() : "");
    return nullptr;
  }
  theme->cache_->Freeze();
  return theme;
}

bool Theme::localize(const std::string& name, const std::string& text, std::string* error) {
  if (text.find("{{S_") == std::string::npos) return true;
  for (const std::string& language : strings_.languages()) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (true) {
      std::size_t open = text.find("{{S_", at);
      if (open == std::string::npos) break;
      std::size_t close = text.find("}}", open);
      if (close == std::string::npos) break;
      std::string variable = text.substr(open + 2, close - open - 2);
      out.append(text, at, open - at);
      const std::string* value = nullptr;
      for (const auto& [var, string] : strings_.template_variables(language))
        if (var == variable) value = &string;
      if (value)
        out += escape_html(*value);
      else
        out.append(text, open, close + 2 - open);  // not a theme string: left as a variable
      at = close + 2;
    }
    out.append(text, at);
    std::string copy = language + "/" + name;
    if (!cache_->StringToTemplateCache(copy, out, ctemplate::STRIP_BLANK_LINES)) {
      *error = name + ": the " + language + " copy does not parse";
      return false;
    }
    localized_[language][name] = copy;
  }
  return true;
}

const std::string& Theme::localized(std::string_view language, std::string_view name) const {
  auto lang = localized_.find(language.substr(0, language.find('-')));
  if (lang == localized_.end()) lang = localized_.find("en");
  if (lang != localized_.end())
    if (auto it = lang->second.find(name); it != lang->second.end()) return it->second;
  auto own = own_names_.find(name);
  if (own != own_names_.end()) return own->second;
  static const std::string kEmpty;
  return kEmpty;
}

std::string Theme::expand(std::string_view name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  out.reserve(16 * 1024);
  cache_->ExpandNoLoad(ctemplate::TemplateString(name.data(), name.size()),
                       ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out);
  return out;
}

}  // namespace khabar::render
