#include "render/theme.h"

#include <fstream>
#include <sstream>

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
    if (!theme->cache_->LoadTemplate(entry.path().lexically_relative(templates).string(),
                                     ctemplate::STRIP_BLANK_LINES)) {
      *error = entry.path().string() + ": template does not parse (see the log above)";
      return nullptr;
    }
    ++loaded;
  }
  if (ec || loaded == 0) {
    *error = "no templates in " + templates.string() + (ec ? ": " + ec.message() : "");
    return nullptr;
  }
  theme->cache_->Freeze();
  return theme;
}

std::string Theme::expand(std::string_view name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  out.reserve(16 * 1024);
  cache_->ExpandNoLoad(ctemplate::TemplateString(name.data(), name.size()),
                       ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out);
  return out;
}

}  // namespace khabar::render
