#include "app/cli_support.h"

#include <iostream>

#include "app/config.h"
#include "store/open.h"

namespace khabar::app {

int fail(const std::string& message) {
  std::cerr << "khabar: " << message << "\n";
  return 1;
}

std::unique_ptr<store::Store> open_site(const std::filesystem::path& data_dir, std::string* error) {
  auto config = load_config(data_dir, error);
  if (!config) return nullptr;
  try {
    return store::open_store({.location = config->database_path().string()});
  } catch (const std::exception& e) {
    *error = e.what();
    return nullptr;
  }
}

}  // namespace khabar::app
