#include "support/database.h"

#include <sqlite3.h>

namespace khabar::test {

std::string sql(const std::filesystem::path& data, const std::string& statement) {
  sqlite3* db = nullptr;
  sqlite3_open((data / "khabar.db").c_str(), &db);
  sqlite3_busy_timeout(db, 5000);
  std::string out;
  sqlite3_exec(
      db, statement.c_str(),
      [](void* o, int n, char** values, char**) {
        auto* s = static_cast<std::string*>(o);
        for (int i = 0; i < n; ++i) *s += (i ? "|" : "") + std::string(values[i] ? values[i] : "");
        *s += "\n";
        return 0;
      },
      &out, nullptr);
  sqlite3_close(db);
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace khabar::test
