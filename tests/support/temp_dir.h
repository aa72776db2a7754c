// A fresh directory under $TMPDIR for one test, removed with its contents at the end.
#pragma once

#include <filesystem>

namespace khabar::test {

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
