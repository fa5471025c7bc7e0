// Tabular answers (kg query) written as aligned text for people, TSV or one
// JSON document for scripts.
//
//   Report r;
//   Table& t = r.Add("neighbors", {"depth", "entity", "relation"});
//   t.Row({Cell::Int(1), Cell::Str("Nvidia"), Cell::Str("utiliser")});
//   std::string text = WriteReport(r, ReportFormat::kText);
//
// Thread safety: values; WriteReport is reentrant.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct Cell {
  std::string text;
  std::optional<double> number;   // numbers are written as JSON numbers
  static Cell Str(std::string s) { return {std::move(s), std::nullopt}; }
  static Cell Str(std::string_view s) { return {std::string(s), std::nullopt}; }
  static Cell Str(const char* s) { return {std::string(s), std::nullopt}; }
  static Cell Int(long long v) { return {std::to_string(v), static_cast<double>(v)}; }
  static Cell Num(double v, int decimals = 4);
};

struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  void Row(std::vector<Cell> cells) { rows.push_back(std::move(cells)); }
};

struct Report {
  std::vector<Table> tables;
  std::vector<std::string> notes;  // free lines printed after the tables (text only)
  Table& Add(std::string name, std::vector<std::string> columns) {
    tables.push_back({std::move(name), std::move(columns), {}});
    return tables.back();
  }
};

enum class ReportFormat { kText, kTsv, kJson };
bool ParseReportFormat(std::string_view s, ReportFormat* out);

// Text: one aligned block per table (its name as a heading when there are
// several). TSV: a header line per table, tabs and line breaks in cells turned
// into spaces. JSON: {"table name": [{column: value, ...}, ...], ..., "notes": [...]}.
std::string WriteReport(const Report& report, ReportFormat format);

}  // namespace kg
