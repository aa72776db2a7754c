// Theme strings per language ("Home", "Check Also", month names...), loaded from
// <theme>/strings/<language>.toml. English ("en") is required and is the fallback for
// any key another language lacks. Immutable after load: thread-safe to read.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::render {

class StringTable {
 public:
  // Loads every *.toml in `dir`. Returns an error message instead on failure.
  static std::optional<StringTable> load(const std::filesystem::path& dir, std::string* error);

  // The string for `key` in `language` (or its primary subtag, e.g. "ps" for "ps-AF"),
  // else English, else the key itself.
  const std::string& get(std::string_view language, std::string_view key) const;

  // get() with every "{name}" replaced by the matching value.
  std::string format(std::string_view language, std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> values) const;

  // A whole number written with the language's digits (e.g. Eastern Arabic-Indic for "ps").
  std::string number(std::string_view language, long value) const;

  // "27 November 2026", in the language's words and digits.
  std::string date(std::string_view language, int year, int month, int day) const;

  bool has_language(std::string_view language) const;
  std::vector<std::string> languages() const;
  const std::map<std::string, std::string, std::less<>>& keys(std::string_view language) const;

  // Every key as a template variable name ("check_also" -> "S_CHECK_ALSO") with its
  // string in `language` (English where it has none). Made once at load.
  using Variables = std::vector<std::pair<std::string, std::string>>;
  const Variables& template_variables(std::string_view language) const;

 private:
  const std::map<std::string, std::string, std::less<>>* table_for(std::string_view lang) const;
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> tables_;
  std::map<std::string, Variables, std::less<>> variables_;
};

}  // namespace khabar::render
