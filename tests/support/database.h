// Reading (and, to move time in tests, writing) a site's SQLite file directly.
#pragma once

#include <filesystem>
#include <string>

namespace khabar::test {

// Runs `statement` on <data>/khabar.db; returns the rows, columns joined by '|' and rows
// by '\n' (NULL as ""). Waits up to 5 s for the server's writer.
std::string sql(const std::filesystem::path& data, const std::string& statement);

}  // namespace khabar::test
