// A fresh directory under $TMPDIR for one test, removed with its contents at the end; and
// the files tests read.
#pragma once

#include <filesystem>
#include <string>

namespace khabar::test {

// The whole of a file ("" if it cannot be read).
std::string read_file(const std::filesystem::path& p);

// The WordPress theme unit test export in the shared fixtures.
std::filesystem::path theme_unit_test_export();

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace khabar::test
