#include "render/strings.h"

#include <toml++/toml.h>

#include <cctype>

namespace khabar::render {

std::optional<StringTable> StringTable::load(const std::filesystem::path& dir, std::string* error) {
  StringTable table;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    std::string language = entry.path().stem().string();
    try {
      toml::table file = toml::parse_file(entry.path().string());
      auto& strings = table.tables_[language];
      for (auto&& [key, node] : file) {
        auto value = node.value<std::string>();
        if (!value) {
          *error = entry.path().string() + ": '" + std::string(key.str()) + "' is not a string";
          return std::nullopt;
        }
        strings.emplace(std::string(key.str()), *value);
      }
    } catch (const toml::parse_error& e) {
      *error = entry.path().string() + ":" + std::to_string(e.source().begin.line) + ":" +
               std::to_string(e.source().begin.column) + ": " + std::string(e.description());
      return std::nullopt;
    }
  }
  if (ec) {
    *error = "cannot read " + dir.string() + ": " + ec.message();
    return std::nullopt;
  }
  if (!table.tables_.contains("en")) {
    *error = dir.string() + " has no en.toml (English is the fallback and is required)";
    return std::nullopt;
  }
  for (const auto& [language, _] : table.tables_) {
    Variables& vars = table.variables_[language];
    for (const auto& [key, value] : table.tables_["en"]) {
      std::string name = "S_";
      for (char c : key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      vars.emplace_back(std::move(name), table.get(language, key));
    }
  }
  return table;
}

const std::map<std::string, std::string, std::less<>>* StringTable::table_for(
    std::string_view lang) const {
  auto it = tables_.find(lang);
  if (it == tables_.end()) it = tables_.find(lang.substr(0, lang.find('-')));
  return it == tables_.end() ? nullptr : &it->second;
}

const std::string& StringTable::get(std::string_view language, std::string_view key) const {
  for (const auto* t : {table_for(language), table_for("en")}) {
    if (!t) continue;
    auto it = t->find(key);
    if (it != t->end()) return it->second;
  }
  // Unknown keys are a theme bug; show the key rather than nothing.
  static thread_local std::string missing;
  missing.assign(key);
  return missing;
}

std::string StringTable::format(
    std::string_view language, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
  std::string out = get(language, key);
  for (const auto& [name, value] : values) {
    std::string placeholder = "{" + std::string(name) + "}";
    for (std::size_t pos = out.find(placeholder); pos != std::string::npos;
         pos = out.find(placeholder, pos + value.size()))
      out.replace(pos, placeholder.size(), value);
  }
  return out;
}

std::string StringTable::number(std::string_view language, long value) const {
  std::string ascii = std::to_string(value);
  const std::string& digits = get(language, "digits");
  if (digits == "0123456789") return ascii;  // the common case: nothing to map
  // digits holds ten code points; split them once per call (short strings).
  std::vector<std::string> glyphs;
  for (std::size_t i = 0; i < digits.size();) {
    std::size_t start = i++;
    while (i < digits.size() && (static_cast<unsigned char>(digits[i]) & 0xC0) == 0x80) ++i;
    glyphs.emplace_back(digits.substr(start, i - start));
  }
  if (glyphs.size() != 10) return ascii;
  std::string out;
  for (char c : ascii) out += (c >= '0' && c <= '9') ? glyphs[c - '0'] : std::string(1, c);
  return out;
}

std::string StringTable::date(std::string_view language, int year, int month, int day) const {
  return format(language, "date_format",
                {{"day", number(language, day)},
                 {"month", get(language, "month_" + std::to_string(month))},
                 {"year", number(language, year)}});
}

const StringTable::Variables& StringTable::template_variables(std::string_view language) const {
  auto it = variables_.find(language);
  if (it == variables_.end()) it = variables_.find(language.substr(0, language.find('-')));
  if (it == variables_.end()) it = variables_.find("en");
  return it->second;
}

bool StringTable::has_language(std::string_view language) const {
  return table_for(language) != nullptr;
}

std::vector<std::string> StringTable::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, _] : tables_) out.push_back(lang);
  return out;
}

const std::map<std::string, std::string, std::less<>>& StringTable::keys(
    std::string_view language) const {
  const auto* t = table_for(language);
  return t ? *t : *table_for("en");
}

}  // namespace khabar::render
