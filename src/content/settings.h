// Every site setting the newsroom can change (in the admin's Settings screen or with
// `khabar settings`): its key, a one-line description, and what values it takes.
// The single list both use; docs/configuration.md describes the same keys. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace khabar::content {

struct SettingSpec {
  // Origins: a List whose entries are each an https origin ("https://stats.example.org",
  // no path, no wildcard): hosts a Content-Security-Policy is to allow.
  enum class Kind { Text, Url, Language, TimeZone, Integer, Choice, List, Flag, Origins };
  std::string_view key;
  std::string_view label;        // for the settings screen
  std::string_view description;  // one line
  Kind kind = Kind::Text;
  int min = 0, max = 0;       // Integer
  std::string_view choices;   // Choice: "a|b|c"; List: what each entry may be (if set)
  std::string_view fallback;  // the value when none is stored
};

std::span<const SettingSpec> setting_specs();
const SettingSpec* find_setting(std::string_view key);

// The value of the Integer setting `key` given what is stored: the stored number, or the
// spec's fallback when nothing is stored or it is not a number in the spec's range. The
// one reader of integer settings, so a range or default lives in the spec only. Throws
// std::logic_error if `key` is not an Integer setting (a caller's bug).
int integer_setting(std::string_view key, const std::optional<std::string>& stored);

// Why `value` is not acceptable for `spec`, or nothing.
std::optional<std::string> setting_problem(const SettingSpec& spec, std::string_view value);

// `value` as stored: trimmed; lists one entry per line (commas also separate on input);
// flags "true" or "false".
std::string normalise_setting(const SettingSpec& spec, std::string_view value);

}  // namespace khabar::content
