# Writes OUT: a C++ file defining khabar::store::sqlite_migrations(), the numbered
# migrations in FILES (NNNN_name.sql) as raw string literals, in order.
set(body "// Generated from src/store/sqlite/migrations by cmake/embed_migrations.cmake.\n")
string(APPEND body "#include \"store/sqlite/migrations.h\"\n\nnamespace khabar::store {\n\n")
string(APPEND body "const std::vector<Migration>& sqlite_migrations() {\n  static const std::vector<Migration> all = {\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR number "${number} + 0")
  file(READ ${f} sql)
  string(APPEND body "    {${number}, \"${name}\", R\"khabar_sql(${sql})khabar_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n\n}  // namespace khabar::store\n")
file(WRITE ${OUT} "${body}")
