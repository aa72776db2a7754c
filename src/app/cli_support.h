// Helpers every command uses: one clear error line, and opening a site's store.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "store/store.h"

namespace khabar::app {

// Prints "khabar: <message>" to stderr; returns the exit code 1.
int fail(const std::string& message);

// The store of the site in `data_dir` (its khabar.toml names the database), or null
// with `error` set.
std::unique_ptr<store::Store> open_site(const std::filesystem::path& data_dir, std::string* error);

}  // namespace khabar::app
